import { Suspense, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import {
  AppBar, Box, Button, CircularProgress, Drawer, IconButton, List, ListItem, ListItemButton, ListItemText, Menu, MenuItem,
  Toolbar, Typography, TextField,
} from '@mui/material';
import { useAuth } from '../auth/auth';
import { useI18n, type Lang } from '../i18n';
import { useThemeMode } from '../theme';
import { useNav } from '../nav';

const DRAWER = 200;

export function AppShell() {
  const auth = useAuth();
  const { t, lang, setLang } = useI18n();
  const theme = useThemeMode();
  const nav = useNav();
  const [menu, setMenu] = useState<HTMLElement | null>(null);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography component="span" variant="h6" sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          <TextField
            select
            size="small"
            label={t('lang.label')}
            value={lang}
            onChange={(e) => setLang(e.target.value as Lang)}
            slotProps={{ select: { native: true }, inputLabel: { sx: { color: 'inherit' } } }}
            sx={{ '& .MuiInputBase-root': { color: 'inherit' }, minWidth: 90 }}
          >
            <option value="en">English</option>
            <option value="ro">Română</option>
          </TextField>
          <IconButton color="inherit" onClick={theme.toggle} aria-label={t('theme.toggle')}>
            <span aria-hidden="true">{theme.mode === 'light' ? '☾' : '☀'}</span>
          </IconButton>
          <Typography component="span" data-testid="user-name">
            {auth.name}
          </Typography>
          <Button
            color="inherit"
            aria-label={t('account.menu')}
            aria-haspopup="menu"
            aria-expanded={menu !== null}
            onClick={(e) => setMenu(e.currentTarget)}
          >
            <span aria-hidden="true">▾</span>
          </Button>
          <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
            <MenuItem onClick={auth.signOut}>{t('account.signOut')}</MenuItem>
          </Menu>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: DRAWER, '& .MuiDrawer-paper': { width: DRAWER, boxSizing: 'border-box' } }}>
        <Toolbar />
        <nav aria-label={t('nav.label')}>
          <List>
            {nav.map((item) => (
              <ListItem key={item.path} disablePadding>
                <ListItemButton
                  component={NavLink}
                  to={item.path}
                  end={item.path === '/'}
                  sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 'bold' } }}
                >
                  <ListItemText primary={t(item.labelKey)} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <Suspense fallback={<CircularProgress aria-label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </Box>
    </Box>
  );
}

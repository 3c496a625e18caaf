import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';

type Mode = 'light' | 'dark';
const ThemeModeContext = createContext<{ mode: Mode; toggle: () => void }>({ mode: 'light', toggle: () => {} });

/** Light or dark, kept in localStorage under `theme`. */
export function ThemeModeProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem('theme') === 'dark' ? 'dark' : 'light'));
  const theme = useMemo(
    () =>
      createTheme({
        palette: { mode, primary: { main: mode === 'light' ? '#1d4f91' : '#8ab4f8' } },
        components: {
          // A focus ring that is always visible for keyboard users.
          MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': { outline: '3px solid #f5a623', outlineOffset: 2 } } } },
        },
      }),
    [mode],
  );
  const value = useMemo(
    () => ({
      mode,
      toggle: () => {
        const next = mode === 'light' ? 'dark' : 'light';
        localStorage.setItem('theme', next);
        setMode(next);
      },
    }),
    [mode],
  );
  return (
    <ThemeModeContext.Provider value={value}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </ThemeModeContext.Provider>
  );
}

export const useThemeMode = () => useContext(ThemeModeContext);

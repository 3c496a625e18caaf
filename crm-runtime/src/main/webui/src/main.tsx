import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { loadConfig } from './config';
import { AuthProvider } from './auth/auth';
import { Providers } from './providers';
import { AppRoutes } from './routes';

const root = createRoot(document.getElementById('root')!);
document.documentElement.lang = localStorage.getItem('lang') === 'ro' ? 'ro' : 'en';
loadConfig()
  .then((config) =>
    root.render(
      <Providers>
        <AuthProvider config={config}>
          <BrowserRouter basename="/ui">
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </Providers>,
    ),
  )
  .catch((e) => root.render(<p role="alert">Vettify CRM could not start: {String(e)}</p>));

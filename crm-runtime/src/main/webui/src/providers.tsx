import { useRef, useState, type ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, useT } from './i18n';
import { ThemeModeProvider } from './theme';
import { ToastProvider, useToasts } from './toasts';
import { ApiError } from './api/client';

function QueryClientWithToasts({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const toasts = useToasts();
  const t = useT();
  const notify = useRef({ toasts, t });
  notify.current = { toasts, t };
  const [queryClient] = useState(
    () =>
      client ??
      new QueryClient({
        defaultOptions: {
          queries: { retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500 && error.status > 0) },
        },
        // A failed call says what failed and offers Retry (a form's own field errors are shown by the form).
        queryCache: new QueryCache({
          onError: (error, query) => {
            if (query.meta?.silent) return;
            notify.current.toasts.error(`${notify.current.t('common.error')}: ${error.message}`, () => void query.fetch());
          },
        }),
        mutationCache: new MutationCache({
          onError: (error, variables, _context, mutation) => {
            if (mutation.meta?.silent) return;
            notify.current.toasts.error(`${notify.current.t('common.error')}: ${error.message}`, () =>
              void mutation.execute(variables).catch(() => {}),
            );
          },
        }),
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** Language, theme, toasts and data fetching: what every page needs, in the host page and in a Shell alike. */
export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  return (
    <I18nProvider>
      <ThemeModeProvider>
        <ToastProvider>
          <QueryClientWithToasts client={client}>{children}</QueryClientWithToasts>
        </ToastProvider>
      </ThemeModeProvider>
    </I18nProvider>
  );
}

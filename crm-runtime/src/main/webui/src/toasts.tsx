import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Snackbar } from '@mui/material';
import { useT } from './i18n';

interface Toast {
  id: number;
  message: string;
  severity: 'success' | 'error';
  retry?: () => void;
}

interface Toasts {
  success: (message: string) => void;
  error: (message: string, retry?: () => void) => void;
}

const ToastContext = createContext<Toasts>({ success: () => {}, error: () => {} });
let nextId = 1;

/** One toast at a time; a failed call's toast offers Retry. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toast, setToast] = useState<Toast | null>(null);
  const close = useCallback(() => setToast(null), []);
  const value = useMemo<Toasts>(
    () => ({
      success: (message) => setToast({ id: nextId++, message, severity: 'success' }),
      error: (message, retry) => setToast({ id: nextId++, message, severity: 'error', retry }),
    }),
    [],
  );
  return (
    <ToastContext.Provider value={value}>
      {children}
      <Snackbar key={toast?.id} open={toast !== null} autoHideDuration={toast?.retry ? null : 5000} onClose={close}>
        {toast ? (
          <Alert
            severity={toast.severity}
            onClose={close}
            variant="filled"
            action={
              toast.retry ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    close();
                    toast.retry?.();
                  }}
                >
                  {t('common.retry')}
                </Button>
              ) : undefined
            }
          >
            {toast.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </ToastContext.Provider>
  );
}

export const useToasts = () => useContext(ToastContext);

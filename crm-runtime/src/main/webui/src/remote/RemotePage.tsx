import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, useInRouterContext } from 'react-router';
import { CircularProgress } from '@mui/material';
import { Providers } from '../providers';
import { AuthProvider } from '../auth/auth';
import { useQuery } from '@tanstack/react-query';
import { loadConfig } from '../config';

function Configured({ children }: { children: ReactNode }) {
  const config = useQuery({ queryKey: ['ui-config'], queryFn: loadConfig, staleTime: Infinity });
  if (!config.data) return <CircularProgress />;
  return <AuthProvider config={config.data}>{children}</AuthProvider>;
}

/**
 * What a Shell mounts: one exposed page with the remote's own providers and login. Inside the Shell's router it uses
 * that router; on its own it brings one rooted at `basename`.
 */
export function RemotePage({ children, basename = '/' }: { children: ReactNode; basename?: string }) {
  const inRouter = useInRouterContext();
  const page = (
    <Providers>
      <Configured>
        <Suspense fallback={<CircularProgress />}>{children}</Suspense>
      </Configured>
    </Providers>
  );
  return inRouter ? page : <BrowserRouter basename={basename}>{page}</BrowserRouter>;
}

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { federation } from '@module-federation/vite';

// Built into the runtime's classpath (scripts/build.mjs passes the directory); served under /ui/.
export default defineConfig({
  base: '/ui/',
  plugins: [
    react(),
    federation({
      name: 'vettify_crm',
      filename: 'remoteEntry.js',
      exposes: {
        './LeadsPage': './src/remote/LeadsPage.tsx',
        './OpportunitiesPage': './src/remote/OpportunitiesPage.tsx',
        './CampaignsPage': './src/remote/CampaignsPage.tsx',
      },
      shared: {
        react: { singleton: true },
        'react-dom': { singleton: true },
      },
      dts: false,
    }),
  ],
  build: {
    outDir: process.env.WEBUI_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/v1': 'http://localhost:8080', '/q': 'http://localhost:8080', '/ui/config.json': 'http://localhost:8080' },
  },
});

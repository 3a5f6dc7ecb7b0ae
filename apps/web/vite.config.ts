import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress';

// The console is served by the API at `/` in production; in development Vite
// serves it and forwards `/api` to a locally running API.
// `RHIP_API_URL` points the dev proxy at another API (default: the one `npm start` runs).
const apiTarget = process.env.RHIP_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // antd + React is one large but cacheable vendor chunk; the pages and ECharts load lazily.
    chunkSizeWarningLimit: 1200,
  },
});

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

/**
 * The web UI is built into web/dist and served by the API server itself
 * (same origin: the session cookie and CSRF token need no CORS). Each role's
 * pages are a lazy chunk, so a holder on a phone loads the public pages only.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/verify': 'http://127.0.0.1:3000' } },
});

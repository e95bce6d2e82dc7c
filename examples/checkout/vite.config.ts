import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// `npm run dev` serves the page with hot reload and sends /api to the checkout server (`npm start`, or
// `npm run demo` at the repository root, on port 3000).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'build/client',
    emptyOutDir: true,
    // two pages: the checkout, and the return page of the bank's website (see src/issuer-return.ts)
    rolldownOptions: { input: { main: page('index.html'), 'issuer-return': page('issuer-return.html') } },
  },
  server: {
    proxy: {
      // changeOrigin: false keeps the page's Host header, which the server's CSRF check compares with Origin
      // (a bare URL here would rewrite it to the target's)
      '/api': { target: `http://127.0.0.1:${process.env.DEMO_PORT ?? 3000}`, changeOrigin: false },
    },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';
// better-auth checks the Origin of sign-in requests against the server's own URL; the dev proxy presents that one.
const proxy = { target: server, changeOrigin: true, headers: { origin: server } };

export default defineConfig({
  base: '/group/',
  plugins: [react()],
  server: { port: 5178, proxy: { '/trpc': proxy, '/api': proxy } },
  preview: { port: 5178, proxy: { '/trpc': proxy, '/api': proxy } },
  build: { outDir: 'dist', emptyOutDir: true },
});

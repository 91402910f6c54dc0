import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';
// better-auth checks the Origin of sign-in requests against the server's own URL; the dev proxy presents that one.
const proxy = { target: server, changeOrigin: true, headers: { origin: server } };

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: { port: 5173, proxy: { '/trpc': proxy, '/api': proxy } },
  preview: { port: 5173, proxy: { '/trpc': proxy, '/api': proxy } },
  // The manifest (dist/.vite/manifest.json) lists each chunk's imports: the benchmark reads the first screen from it.
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
});

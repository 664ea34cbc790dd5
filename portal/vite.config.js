import { defineConfig } from 'vite';

// A static build: `dist/` is served as it is by serve.mjs (or any web server).
export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', chunkSizeWarningLimit: 2000, reportCompressedSize: true },
});

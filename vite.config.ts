/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Cross-origin isolation: video frames stream from the ffmpeg worker through shared memory.
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    // onnxruntime-web then loads its wasm glue from the files the app serves (public/vendor/ort)
    // instead of bundling a second copy.
    conditions: [...defaultClientConditions, 'onnxruntime-web-use-extern-wasm'],
  },
  optimizeDeps: { exclude: ['onnxruntime-web', '@mediapipe/tasks-vision', '@ffmpeg/core'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: { input: { main: 'index.html', runner: 'runner.html' } },
  },
  server: { port: 5173, strictPort: true, headers: isolationHeaders },
  preview: { port: 4173, strictPort: true, headers: isolationHeaders },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs', 'models/**/*.test.ts'],
  },
});

/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { writeReportFonts } from './scripts/lib/report-fonts.mjs';

/**
 * Nothing may leave the device: no connection, script, worker or wasm from another origin. The
 * same policy is in index.html for hosts that cannot set headers; as a header it also covers
 * the workers. 'wasm-unsafe-eval' lets WebAssembly compile; it allows no JavaScript eval.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

// Cross-origin isolation: video frames stream from the ffmpeg worker through shared memory.
export const appHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Content-Security-Policy': contentSecurityPolicy,
};

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'csp-meta',
      transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head' }],
    },
    // The report's font subsets hold the app's words: remade when those words gain a character.
    { name: 'report-fonts', buildStart: async () => void (await writeReportFonts(fileURLToPath(new URL('.', import.meta.url)))) },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      // The app shell (HTML, JS, CSS, icons: well under 1 MB), the content credentials reader's
      // wasm (8 MB, bundled from @contentauth/c2pa-web) and the PDF report's Japanese fonts (3.1 MB,
      // read only when a report needs them); the face engine's wasm and models are cached by the
      // service worker on first use (src/sw.ts).
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}', 'assets/*.wasm', 'vendor/fonts/*.ttf'],
        globIgnores: ['vendor/{mediapipe,ort,ffmpeg,models}/**', 'runner.html', 'assets/runner-*.js'],
        maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
        // The service worker is registered as a classic script: bundled as one IIFE, as such a script is. (The plugin's
        // default, an ES bundle, forces Rollup's deprecated inlineDynamicImports.)
        rollupFormat: 'iife',
      },
      manifest: {
        name: 'Mikiwame — face manipulation check',
        short_name: 'Mikiwame',
        description: 'Checks faces in photos and videos for signs of manipulation. Runs entirely on this device: nothing is uploaded.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#14181f',
        background_color: '#14181f',
        icons: [
          { src: '/icons/icon-48.png', sizes: '48x48', type: 'image/png' },
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
        file_handlers: [{
          action: '/',
          accept: {
            'image/*': ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.bmp'],
            'video/*': ['.mp4', '.m4v', '.mov', '.webm', '.mkv', '.avi'],
          },
        }],
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'media', accept: ['image/*', 'video/*'] }] },
        },
        launch_handler: { client_mode: 'focus-existing' },
      },
    }),
  ],
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
  server: { port: 5173, strictPort: true, headers: appHeaders },
  preview: { port: 4173, strictPort: true, headers: appHeaders },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs', 'models/**/*.test.ts'],
  },
});

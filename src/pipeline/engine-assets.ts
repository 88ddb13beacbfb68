import { appModelNames, modelUrl } from './model-manifest';

/**
 * The large files the analysis engine loads on first use (paths under the app's base), served
 * by the app itself from public/vendor (made at install by scripts/prepare-assets.mjs).
 */
export const vendorAssets = {
  mediapipeLoader: 'vendor/mediapipe/vision_wasm_module_internal.js',
  mediapipeWasm: 'vendor/mediapipe/vision_wasm_module_internal.wasm',
  faceModel: 'vendor/models/face_detection_short_range.tflite',
  ortWebgpuLoader: 'vendor/ort/ort-wasm-simd-threaded.asyncify.mjs',
  ortWebgpuWasm: 'vendor/ort/ort-wasm-simd-threaded.asyncify.wasm',
  ortWasmLoader: 'vendor/ort/ort-wasm-simd-threaded.mjs',
  ortWasm: 'vendor/ort/ort-wasm-simd-threaded.wasm',
  ffmpegLoader: 'vendor/ffmpeg/ffmpeg-core.js',
  ffmpegWasm: 'vendor/ffmpeg/ffmpeg-core.wasm',
} as const;

/** Absolute URL of an app asset, from a page or a worker. */
export const assetUrl = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, self.location.origin).href;

/** Everything the engine may fetch, for "make available offline": runtimes and the app's models. */
export function engineAssetUrls(): string[] {
  const models = appModelNames().map((name) => new URL(modelUrl(name), self.location.origin).href);
  return [...Object.values(vendorAssets).map(assetUrl), ...models];
}

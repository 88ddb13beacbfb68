import { appModelNames, modelUrl } from './model-manifest';

/**
 * The large files the analysis engine loads on first use (paths under the app's base), served
 * by the app itself from public/vendor (made at install by scripts/prepare-assets.mjs).
 */
export const vendorAssets = {
  mediapipeLoader: 'vendor/mediapipe/vision_wasm_module_internal.js',
  mediapipeWasm: 'vendor/mediapipe/vision_wasm_module_internal.wasm',
  faceModel: 'vendor/models/face_detection_short_range.tflite',
  ffmpegLoader: 'vendor/ffmpeg/ffmpeg-core.js',
  ffmpegWasm: 'vendor/ffmpeg/ffmpeg-core.wasm',
} as const;

export type OrtBuild = 'wasm' | 'jspi' | 'asyncify';

/** The onnxruntime-web builds the app serves: WASM only (14.2 MB of wasm), and WebGPU through JSPI (16.8 MB) or asyncify (26.8 MB). */
export const ortBuilds: Record<OrtBuild, { mjs: string; wasm: string }> = {
  wasm: { mjs: 'vendor/ort/ort-wasm-simd-threaded.mjs', wasm: 'vendor/ort/ort-wasm-simd-threaded.wasm' },
  jspi: { mjs: 'vendor/ort/ort-wasm-simd-threaded.jspi.mjs', wasm: 'vendor/ort/ort-wasm-simd-threaded.jspi.wasm' },
  asyncify: { mjs: 'vendor/ort/ort-wasm-simd-threaded.asyncify.mjs', wasm: 'vendor/ort/ort-wasm-simd-threaded.asyncify.wasm' },
};

/** The WebGPU build this browser can run: asyncify only where WebAssembly cannot suspend (no JSPI). */
export const webgpuOrtBuild = (): OrtBuild => ('Suspending' in WebAssembly ? 'jspi' : 'asyncify');

/** Absolute URL of an app asset, from a page or a worker. */
export const assetUrl = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, self.location.origin).href;

/** Everything the engine may fetch in this browser, for "make available offline": runtimes and the app's models. */
export function engineAssetUrls(): string[] {
  const models = appModelNames().map((name) => new URL(modelUrl(name), self.location.origin).href);
  const ort = [ortBuilds.wasm, ortBuilds[webgpuOrtBuild()]].flatMap(({ mjs, wasm }) => [mjs, wasm]);
  return [...Object.values(vendorAssets), ...ort].map(assetUrl).concat(models);
}

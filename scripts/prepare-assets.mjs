// Copies the wasm runtimes the app serves itself into public/vendor, builds the face detection
// model with the TFLite metadata tasks-vision needs and the PDF report's Japanese font subsets.
// Runs after `npm install`.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReportFonts } from './lib/report-fonts.mjs';
import { addImageMetadata } from './lib/tflite-metadata.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = (name) => join(root, 'node_modules', name);

const vendor = join(root, 'public', 'vendor');
const copies = [
  [join(packageDir('@mediapipe/tasks-vision'), 'wasm'), join(vendor, 'mediapipe'),
    ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm']],
  [join(packageDir('onnxruntime-web'), 'dist'), join(vendor, 'ort'),
    ['', '.jspi', '.asyncify'].flatMap((build) => [`ort-wasm-simd-threaded${build}.mjs`, `ort-wasm-simd-threaded${build}.wasm`])],
  [join(packageDir('@ffmpeg/core'), 'dist', 'esm'), join(vendor, 'ffmpeg'), ['ffmpeg-core.js', 'ffmpeg-core.wasm']],
];
for (const [from, to, files] of copies) {
  await mkdir(to, { recursive: true });
  for (const file of files) await copyFile(join(from, file), join(to, file));
}

const faceModel = await readFile(join(packageDir('@mediapipe/face_detection'), 'face_detection_short_range.tflite'));
const withMetadata = addImageMetadata(new Uint8Array(faceModel), {
  name: 'face_detection_short_range',
  description: 'MediaPipe BlazeFace short-range (from @mediapipe/face_detection), metadata added by Mikiwame',
  version: '0.4.1657300184',
  mean: [127.5],
  std: [127.5],
  width: 128,
  height: 128,
});
await mkdir(join(vendor, 'models'), { recursive: true });
await writeFile(join(vendor, 'models', 'face_detection_short_range.tflite'), withMetadata);
await writeReportFonts(root);
console.log(`prepare-assets: wasm runtimes, face model (${withMetadata.length} bytes) and report fonts in public/vendor`);

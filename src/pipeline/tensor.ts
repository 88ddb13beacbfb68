import { cropSpec } from './crop';
import type { RgbaImage } from './types';

/** Packs RGBA crops into one NCHW float batch, RGB scaled as the models were trained. */
export function cropsToTensor(crops: RgbaImage[]): Float32Array {
  const size = cropSpec.outputSize;
  const plane = size * size;
  const out = new Float32Array(crops.length * 3 * plane);
  const scale = cropSpec.modelInput.scale;
  crops.forEach((crop, n) => {
    if (crop.width !== size || crop.height !== size) throw new Error(`crop must be ${size}x${size}`);
    const base = n * 3 * plane;
    for (let i = 0; i < plane; i++) {
      out[base + i] = crop.data[i * 4] * scale;
      out[base + plane + i] = crop.data[i * 4 + 1] * scale;
      out[base + 2 * plane + i] = crop.data[i * 4 + 2] * scale;
    }
  });
  return out;
}

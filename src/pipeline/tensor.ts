import { cropSpec } from './crop';
import type { RgbaImage } from './types';

/**
 * Packs RGBA crops into one NCHW float batch, RGB scaled as the models were trained; into `reuse` when it has the
 * batch's length (every value is written).
 */
export function cropsToTensor(crops: RgbaImage[], reuse?: Float32Array): Float32Array {
  const size = cropSpec.outputSize;
  const plane = size * size;
  const length = crops.length * 3 * plane;
  const out = reuse?.length === length ? reuse : new Float32Array(length);
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

// Aligns and differences two pictures away from the page (a few hundred milliseconds of pixel work).
import * as Comlink from 'comlink';
import { colormap } from '../app/colormap';
import { maxSourcePixels } from '../pipeline/decode';
import { imageHeaderSize } from '../pipeline/image-header';
import type { RgbaImage } from '../pipeline/types';
import { changedLevel, compareImages, type FaceLandmarks } from './compare-images';
import type { ComparisonView } from './types';

/** Pictures are compared at most this size: the comparison itself works at 384 px. */
const maxDecodeSide = 1024;

export interface FacesIn {
  faces: FaceLandmarks[];
  /** Width of the image the faces' coordinates refer to. */
  width: number;
}

async function decode(file: Blob): Promise<{ image: RgbaImage; sourceWidth: number; sourceHeight: number }> {
  const declared = imageHeaderSize(new Uint8Array(await file.slice(0, 1 << 16).arrayBuffer()));
  if (declared && declared.width * declared.height > maxSourcePixels) throw new Error(`the picture is over ${maxSourcePixels / 1e6} megapixels`);
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' }).catch(() => {
    throw new Error('it could not be decoded as an image');
  });
  const scale = Math.min(1, maxDecodeSide / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const result = { image: context.getImageData(0, 0, canvas.width, canvas.height), sourceWidth: bitmap.width, sourceHeight: bitmap.height };
  bitmap.close();
  return result;
}

const rescaled = ({ faces, width }: FacesIn, toWidth: number): FaceLandmarks[] => {
  const s = toWidth / width;
  return faces.map(({ box, keypoints }) => ({
    box: { x: box.x * s, y: box.y * s, width: box.width * s, height: box.height * s },
    keypoints: keypoints.map((p) => ({ x: p.x * s, y: p.y * s })),
  }));
};

async function png(image: ImageData): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

function heatmap(difference: Float32Array, width: number, height: number): ImageData {
  const out = new ImageData(width, height);
  for (let i = 0; i < difference.length; i++) {
    out.data.set([...colormap(difference[i] / (3 * changedLevel)), 255], i * 4);
  }
  return out;
}

const api = {
  /** Compares `suspect` with `original`; a refusal or a failure comes back as `{ message }`. */
  async compare(suspect: Blob, suspectFaces: FacesIn, original: Blob, originalFaces: FacesIn): Promise<ComparisonView | { message: string }> {
    let decoded;
    try {
      decoded = await Promise.all([decode(suspect), decode(original)]);
    } catch (error) {
      return { message: `The original could not be compared: ${error instanceof Error ? error.message : String(error)}.` };
    }
    const [a, b] = decoded;
    const result = compareImages(a.image, rescaled(suspectFaces, a.image.width), b.image, rescaled(originalFaces, b.image.width));
    if (result.status === 'refused') return { message: result.message };
    const toSource = a.sourceWidth / a.image.width;
    const view: ComparisonView = {
      alignment: result.alignment,
      correlation: result.correlation,
      regions: result.regions.map((r) => ({ x: r.x * toSource, y: r.y * toSource, width: r.width * toSource, height: r.height * toSource })),
      faces: result.faces,
      sourceWidth: a.sourceWidth,
      sourceHeight: a.sourceHeight,
      alignedPng: await png(new ImageData(result.alignedOriginal.data, result.width, result.height)),
      differencePng: await png(heatmap(result.difference, result.width, result.height)),
    };
    return Comlink.transfer(view, [view.alignedPng.buffer, view.differencePng.buffer]);
  },
};

export type CompareApi = typeof api;

Comlink.expose(api);

// Aligns and differences two pictures away from the page (a few hundred milliseconds of pixel work).
import * as Comlink from 'comlink';
import { colormap } from '../draw/colormap';
import { maxSourcePixels } from '../pipeline/decode';
import type { ComparisonFailure } from '../i18n';
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

type Decoded = { image: RgbaImage; sourceWidth: number; sourceHeight: number };

async function decode(file: Blob): Promise<Decoded | ComparisonFailure> {
  const declared = imageHeaderSize(new Uint8Array(await file.slice(0, 1 << 16).arrayBuffer()));
  if (declared && declared.width * declared.height > maxSourcePixels) return { id: 'tooLarge', megapixels: maxSourcePixels / 1e6 };
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' }).catch(() => null);
  if (!bitmap) return { id: 'undecodable' };
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
  /** Compares `suspect` with `original`; a refusal or a failure comes back as why, as data. */
  async compare(suspect: Blob, suspectFaces: FacesIn, original: Blob, originalFaces: FacesIn): Promise<ComparisonView | ComparisonFailure> {
    const [a, b] = await Promise.all([decode(suspect), decode(original)]);
    if ('id' in a) return a;
    if ('id' in b) return b;
    const result = compareImages(a.image, rescaled(suspectFaces, a.image.width), b.image, rescaled(originalFaces, b.image.width));
    if (result.status === 'refused') return { id: 'notSamePicture', facesTried: result.facesTried, correlation: result.correlation };
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

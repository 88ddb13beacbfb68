import { refusalText, type Refusal } from '../i18n';
import { imageHeaderSize, undecodableImage } from './image-header';
import type { RgbaImage } from './types';

/** Larger images are downscaled before analysis: faces stay far above the crop's resolution. */
export const maxAnalysisSide = 4096;
/** Beyond this many pixels the browser may not have the memory to decode at all. */
export const maxSourcePixels = 100_000_000;

/** A file the analysis cannot take, with the reason as data (`refusal`) for the page to say in its language. */
export class UnsupportedInputError extends Error {
  override name = 'UnsupportedInputError';
  constructor(readonly refusal: Refusal) {
    super(refusalText(refusal, 'en'));
  }
}

export interface DecodedImage {
  /** The pixels analysed, at most maxAnalysisSide on the longer side. */
  image: RgbaImage;
  bitmap: ImageBitmap;
  sourceWidth: number;
  sourceHeight: number;
}

function tooLarge(width: number, height: number): UnsupportedInputError {
  return new UnsupportedInputError({ id: 'imageTooLarge', width, height, maxMegapixels: maxSourcePixels / 1e6 });
}

export async function decodeImage(blob: Blob): Promise<DecodedImage> {
  if (blob.size === 0) throw new UnsupportedInputError({ id: 'emptyFile' });
  const declared = imageHeaderSize(new Uint8Array(await blob.slice(0, 1 << 16).arrayBuffer()));
  if (declared && declared.width * declared.height > maxSourcePixels) throw tooLarge(declared.width, declared.height);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    throw new UnsupportedInputError(undecodableImage(new Uint8Array(await blob.slice(0, 512).arrayBuffer()), blob.type));
  }
  const sourceWidth = bitmap.width;
  const sourceHeight = bitmap.height;
  if (sourceWidth * sourceHeight > maxSourcePixels) {
    bitmap.close();
    throw tooLarge(sourceWidth, sourceHeight);
  }
  const longer = Math.max(sourceWidth, sourceHeight);
  if (longer > maxAnalysisSide) {
    const scale = maxAnalysisSide / longer;
    const resized = await createImageBitmap(bitmap, {
      resizeWidth: Math.round(sourceWidth * scale),
      resizeHeight: Math.round(sourceHeight * scale),
      resizeQuality: 'high',
    });
    bitmap.close();
    bitmap = resized;
  }
  return { image: bitmapPixels(bitmap), bitmap, sourceWidth, sourceHeight };
}

export function bitmapPixels(bitmap: ImageBitmap): RgbaImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { data, width, height };
}

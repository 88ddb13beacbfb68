import { refusalText, type Refusal } from '../i18n';
import { imageHeaderSize, undecodableImage } from './image-header';
import type { Box, RgbaRegion } from './types';

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
  /** The picture analysed, at most maxAnalysisSide on the longer side: its pixels are read where faces are (regionPixels). */
  bitmap: ImageBitmap;
  width: number;
  height: number;
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
  return { bitmap, width: bitmap.width, height: bitmap.height, sourceWidth, sourceHeight };
}

/**
 * The pixels of `box` (integer bounds inside the bitmap) alone, the same values as from the whole picture: a face's
 * crop reads what it covers, not a copy of every pixel (a 4096 px photo's took 64 MB; a fresh 4 MB one cost a 1024 px
 * photo 16 ms here).
 */
export function regionPixels(bitmap: ImageBitmap, box: Box): RgbaRegion {
  const region = { x: box.x, y: box.y, width: box.width, height: box.height, fullWidth: bitmap.width, fullHeight: bitmap.height };
  if (box.width === 0 || box.height === 0) return { ...region, data: new Uint8ClampedArray(0) };
  const context = new OffscreenCanvas(box.width, box.height).getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
  return { ...region, data: context.getImageData(0, 0, box.width, box.height).data };
}

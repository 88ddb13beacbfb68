/** Degradations applied before analysis to measure robustness (eval --degrade). */
export type Degradation = 'jpeg40-half';

export const degradations: readonly Degradation[] = ['jpeg40-half'];

/** Halves the image, then recompresses it as JPEG quality 40, as a social network might. */
export async function degrade(blob: Blob, kind: Degradation): Promise<Blob> {
  if (kind !== 'jpeg40-half') throw new Error(`unknown degradation ${kind as string}`);
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const width = Math.max(1, Math.round(bitmap.width / 2));
  const height = Math.max(1, Math.round(bitmap.height / 2));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.4 });
}

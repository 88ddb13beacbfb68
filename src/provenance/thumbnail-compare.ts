import type { Box, RgbaImage } from '../pipeline/types';

/** Side of the grid both pictures are averaged to: coarse enough to forgive scaling and recompression. */
export const gridSide = 16;
/**
 * Mean luma difference (0-255) above which the thumbnail shows another picture. A thumbnail of
 * the same picture, re-encoded, differs by a few levels; another picture by tens.
 */
export const thumbnailMismatchLevel = 20;

/** Below this luma a row or column counts as padding. */
const paddingLuma = 16;

const luma = (data: ArrayLike<number>, k: number) => 0.299 * data[k] + 0.587 * data[k + 1] + 0.114 * data[k + 2];

/** The part of a thumbnail that holds the picture: cameras pad thumbnails to 4:3 with black bars. */
export function contentBox({ data, width, height }: RgbaImage): Box {
  const rowDark = (y: number) => {
    for (let x = 0; x < width; x++) if (luma(data, (y * width + x) * 4) >= paddingLuma) return false;
    return true;
  };
  const columnDark = (x: number) => {
    for (let y = 0; y < height; y++) if (luma(data, (y * width + x) * 4) >= paddingLuma) return false;
    return true;
  };
  let top = 0;
  let bottom = height;
  let left = 0;
  let right = width;
  while (top < bottom - 1 && rowDark(top)) top++;
  while (bottom - 1 > top && rowDark(bottom - 1)) bottom--;
  while (left < right - 1 && columnDark(left)) left++;
  while (right - 1 > left && columnDark(right - 1)) right--;
  // An all-dark picture is all content.
  return top === height - 1 && left === width - 1 ? { x: 0, y: 0, width, height } : { x: left, y: top, width: right - left, height: bottom - top };
}

/** Mean luma of each cell of a gridSide x gridSide grid laid over `box`. */
export function lumaGrid(image: RgbaImage, box: Box = { x: 0, y: 0, width: image.width, height: image.height }): Float32Array {
  const sums = new Float32Array(gridSide * gridSide);
  const counts = new Uint32Array(gridSide * gridSide);
  for (let y = box.y; y < box.y + box.height; y++) {
    const row = Math.min(gridSide - 1, Math.floor(((y - box.y) * gridSide) / box.height));
    for (let x = box.x; x < box.x + box.width; x++) {
      const cell = row * gridSide + Math.min(gridSide - 1, Math.floor(((x - box.x) * gridSide) / box.width));
      sums[cell] += luma(image.data, (y * image.width + x) * 4);
      counts[cell]++;
    }
  }
  return sums.map((sum, i) => sum / Math.max(1, counts[i]));
}

/** How much the thumbnail's picture differs from the image's: mean absolute luma difference, 0-255. */
export function thumbnailDifference(image: RgbaImage, thumbnail: RgbaImage): number {
  const a = lumaGrid(image);
  const b = lumaGrid(thumbnail, contentBox(thumbnail));
  return a.reduce((sum, value, i) => sum + Math.abs(value - b[i]), 0) / a.length;
}

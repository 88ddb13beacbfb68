import type { Box, FaceDetection } from './types';

export interface TilePlanOptions {
  /** The detector finds faces down to about this fraction of its input side. */
  minFaceFraction: number;
  /** Smallest face, in image pixels, worth looking for. */
  minFacePx: number;
}

export const defaultTilePlan: TilePlanOptions = { minFaceFraction: 1 / 8, minFacePx: 24 };

/**
 * Square tiles at halving sizes, overlapping by a quarter, so that every face down to
 * `minFacePx` lies whole inside a tile where it spans at least `minFaceFraction` of the side.
 * The first region is always the whole image.
 */
export function planTiles(width: number, height: number, options: TilePlanOptions = defaultTilePlan): Box[] {
  const regions: Box[] = [{ x: 0, y: 0, width, height }];
  const smallestTile = options.minFacePx / options.minFaceFraction;
  for (let side = Math.max(width, height) / 2; side >= smallestTile; side /= 2) {
    const tile = Math.round(side);
    const xs = tileStarts(width, tile);
    const ys = tileStarts(height, tile);
    for (const y of ys) for (const x of xs) {
      regions.push({ x, y, width: Math.min(tile, width), height: Math.min(tile, height) });
    }
  }
  return regions;
}

/**
 * Whether a tile is needed only for faces smaller than `assessablePx`: the tiles of twice its side find faces of that
 * size already (a two-pass search shows the assessable faces before searching such tiles).
 */
export function findsOnlySmallerFaces(tile: Box, assessablePx: number, options: TilePlanOptions = defaultTilePlan): boolean {
  return 2 * Math.max(tile.width, tile.height) * options.minFaceFraction <= assessablePx;
}

function tileStarts(extent: number, tile: number): number[] {
  if (tile >= extent) return [0];
  const stride = Math.round(tile * 0.75);
  const starts: number[] = [];
  for (let s = 0; s + tile < extent; s += stride) starts.push(s);
  starts.push(extent - tile);
  return starts;
}

export function intersectionArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Greedy non-maximum suppression. A detection is dropped when it overlaps a kept one by
 * IoU above `iou`, or when most of it lies inside a kept one (a partial face cut by a tile edge).
 */
export function suppressOverlaps(detections: FaceDetection[], iou = 0.3, containment = 0.6): FaceDetection[] {
  const kept: FaceDetection[] = [];
  for (const d of [...detections].sort((p, q) => q.score - p.score)) {
    const area = d.box.width * d.box.height;
    const overlapsKept = kept.some((k) => {
      const inter = intersectionArea(d.box, k.box);
      const keptArea = k.box.width * k.box.height;
      return inter / (area + keptArea - inter) > iou || inter / Math.min(area, keptArea) > containment;
    });
    if (!overlapsKept) kept.push(d);
  }
  return kept;
}

/** True when the box reaches a tile edge that lies inside the image: the face is probably cut. */
export function cutByTileEdge(box: Box, tile: Box, image: { width: number; height: number }): boolean {
  const margin = 0.02 * tile.width;
  return (tile.x > 0 && box.x <= tile.x + margin)
    || (tile.y > 0 && box.y <= tile.y + margin)
    || (tile.x + tile.width < image.width && box.x + box.width >= tile.x + tile.width - margin)
    || (tile.y + tile.height < image.height && box.y + box.height >= tile.y + tile.height - margin);
}

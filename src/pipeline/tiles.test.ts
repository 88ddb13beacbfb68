import { describe, expect, it } from 'vitest';
import { cutByTileEdge, findsOnlySmallerFaces, planTiles, suppressOverlaps } from './tiles';
import type { FaceDetection } from './types';

const face = (x: number, y: number, side: number, score: number): FaceDetection => ({
  box: { x, y, width: side, height: side }, keypoints: [], score,
});

describe('planTiles', () => {
  it('uses only the whole image when it is small', () => {
    expect(planTiles(250, 250)).toEqual([{ x: 0, y: 0, width: 250, height: 250 }]);
  });

  it('covers a large image with overlapping tiles down to the smallest face size', () => {
    const tiles = planTiles(1024, 768);
    expect(tiles[0]).toEqual({ x: 0, y: 0, width: 1024, height: 768 });
    const sides = [...new Set(tiles.slice(1).map((t) => t.width))];
    expect(sides).toEqual([512, 256]);
    for (const t of tiles) {
      expect(t.x + t.width).toBeLessThanOrEqual(1024);
      expect(t.y + t.height).toBeLessThanOrEqual(768);
    }
    // Every 32 px face (1/8 of the 256 tiles) lies whole inside some 256 tile.
    for (let y = 0; y + 32 <= 768; y += 16) {
      for (let x = 0; x + 32 <= 1024; x += 16) {
        const inside = tiles.some((t) => t.width === 256 && t.x <= x && t.y <= y && x + 32 <= t.x + 256 && y + 32 <= t.y + 256);
        expect(inside, `face at ${x},${y}`).toBe(true);
      }
    }
  });
});

describe('findsOnlySmallerFaces', () => {
  it('leaves for the second pass only the tile levels whose faces the level above finds at the assessable size', () => {
    const [, ...tiles] = planTiles(1024, 1024);
    const sides = (fine: boolean) => [...new Set(tiles.filter((t) => findsOnlySmallerFaces(t, 72) === fine).map((t) => t.width))];
    // 512 px tiles find faces down to 64 px: a 72 px face needs them; the 256 px tiles find only what 512 px ones cannot.
    expect(sides(false)).toEqual([512]);
    expect(sides(true)).toEqual([256]);
    // A 640 px image has 320 px tiles only, needed for 72 px faces: no second pass.
    expect(planTiles(640, 640).slice(1).some((t) => findsOnlySmallerFaces(t, 72))).toBe(false);
  });
});

describe('suppressOverlaps', () => {
  it('keeps the best of overlapping detections and separate faces', () => {
    const kept = suppressOverlaps([face(0, 0, 100, 0.8), face(5, 5, 100, 0.9), face(300, 0, 50, 0.7)]);
    expect(kept.map((d) => d.score)).toEqual([0.9, 0.7]);
  });

  it('drops a partial face that lies inside a complete one', () => {
    const kept = suppressOverlaps([face(0, 0, 100, 0.9), { ...face(0, 0, 100, 0.95), box: { x: 50, y: 0, width: 50, height: 100 } }]);
    expect(kept).toHaveLength(1);
  });
});

describe('cutByTileEdge', () => {
  const image = { width: 1000, height: 1000 };
  const tile = { x: 300, y: 300, width: 256, height: 256 };
  it('flags a box touching an inner tile edge', () => {
    expect(cutByTileEdge({ x: 300, y: 400, width: 40, height: 40 }, tile, image)).toBe(true);
    expect(cutByTileEdge({ x: 520, y: 400, width: 36, height: 40 }, tile, image)).toBe(true);
  });
  it('accepts a box inside the tile, or at an image edge', () => {
    expect(cutByTileEdge({ x: 400, y: 400, width: 40, height: 40 }, tile, image)).toBe(false);
    expect(cutByTileEdge({ x: 0, y: 10, width: 40, height: 40 }, { x: 0, y: 0, width: 256, height: 256 }, image)).toBe(false);
  });
});

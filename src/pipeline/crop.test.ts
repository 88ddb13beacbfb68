import { describe, expect, it } from 'vitest';
import { applyAffine, cropFace, cropFootprint, cropSpec, cropTransform, invertAffine, warpAffine } from './crop';
import type { Box, FaceDetection, RgbaImage, RgbaRegion } from './types';

const level: FaceDetection = {
  box: { x: 100, y: 50, width: 80, height: 80 },
  keypoints: [{ x: 120, y: 80 }, { x: 160, y: 80 }],
  score: 0.9,
};

function gradient(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const k = (y * width + x) * 4;
    data[k] = x % 256;
    data[k + 1] = y % 256;
    data[k + 2] = 128;
    data[k + 3] = 255;
  }
  return { width, height, data };
}

describe('cropTransform', () => {
  it('centres the crop on the box, boxScale times its side', () => {
    const m = cropTransform(level);
    const centre = applyAffine(m, { x: cropSpec.outputSize / 2, y: cropSpec.outputSize / 2 });
    expect(centre.x).toBeCloseTo(140);
    expect(centre.y).toBeCloseTo(90);
    const corner = applyAffine(m, { x: 0, y: 0 });
    expect(140 - corner.x).toBeCloseTo((cropSpec.boxScale * 80) / 2);
  });

  it('levels the eyes', () => {
    const tilted: FaceDetection = { ...level, keypoints: [{ x: 120, y: 70 }, { x: 160, y: 90 }] };
    const toCrop = invertAffine(cropTransform(tilted));
    const [right, left] = tilted.keypoints.map((k) => applyAffine(toCrop, k));
    expect(left.y).toBeCloseTo(right.y);
    expect(left.x).toBeGreaterThan(right.x);
  });

  it('inverts exactly', () => {
    const m = cropTransform({ ...level, keypoints: [{ x: 120, y: 70 }, { x: 160, y: 90 }] });
    const p = applyAffine(invertAffine(m), applyAffine(m, { x: 17, y: 201 }));
    expect(p.x).toBeCloseTo(17);
    expect(p.y).toBeCloseTo(201);
  });
});

describe('warpAffine', () => {
  it('reproduces pixels under the identity map', () => {
    const image = gradient(8, 8);
    const out = warpAffine(image, [1, 0, 0, 0, 1, 0], 8);
    expect([...out.data]).toEqual([...image.data]);
  });

  it('fills a rectangle when given a height', () => {
    const image = gradient(8, 4);
    const out = warpAffine(image, [1, 0, 0, 0, 1, 0], 8, 4);
    expect(out).toMatchObject({ width: 8, height: 4 });
    expect([...out.data]).toEqual([...image.data]);
  });

  it('averages when downscaling and fills outside the image with black', () => {
    const image = gradient(64, 64);
    const out = warpAffine(image, [4, 0, 0, 0, 4, 0], 32);
    // Output pixel 0 covers source x 0..3: the mean of the red ramp is 1.5.
    expect(Math.abs(out.data[0] - 1.5)).toBeLessThanOrEqual(0.5);
    expect(out.data[(20 * 32 + 20) * 4 + 2]).toBe(0);
  });

  it('produces a crop of the specified size', () => {
    const crop = cropFace(gradient(300, 200), level);
    expect(crop.image.width).toBe(cropSpec.outputSize);
    expect(crop.image.data.length).toBe(cropSpec.outputSize ** 2 * 4);
  });
});

/** The pixels of `box` copied out of `image`, as the photo path reads them (pipeline/decode regionPixels). */
function region(image: RgbaImage, box: Box): RgbaRegion {
  const data = new Uint8ClampedArray(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    data.set(image.data.subarray(((box.y + y) * image.width + box.x) * 4, ((box.y + y) * image.width + box.x + box.width) * 4), y * box.width * 4);
  }
  return { ...box, data, fullWidth: image.width, fullHeight: image.height };
}

describe('cropFootprint', () => {
  const image = gradient(300, 200);
  // Noise, so that a pixel read from the wrong place shows.
  for (let i = 0; i < image.data.length; i++) if (i % 4 !== 3) image.data[i] = (i * 2654435761) >>> 24;
  const faces: FaceDetection[] = [
    level,
    { ...level, keypoints: [{ x: 120, y: 70 }, { x: 160, y: 95 }] },
    // Large (supersampled), small, and reaching past every edge.
    { box: { x: 20, y: 10, width: 190, height: 170 }, keypoints: [{ x: 70, y: 60 }, { x: 150, y: 50 }], score: 0.9 },
    { box: { x: 230, y: 150, width: 24, height: 24 }, keypoints: [{ x: 236, y: 158 }, { x: 248, y: 159 }], score: 0.9 },
    { box: { x: -30, y: 150, width: 90, height: 90 }, keypoints: [{ x: -5, y: 180 }, { x: 35, y: 175 }], score: 0.9 },
    { box: { x: 260, y: -40, width: 90, height: 90 }, keypoints: [{ x: 280, y: -10 }, { x: 320, y: -15 }], score: 0.9 },
  ];

  it('holds every pixel a crop samples: the crop from it equals the crop from the whole image, byte for byte', () => {
    for (const face of faces) {
      const footprint = cropFootprint(cropTransform(face), image.width, image.height);
      expect(footprint.width * footprint.height).toBeLessThan(image.width * image.height);
      const fromRegion = cropFace(region(image, footprint), face).image.data;
      const fromWhole = cropFace(image, face).image.data;
      expect(fromRegion.length).toBe(fromWhole.length);
      expect(fromRegion.filter((v, i) => v !== fromWhole[i]).length).toBe(0);
    }
  });

  it('is empty for a crop wholly outside the image, whose crop is black', () => {
    const outside: FaceDetection = { box: { x: 400, y: 300, width: 40, height: 40 }, keypoints: [], score: 0.9 };
    const footprint = cropFootprint(cropTransform(outside), image.width, image.height);
    expect(footprint.width * footprint.height).toBe(0);
    const crop = cropFace({ ...footprint, data: new Uint8ClampedArray(0), fullWidth: image.width, fullHeight: image.height }, outside);
    expect(crop.image.data.every((v, i) => v === (i % 4 === 3 ? 255 : 0))).toBe(true);
  });
});

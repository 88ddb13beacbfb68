import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxIoU, coffeePath, decodeRgba, editedCopyOfAstronaut, astronautPath } from '../../e2e/generated';
import { comparisonFailureText } from '../i18n';
import { applyAffine } from '../pipeline/crop';
import { compareImages, similarityFromPoints } from './compare-images';

const decode = (path: string, width: number, height: number) => decodeRgba(new Uint8Array(readFileSync(path)), [`scale=${width}:${height}`], width, height);

describe('similarityFromPoints', () => {
  it('recovers a scale, rotation and shift', () => {
    const from = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 5 }, { x: 7, y: 9 }];
    const [c, s] = [2 * Math.cos(0.3), 2 * Math.sin(0.3)];
    const to = from.map((p) => ({ x: c * p.x - s * p.y + 4, y: s * p.x + c * p.y - 3 }));
    const map = similarityFromPoints(from, to);
    for (let i = 0; i < from.length; i++) {
      expect(applyAffine(map, from[i]).x).toBeCloseTo(to[i].x, 6);
      expect(applyAffine(map, from[i]).y).toBeCloseTo(to[i].y, 6);
    }
  });
});

describe('compareImages on a self-blended, resized and recompressed copy of the astronaut', () => {
  it('outlines the edited face (IoU with the edit at least 0.5), and nothing else', () => {
    const { path, editBox } = editedCopyOfAstronaut();
    const result = compareImages(decode(path, 384, 384), [], decode(astronautPath, 512, 512), []);
    if (result.status !== 'compared') throw new Error(`refused: correlation ${result.correlation}`);
    expect(result.alignment).toBe('frame');
    expect(result.correlation).toBeGreaterThan(0.9);
    expect(result.regions).toHaveLength(1);
    expect(boxIoU(result.regions[0], editBox)).toBeGreaterThanOrEqual(0.5);
  });

  it('finds no change between the original and a resized copy of it', () => {
    const result = compareImages(decode(astronautPath, 300, 300), [], decode(astronautPath, 512, 512), []);
    expect(result).toMatchObject({ status: 'compared', regions: [] });
  });

  it('refuses an unrelated picture', () => {
    const result = compareImages(decode(astronautPath, 512, 512), [], decode(coffeePath, 600, 400), []);
    expect(result).toMatchObject({ status: 'refused', facesTried: false });
    if (result.status !== 'refused') return;
    expect(comparisonFailureText({ id: 'notSamePicture', ...result }, 'en')).toMatch(/^These do not look like the same picture: even aligned frame onto frame, they correlate at only 0\.\d\d\./);
    expect(comparisonFailureText({ id: 'notSamePicture', ...result }, 'ja')).toMatch(/^同じ画像には見えません。画像全体で合わせても、相関は0\.\d\dしかありません。/);
  });
});

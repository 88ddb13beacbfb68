import { noteText } from '../i18n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compressionNote, estimateJpegQuality } from './jpeg-quality';

/** A minimal JPEG header holding one DQT: the IJG luminance table scaled for `quality`. */
function jpegHeader(quality: number): Uint8Array {
  const base = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99];
  const scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
  const table = base.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
  return new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 67, 0, ...table, 0xff, 0xda, 0, 2]);
}

describe('estimateJpegQuality', () => {
  it('recovers the IJG quality of the luminance table', () => {
    for (const q of [30, 40, 75, 90]) expect(Math.abs(estimateJpegQuality(jpegHeader(q))! - q)).toBeLessThanOrEqual(2);
  });
  it('returns null for a PNG', () => {
    expect(estimateJpegQuality(new Uint8Array(readFileSync(join(import.meta.dirname, '../../e2e/fixtures/astronaut.png'))))).toBeNull();
  });
  it('notes heavy compression only', () => {
    expect(noteText(compressionNote(40)[0], 'en')).toMatch(/quality about 40/);
    expect(compressionNote(85)).toEqual([]);
    expect(compressionNote(null)).toEqual([]);
  });
});

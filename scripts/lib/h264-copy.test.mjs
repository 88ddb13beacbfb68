import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { h264Copy } from './h264-copy.mjs';

const fixtures = join(import.meta.dirname, '../../e2e/fixtures');
const work = mkdtempSync(join(tmpdir(), 'h264-copy-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ffmpeg(...args) {
  return execFileSync('ffmpeg', ['-loglevel', 'error', ...args], { maxBuffer: 1 << 28 });
}

function rgb(file) {
  const [width, height] = String(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]))
    .trim().split(',').map(Number);
  return { width, height, pixels: ffmpeg('-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-') };
}

function meanAbsDifference(a, b) {
  const rowBytes = b.width * 3;
  let sum = 0;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < rowBytes; x++) sum += Math.abs(a.pixels[y * a.width * 3 + x] - b.pixels[y * rowBytes + x]);
  }
  return sum / (b.height * rowBytes);
}

describe('h264Copy', () => {
  it('re-encodes every image, each size in one stream, and keeps each copy paired with its source', () => {
    mkdirSync(join(work, 'in/real'), { recursive: true });
    mkdirSync(join(work, 'in/fake'), { recursive: true });
    const files = [join(work, 'in/real/astronaut.png'), join(work, "in/fake/astronaut's mirror.png"),
      join(work, 'in/fake/coffee odd.jpg')];
    copyFileSync(join(fixtures, 'astronaut.png'), files[0]);
    ffmpeg('-i', files[0], '-vf', 'hflip', files[1]);
    ffmpeg('-i', join(fixtures, 'coffee.png'), '-vf', 'scale=301:201', files[2]);

    const { outDir, copies } = h264Copy(join(work, 'in'), files, 35);

    expect(copies.map((c) => relative(outDir, c))).toEqual(['real/astronaut.png', "fake/astronaut's mirror.png", 'fake/coffee odd.png']);
    const sources = files.map(rgb);
    const encoded = copies.map(rgb);
    expect(encoded[2]).toMatchObject({ width: 300, height: 200 });
    expect(encoded[0]).toMatchObject({ width: sources[0].width & ~1, height: sources[0].height & ~1 });
    for (const [i, copy] of encoded.entries()) {
      const own = meanAbsDifference(sources[i], copy);
      expect(own).toBeGreaterThan(0.5);
      expect(own).toBeLessThan(15);
    }
    expect(meanAbsDifference(sources[1], encoded[0])).toBeGreaterThan(2 * meanAbsDifference(sources[0], encoded[0]));
    expect(meanAbsDifference(sources[0], encoded[1])).toBeGreaterThan(2 * meanAbsDifference(sources[1], encoded[1]));
  }, 60_000);
});

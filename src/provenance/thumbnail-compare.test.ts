import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRgba } from '../../e2e/generated';
import { jpegWithExif } from '../../scripts/lib/provenance-fixtures.mjs';
import { readMetadata } from './metadata';
import { contentBox, thumbnailDifference, thumbnailMismatchLevel } from './thumbnail-compare';

/** Decodes (and scales) a picture with ffmpeg, as the browser decodes it in the worker. */
const decode = (bytes: Uint8Array, width: number, height: number) => decodeRgba(bytes, [`scale=${width}:${height}`], width, height);

async function pictureAndThumbnail(thumbnailOf: 'same' | 'other') {
  const file = new Uint8Array(readFileSync(jpegWithExif({ thumbnailOf })));
  const { thumbnail } = await readMetadata(file);
  return { file, thumbnail: thumbnail! };
}

describe('thumbnailDifference on the EXIF fixtures', () => {
  it('is small for a thumbnail of the same picture, large for another picture', async () => {
    const same = await pictureAndThumbnail('same');
    const other = await pictureAndThumbnail('other');
    const sameDifference = thumbnailDifference(decode(same.file, 128, 128), decode(same.thumbnail, 160, 160));
    const otherDifference = thumbnailDifference(decode(other.file, 128, 128), decode(other.thumbnail, 160, 160));
    expect(sameDifference).toBeLessThan(thumbnailMismatchLevel / 3);
    expect(otherDifference).toBeGreaterThan(thumbnailMismatchLevel * 1.5);
  });

  it('ignores the black bars a camera pads its thumbnail with', async () => {
    const { file, thumbnail } = await pictureAndThumbnail('same');
    // Squeezed to 16:9 and padded to 160x120, as a camera pads a wide picture's thumbnail.
    const padded = decodeRgba(thumbnail, ['scale=160:90', 'pad=160:120:0:15:black'], 160, 120);
    expect(contentBox(padded)).toEqual({ x: 0, y: 15, width: 160, height: 90 });
    expect(thumbnailDifference(decode(file, 128, 72), padded)).toBeLessThan(thumbnailMismatchLevel / 3);
  });
});

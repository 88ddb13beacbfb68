import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegWithoutMetadata } from '../../scripts/lib/provenance-fixtures.mjs';
import { fingerprint } from './fingerprint';

describe('fingerprint', () => {
  it('gives the SHA-256, size, type and JPEG quality of a real JPEG', async () => {
    const bytes = readFileSync(jpegWithoutMetadata());
    const result = await fingerprint(new Blob([bytes], { type: 'image/jpeg' }));
    expect(result).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      type: 'image/jpeg',
      jpegQuality: expect.any(Number),
      notHashed: null,
    });
    // ffmpeg's -q:v 3 is a high quality.
    expect(result.jpegQuality).toBeGreaterThan(80);
  });

  it('has no JPEG quality for a PNG', async () => {
    expect((await fingerprint(new Blob([readFileSync('e2e/fixtures/astronaut.png')]))).jpegQuality).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageHeaderSize } from './image-header';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', name)));

describe('imageHeaderSize', () => {
  it('reads PNG dimensions, including a bomb that declares 60000x60000', () => {
    expect(imageHeaderSize(fixture('astronaut.png'))).toEqual({ width: 512, height: 512 });
    const bomb = fixture('astronaut.png').slice(0, 33);
    new DataView(bomb.buffer).setUint32(16, 60000);
    new DataView(bomb.buffer).setUint32(20, 60000);
    expect(imageHeaderSize(bomb)).toEqual({ width: 60000, height: 60000 });
  });

  it('reads JPEG, GIF and BMP headers', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0x01, 0x2c, 0x02, 0x58, 3, 0, 0, 0, 0]);
    expect(imageHeaderSize(jpeg)).toEqual({ width: 600, height: 300 });
    const gif = new Uint8Array([...'GIF89a'].map((c) => c.charCodeAt(0)).concat([0x40, 0x01, 0xf0, 0x00]));
    expect(imageHeaderSize(gif)).toEqual({ width: 320, height: 240 });
    const bmp = new Uint8Array(30);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 100, true);
    new DataView(bmp.buffer).setInt32(22, -50, true);
    expect(imageHeaderSize(bmp)).toEqual({ width: 100, height: 50 });
  });

  it('returns null for what it cannot read', () => {
    expect(imageHeaderSize(new Uint8Array(0))).toBeNull();
    expect(imageHeaderSize(new TextEncoder().encode('not an image at all, sorry'))).toBeNull();
  });
});

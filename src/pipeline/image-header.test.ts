import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageHeaderSize, undecodableImage } from './image-header';

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

describe('undecodableImage (defect 5: a text file named .png)', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('says a file whose bytes are text is not an image, whatever its name or type claims', () => {
    expect(undecodableImage(bytes('hello, this is a note\nnot a picture\n'), 'image/png')).toEqual({ id: 'notAnImage', text: true, type: 'image/png' });
  });

  it('says a file whose first bytes match no image format is not an image', () => {
    expect(undecodableImage(new Uint8Array([0x00, 0x13, 0x37, 0xfe, 0x80, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]), '')).toEqual({ id: 'notAnImage', text: false, type: '' });
  });

  it('keeps "damaged or truncated" for a file that starts as an image', () => {
    expect(undecodableImage(fixture('astronaut.png').slice(0, 3000), 'image/png')).toEqual({ id: 'imageUndecodable', type: 'image/png' });
  });
});

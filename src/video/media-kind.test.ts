import { describe, expect, it } from 'vitest';
import { mediaKind } from './media-kind';

const bytes = (text: string, prefix: number[] = []) => new Uint8Array([...prefix, ...[...text].map((c) => c.charCodeAt(0))]);

describe('mediaKind', () => {
  it('recognises containers from their first bytes, whatever the name says', () => {
    expect(mediaKind(bytes('ftypisom\0\0\0\0', [0, 0, 0, 0x20]), '', 'clip.jpg')).toBe('video');
    expect(mediaKind(bytes('ftypavif\0\0\0\0', [0, 0, 0, 0x20]), '', 'photo.mp4')).toBe('image');
    expect(mediaKind(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]), '', 'x')).toBe('video');
    expect(mediaKind(bytes('RIFF\0\0\0\0AVI LIST'), '', 'x.png')).toBe('video');
    expect(mediaKind(bytes('RIFF\0\0\0\0WEBPVP8 '), '', 'x.avi')).toBe('image');
  });

  it('falls back to the type, then the name, then the image decoder', () => {
    expect(mediaKind(bytes('????????????'), 'video/mp2t', 'x')).toBe('video');
    expect(mediaKind(bytes('\x89PNG\r\n\x1a\n\0\0\0\0'), 'image/png', 'x.mp4')).toBe('image');
    expect(mediaKind(new Uint8Array(0), '', 'movie.MKV')).toBe('video');
    expect(mediaKind(new Uint8Array(0), '', 'notes.txt')).toBe('image');
  });
});

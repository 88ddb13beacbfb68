import type { Refusal } from '../i18n';

/**
 * Width and height from an image file's header, read before decoding so that a decompression
 * bomb (a small file declaring a huge picture) is refused without allocating it. PNG, JPEG, GIF,
 * BMP and WebP; null for anything else or a header cut short.
 */
export function imageHeaderSize(head: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const ascii = (from: number, length: number) => String.fromCharCode(...head.subarray(from, from + length));
  if (head.length >= 24 && head[0] === 0x89 && ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (head.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (head.length >= 26 && ascii(0, 2) === 'BM') {
    return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  if (head.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8X') return { width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
    if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    return null;
  }
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker.
    let at = 2;
    while (at + 9 < head.length) {
      if (head[at] !== 0xff) return null;
      const marker = head[at + 1];
      if (marker === 0xff) {
        at++;
        continue;
      }
      const length = view.getUint16(at + 2);
      const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (startOfFrame) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      at += 2 + length;
    }
  }
  return null;
}

/** Image formats by their first bytes: what a browser may decode (JPEG, PNG, GIF, WebP, BMP, ICO, TIFF, AVIF/HEIF). */
function startsAsImage(head: Uint8Array): boolean {
  const ascii = (from: number, length: number) => String.fromCharCode(...head.subarray(from, from + length));
  return (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    || (head[0] === 0x89 && ascii(1, 3) === 'PNG')
    || ascii(0, 4) === 'GIF8'
    || (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP')
    || ascii(0, 2) === 'BM'
    || (head[0] === 0 && head[1] === 0 && head[2] === 1 && head[3] === 0)
    || ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*'
    || ascii(4, 4) === 'ftyp';
}

/** Text, as far as the first bytes show: valid UTF-8 without control characters other than tab and line breaks. */
function looksLikeText(head: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, 512));
    return text.length > 0 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

/**
 * Why a file the browser could not decode as an image failed, from its first bytes: not an image at all (its bytes
 * are text, or match no image format, whatever its name says), or an image that is damaged or in a format this
 * browser cannot read. `type` is the file's declared MIME type.
 */
export function undecodableImage(head: Uint8Array, type: string): Refusal {
  if (startsAsImage(head)) return { id: 'imageUndecodable', type };
  return { id: 'notAnImage', text: looksLikeText(head), type };
}

import type { Note } from '../i18n';
// IJG (libjpeg) base luminance quantisation table; its sum is all the estimate needs.
const ijgLuminanceSum = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
  14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
  49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
].reduce((a, b) => a + b, 0);

/** Below this estimated quality, compression artefacts may mask or mimic manipulation traces. */
export const heavyCompressionQuality = 60;

/**
 * Estimates the JPEG quality (1-100, IJG scale) from the first luminance quantisation table,
 * or returns null when the bytes are not a baseline/progressive JPEG with such a table.
 */
export function estimateJpegQuality(bytes: Uint8Array): number | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (marker === 0xda) return null; // start of scan: no table before the image data
    if (marker === 0xdb) {
      let p = offset + 4;
      const end = offset + 2 + length;
      while (p < end && p < bytes.length) {
        const precision = bytes[p] >> 4;
        const id = bytes[p] & 0x0f;
        let sum = 0;
        for (let i = 0; i < 64; i++) sum += precision ? (bytes[p + 1 + 2 * i] << 8) | bytes[p + 2 + 2 * i] : bytes[p + 1 + i];
        if (id === 0) {
          const scale = (100 * sum) / ijgLuminanceSum;
          const quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
          return Math.round(Math.min(100, Math.max(1, quality)));
        }
        p += 1 + 64 * (precision ? 2 : 1);
      }
    }
    offset += 2 + length;
  }
  return null;
}

export function compressionNote(quality: number | null): Note[] {
  return quality !== null && quality < heavyCompressionQuality ? [{ id: 'heavyCompression', quality }] : [];
}

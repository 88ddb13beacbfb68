import videoExtensionList from './video-extensions.json';

export type MediaKind = 'image' | 'video';

/** File names that mean a video, for files whose first bytes do not say (the list is shared with `npm run eval`). */
const videoExtensions = new RegExp(`\\.(${videoExtensionList.join('|')})$`, 'i');

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/**
 * Image or video, judged first from the file's first bytes (names and types from other apps
 * are often wrong), then from its type and name. Unknown content goes to the image decoder,
 * whose error message fits a file that is neither.
 */
export function mediaKind(head: Uint8Array, type: string, name: string): MediaKind {
  if (head.length >= 12) {
    const box = ascii(head, 4, 4);
    if (box === 'ftyp') return /^(avif|avis|heic|heix|mif1|msf1)$/.test(ascii(head, 8, 4)) ? 'image' : 'video';
    if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'video';
    if (ascii(head, 0, 4) === 'RIFF') return ascii(head, 8, 4) === 'WEBP' ? 'image' : 'video';
    if (box === 'moov' || box === 'mdat' || box === 'wide' || box === 'free') return 'video';
  }
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('image/')) return 'image';
  return videoExtensions.test(name) ? 'video' : 'image';
}

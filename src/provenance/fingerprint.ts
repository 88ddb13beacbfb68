import { estimateJpegQuality } from '../pipeline/jpeg-quality';
import type { Fingerprint } from './types';

/** Web Crypto hashes a file in one piece, held in memory: larger files are not hashed. */
export const maxHashedBytes = 512 * 1024 * 1024;

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** What a report cites to name this exact file: its SHA-256, size, type and JPEG quality. */
export async function fingerprint(file: Blob): Promise<Fingerprint> {
  const jpegQuality = estimateJpegQuality(new Uint8Array(await file.slice(0, 1 << 16).arrayBuffer()));
  const base = { bytes: file.size, type: file.type, jpegQuality };
  if (file.size > maxHashedBytes) {
    return { ...base, sha256: null, notHashed: { id: 'tooLarge', maxMebibytes: maxHashedBytes / 1024 / 1024 } };
  }
  return { ...base, sha256: hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())), notHashed: null };
}

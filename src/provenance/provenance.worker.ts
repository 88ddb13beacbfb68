// Reads the untrusted parts of a file (its metadata) away from the page: the page stays
// responsive, and a file that makes the reader hang or fail is stopped by ending this worker
// (client.ts), which a fresh one replaces for the next file.
import { createC2pa, isSupportedReaderFormat } from '@contentauth/c2pa-web';
import c2paWasmPath from '@contentauth/c2pa-web/resources/c2pa.wasm?url';
import * as Comlink from 'comlink';
import { maxSourcePixels } from '../pipeline/decode';
import { imageHeaderSize } from '../pipeline/image-header';
import type { RgbaImage } from '../pipeline/types';
import { summarizeCredentials, type CredentialsReading } from './credentials';
import { fingerprint } from './fingerprint';
import { maxMetadataBytes, readMetadata, type MetadataWithThumbnail } from './metadata';
import { thumbnailDifference } from './thumbnail-compare';

/** The image is compared at this width: far more than the comparison grid needs, far less than a photo. */
const comparisonWidth = 128;

async function pixels(source: Blob, resizeWidth?: number): Promise<RgbaImage> {
  // As stored: the EXIF thumbnail is not turned by the file's orientation tag either.
  const bitmap = await createImageBitmap(source, { imageOrientation: 'none', ...(resizeWidth ? { resizeWidth, resizeQuality: 'medium' } : {}) });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

let credentialsReader: ReturnType<typeof createC2pa> | undefined;

const api = {
  async readMetadata(file: Blob): Promise<MetadataWithThumbnail> {
    const result = await readMetadata(new Uint8Array(await file.slice(0, maxMetadataBytes).arrayBuffer()));
    return Comlink.transfer(result, result.thumbnail ? [result.thumbnail.buffer] : []);
  },

  fingerprint,

  /**
   * C2PA content credentials, read and validated by the CAI's SDK (its wasm is served by the app; its
   * own worker runs it). The SDK is started once per worker: compiling its wasm takes 0.3 s a file.
   */
  async readCredentials(file: Blob, format: string): Promise<CredentialsReading> {
    if (!isSupportedReaderFormat(format)) return { status: 'unsupported', format };
    const c2pa = await (credentialsReader ??= createC2pa({ wasmSrc: new URL(c2paWasmPath, self.location.href).href }));
    try {
      const reader = await c2pa.reader.fromBlob(format, file);
      if (!reader) return { status: 'absent' };
      try {
        return { status: 'read', summary: summarizeCredentials(await reader.manifestStore()) };
      } finally {
        await reader.free();
      }
    } catch (error) {
      return { status: 'failed', failure: { id: 'credentialsMalformed', detail: String(error instanceof Error ? error.message : error).split('\n')[0].slice(0, 200) } };
    }
  },

  /** The thumbnail's difference from the image (see thumbnailDifference); null when either cannot be decoded. */
  async compareWithThumbnail(file: Blob, thumbnail: Uint8Array<ArrayBuffer>): Promise<number | null> {
    const declared = imageHeaderSize(new Uint8Array(await file.slice(0, 1 << 16).arrayBuffer()));
    if (declared && declared.width * declared.height > maxSourcePixels) return null;
    try {
      const [image, thumb] = await Promise.all([pixels(file, comparisonWidth), pixels(new Blob([thumbnail], { type: 'image/jpeg' }))]);
      return thumbnailDifference(image, thumb);
    } catch {
      return null;
    }
  },
};

export type ProvenanceApi = typeof api;

Comlink.expose(api);

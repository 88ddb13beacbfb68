import type { StreamTargetChunk } from 'mediabunny';

/**
 * Where the muxer's output goes: each write becomes a Blob part at once, so the worker holds one
 * chunk at a time and the file grows in the browser's blob storage (which moves large blobs to
 * disk), never in the worker's heap. The muxer must write in order (fragmented MP4 does).
 */
export function blobSink(type: string) {
  const parts: Blob[] = [];
  let size = 0;
  const writable = new WritableStream<StreamTargetChunk>({
    write({ data, position }) {
      if (position !== size) throw new Error(`the muxer wrote at byte ${position} while ${size} bytes were written: only in-order output is supported`);
      parts.push(new Blob([data]));
      size += data.byteLength;
    },
  });
  return { writable, file: () => new Blob(parts, { type }) };
}

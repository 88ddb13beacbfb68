import { describe, expect, it } from 'vitest';
import { blobSink } from './blob-sink';

const chunk = (position: number, bytes: number[]) => ({ type: 'write' as const, position, data: new Uint8Array(bytes) });

describe('blobSink', () => {
  it('joins in-order writes into one file of the given type', async () => {
    const sink = blobSink('video/mp4');
    const writer = sink.writable.getWriter();
    await writer.write(chunk(0, [1, 2, 3]));
    await writer.write(chunk(3, [4, 5]));
    await writer.close();
    const file = sink.file();
    expect(file.type).toBe('video/mp4');
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a write that goes back into what is already written', async () => {
    const sink = blobSink('video/mp4');
    const writer = sink.writable.getWriter();
    await writer.write(chunk(0, [1, 2, 3]));
    await expect(writer.write(chunk(1, [9]))).rejects.toThrow('wrote at byte 1 while 3 bytes were written');
  });
});

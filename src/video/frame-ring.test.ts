import { describe, expect, it } from 'vitest';
import { createFrameRing, FrameRingReader, FrameRingWriter, RingCancelledError } from './frame-ring';

describe('frame ring', () => {
  it('reassembles frames from chunks of any size, in order, with their times', async () => {
    const ring = createFrameRing(6, 2);
    const writer = new FrameRingWriter(ring);
    const reader = new FrameRingReader(ring);
    writer.pushTime(0.5);
    writer.pushTime(0.7);
    writer.write(new Uint8Array([1, 2, 3, 4]));
    writer.write(new Uint8Array([5, 6, 7]));
    writer.write(new Uint8Array([8, 9, 10, 11, 12]));
    writer.finish();
    expect(await reader.next()).toEqual({ pixels: new Uint8ClampedArray([1, 2, 3, 4, 5, 6]), time: 0.5, index: 0 });
    expect(await reader.next()).toEqual({ pixels: new Uint8ClampedArray([7, 8, 9, 10, 11, 12]), time: 0.7, index: 1 });
    expect(await reader.next()).toBeNull();
  });

  it('reuses slots once read: memory is fixed however many frames pass', async () => {
    const ring = createFrameRing(2, 2);
    const writer = new FrameRingWriter(ring, 10);
    const reader = new FrameRingReader(ring, 10);
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      writer.write(new Uint8Array([i, i]));
      const frame = (await reader.next())!;
      seen.push(frame.pixels[0]);
      expect(frame.time).toBeNaN();
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const nothingYet = new Promise((resolve) => setTimeout(() => resolve('waiting'), 30));
    expect(await Promise.race([reader.next(), nothingYet])).toBe('waiting');
    writer.finish();
  });

  it('copies every frame into one buffer of its own: a frame holds until the next is read', async () => {
    const ring = createFrameRing(2, 2);
    const writer = new FrameRingWriter(ring, 10);
    const reader = new FrameRingReader(ring, 10);
    writer.write(new Uint8Array([1, 1, 2, 2]));
    const first = (await reader.next())!;
    expect(first.pixels.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect([...first.pixels]).toEqual([1, 1]);
    const second = (await reader.next())!;
    expect(second.pixels).toBe(first.pixels);
    expect([...first.pixels]).toEqual([2, 2]);
    writer.finish();
  });

  it('a writer blocked on a full ring gives up when the reader cancels', () => {
    const ring = createFrameRing(1, 1);
    const writer = new FrameRingWriter(ring, 5);
    writer.write(new Uint8Array([1]));
    new FrameRingReader(ring).cancel();
    expect(() => writer.write(new Uint8Array([2]))).toThrow(RingCancelledError);
  });
});

import type { AnalysedFrame } from './types';

/**
 * The analysed frame shown at `time`: the last one at or before it, unless it is older than
 * `maxAge` seconds (that part of the video is not analysed yet, or the frame was not sampled).
 */
export function frameAt(frames: AnalysedFrame[], time: number, maxAge: number): AnalysedFrame | undefined {
  // The player reports times rounded to microseconds; ffmpeg to its time base.
  const t = time + 1e-3;
  let lo = 0;
  let hi = frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid].time <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0 || time - frames[found].time > maxAge) return undefined;
  return frames[found];
}

/** How long one analysed frame stands for: one sampling interval, with slack for jitter. */
export function frameValidity(sampleFps: number | null, fps: number | null): number {
  return 1.5 / (sampleFps ?? fps ?? 30);
}

import { words, type Language } from '../i18n';
import type { VideoInfo } from './video-info';

/** Frames per second to analyse; null: every frame; 'auto': every frame if the device keeps up. */
export type SampleSetting = number | null | 'auto';

const autoRates = [15, 10, 5, 3, 2];
/** 'auto' analyses a short clip at no fewer frames than this, so that a person in it can count (minTrackFrames is 3). */
const minAutoFrames = 8;

/**
 * The rate 'auto' stands for: every frame when analysing one takes no longer than showing it,
 * else the highest of a few round rates that keeps up with real time, and never below 2 per second,
 * nor below minAutoFrames over a short clip: a one-second clip costs little at any rate.
 */
export function chooseSampleFps(setting: SampleSetting, info: Pick<VideoInfo, 'fps' | 'duration'>, msPerFrame: number): number | null {
  if (setting !== 'auto') return setting;
  const fps = info.fps ?? 30;
  if (fps * msPerFrame <= 1000) return null;
  const keepsUp = autoRates.find((r) => r * msPerFrame <= 1000) ?? autoRates[autoRates.length - 1];
  const shortClipRate = info.duration ? Math.ceil(minAutoFrames / info.duration) : 0;
  if (shortClipRate <= keepsUp) return keepsUp;
  return shortClipRate >= fps ? null : shortClipRate;
}

/**
 * What was analysed, in words: "every frame (15 per second)" or "5 of 30 frames per second"; scoreFps: every frame
 * analysed, the multi-task net's own rate when it ran on a sample of them.
 */
export function describeSampling(info: Pick<VideoInfo, 'fps'>, sampleFps: number | null, scoreFps: number | null, language: Language = 'en'): string {
  const fps = info.fps ? +info.fps.toFixed(2) : null;
  const say = words(language);
  if (sampleFps !== null) return say.samplingSome(sampleFps, fps);
  return say.samplingEvery(fps) + (scoreFps === null ? '' : say.samplingScored(scoreFps));
}

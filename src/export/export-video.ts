import * as Comlink from 'comlink';
import { saveReportFile } from '../report/analysis-report';
import type { CurrentFile } from '../files/current-file';
import type { ExportFailure, Language } from '../i18n';
import { frameValidity } from '../video/frame-lookup';
import { WorkerStoppedError, workerStopped } from '../worker/stopped';
import type { ExportApi } from './export.worker';
import type { ExportRequest } from './types';

export interface ExportProgress {
  /** 0-1 of the video's duration. */
  fraction: number;
  /** Seconds left at the speed so far; null until there is a speed to go by. */
  secondsLeft: number | null;
}

/** Seconds left when `fraction` of the work took `elapsedMs`. */
export function secondsLeft(fraction: number, elapsedMs: number): number | null {
  return fraction >= 0.02 ? ((elapsedMs / 1000) * (1 - fraction)) / fraction : null;
}

function exportRequest(current: CurrentFile, language: Language, heatOpacity: number): ExportRequest {
  const video = current.video!;
  const { plan, info } = video.start!;
  return {
    frames: video.frames,
    width: plan.width,
    height: plan.height,
    frameValidity: frameValidity(plan.sampleFps, info.fps),
    heatOpacity,
    stoppedAt: video.stopped ? video.progress?.mediaTime ?? 0 : null,
    language,
  };
}

export interface VideoExport {
  /** Resolves once the MP4 was handed to the download, or with why there is none. */
  done: Promise<{ status: 'saved' } | { status: 'cancelled' } | { status: 'failed'; failure: ExportFailure }>;
  cancel(): void;
}

/**
 * Makes the annotated MP4 of the video on screen in a worker of its own and downloads it.
 * Its legend and labels are in `language`, its heat drawn at `heatOpacity` (0: none, as when the user hid the heatmap).
 * Cancel ends the worker, which frees all it held: the app is left as before.
 */
export function exportAnnotatedVideo(
  current: CurrentFile, language: Language, heatOpacity: number, onProgress: (progress: ExportProgress) => void,
): VideoExport {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  const started = performance.now();
  const report = (fraction: number) => onProgress({ fraction, secondsLeft: secondsLeft(fraction, performance.now() - started) });
  let cancel!: () => void;
  const cancelled = new Promise<'cancelled'>((resolve) => {
    cancel = () => resolve('cancelled');
  });
  const run = async (): Promise<Awaited<VideoExport['done']>> => {
    try {
      const result: Blob | ExportFailure | 'cancelled' = await Promise.race([
        Comlink.wrap<ExportApi>(worker).exportAnnotatedVideo(current.file, exportRequest(current, language, heatOpacity), Comlink.proxy(report)),
        workerStopped(worker),
        cancelled,
      ]);
      if (result === 'cancelled') return { status: 'cancelled' };
      if ('id' in result) return { status: 'failed', failure: result };
      saveReportFile(current, result, 'mp4');
      return { status: 'saved' };
    } catch (error) {
      const failure: ExportFailure = error instanceof WorkerStoppedError ? { id: 'stopped', detail: error.detail }
        : { id: 'failed', detail: error instanceof Error ? error.message : String(error) };
      return { status: 'failed', failure };
    } finally {
      worker.terminate();
    }
  };
  return { done: run(), cancel };
}

import * as Comlink from 'comlink';
import { useLanguage } from '../ui/language';
import type { CurrentFile } from '../files/current-file';
import { words } from '../i18n';
import { WorkerStoppedError, workerStopped } from '../worker/stopped';
import type { CompareApi, FacesIn } from './compare.worker';
import type { CompareHost, ComparedFrame } from './types';

/** The picture compared: a photo with the faces its analysis found, or a video's frame (its faces are found here). */
function suspectOf(current: CurrentFile, host: CompareHost, frame?: ComparedFrame): { blob: Blob; faces: Promise<FacesIn> } | undefined {
  if (frame) {
    const blob = new Blob([frame.png], { type: 'image/png' });
    return { blob, faces: host.locateFaces(blob) };
  }
  const analysis = current.analysis;
  return analysis && {
    blob: current.file,
    faces: Promise.resolve({ width: analysis.width, faces: analysis.faces.map(({ box, keypoints }) => ({ box, keypoints })) }),
  };
}

/** Compares the photo on screen (or `frame` of the video) with `original` in a worker of its own; the result goes to the host. */
export async function compareWithOriginal(current: CurrentFile, host: CompareHost, original: File, frame?: ComparedFrame): Promise<void> {
  const of = { originalName: original.name || words(useLanguage.getState().language).pastedImage, frame };
  const suspect = suspectOf(current, host, frame);
  if (!suspect) return;
  host.setComparison({ status: 'comparing', ...of });
  const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' });
  try {
    // No face found (or none detectable): the pictures are then aligned frame onto frame.
    const noFaces = { width: 1, faces: [] };
    const [suspectFaces, originalFaces] = await Promise.all([suspect.faces.catch(() => noFaces), host.locateFaces(original).catch(() => noFaces)]);
    const result = await Promise.race([
      Comlink.wrap<CompareApi>(worker).compare(suspect.blob, suspectFaces, original, originalFaces),
      workerStopped(worker),
    ]);
    host.setComparison('id' in result ? { status: 'failed', ...of, failure: result } : { status: 'done', ...of, ...result });
  } catch (error) {
    const failure = error instanceof WorkerStoppedError ? { id: 'stopped' as const, detail: error.detail }
      : { id: 'failed' as const, detail: error instanceof Error ? error.message : String(error) };
    host.setComparison({ status: 'failed', ...of, failure });
  } finally {
    worker.terminate();
  }
}

/** The frame the player shows, as a PNG; null when the browser cannot play (and so cannot show) the video. */
export async function captureFrame(video: HTMLVideoElement | null): Promise<ComparedFrame | null> {
  if (!video?.videoWidth) return null;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob && { time: video.currentTime, png: new Uint8Array(await blob.arrayBuffer()) };
}

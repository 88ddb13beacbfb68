import * as Comlink from 'comlink';
import { locateFaces } from '../app/analyze-file';
import { useAppStore, type CurrentFile } from '../app/store';
import { workerStopped } from '../worker/stopped';
import type { CompareApi } from './compare.worker';

/** Compares the picture on screen with `original` in a worker of its own; the result goes to the store. */
export async function compareWithOriginal(current: CurrentFile, original: File): Promise<void> {
  const { updateFile } = useAppStore.getState();
  const originalName = original.name || 'pasted image';
  const analysis = current.analysis;
  if (!analysis) return;
  updateFile(current.id, { comparison: { status: 'comparing', originalName } });
  const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' });
  try {
    // No face found (or none detectable) in the original: it is then aligned frame onto frame.
    const originalFaces = await locateFaces(original).catch(() => ({ width: 1, faces: [] }));
    const suspectFaces = { width: analysis.width, faces: analysis.faces.map(({ box, keypoints }) => ({ box, keypoints })) };
    const result = await Promise.race([
      Comlink.wrap<CompareApi>(worker).compare(current.file, suspectFaces, original, originalFaces),
      workerStopped(worker, 'the comparison'),
    ]);
    updateFile(current.id, {
      comparison: 'message' in result ? { status: 'failed', originalName, message: result.message } : { status: 'done', originalName, ...result },
    });
  } catch (error) {
    updateFile(current.id, { comparison: { status: 'failed', originalName, message: `The comparison failed: ${error instanceof Error ? error.message : String(error)}.` } });
  } finally {
    worker.terminate();
  }
}

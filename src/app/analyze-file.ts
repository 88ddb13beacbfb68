import { readProvenance } from '../provenance/client';
import type { FaceDetection } from '../pipeline/types';
import { mediaKind } from '../video/media-kind';
import { AnalyzerClient, WorkerCrashedError } from '../worker/client';
import { words, type Refusal } from '../i18n';
import { useLanguage } from '../ui/language';
import { selectCurrent, useAppStore } from './store';
import type { CompareHost } from '../compare/types';
import type { CurrentFile, FileError } from '../files/current-file';

const backend = new URLSearchParams(location.search).get('backend');
const client = new AnalyzerClient(backend === 'wasm' || backend === 'webgpu' ? backend : 'auto');
let running: { id: number; controller: AbortController } | undefined;
let nextId = 1;

/** Messages from the decode stages are written for people; anything else gets context. */
function describeError(error: unknown): FileError {
  if (error instanceof WorkerCrashedError) return { id: 'engineStopped', stop: error.stop };
  const message = error instanceof Error ? error.message : String(error);
  // Comlink keeps an error's name across the worker boundary.
  const refusal = (error as { refusal?: Refusal }).refusal;
  if (error instanceof Error && error.name === 'UnsupportedInputError' && refusal) return { id: 'refused', refusal };
  return { id: 'failed', detail: message };
}

/** Adds files to the list; they are analysed one after another, in the order given. */
export async function analyzeFiles(files: File[]): Promise<void> {
  const kinds = await Promise.all(files.map(async (file) => mediaKind(new Uint8Array(await file.slice(0, 16).arrayBuffer()), file.type, file.name)));
  useAppStore.getState().addFiles(files.map((file, i) => ({
    id: nextId++, file, kind: kinds[i], name: file.name || words(useLanguage.getState().language).pastedImage, url: URL.createObjectURL(file), status: 'queued',
  })));
  void pump();
}

export const analyzeFile = (file: File) => analyzeFiles([file]);

/** The faces in a picture, as the analysis finds them (no model runs), in its decoded image's pixels. */
async function locateFaces(picture: Blob): Promise<{ width: number; faces: FaceDetection[] }> {
  const { width, crops } = await client.cropFaces(picture);
  return { width, faces: crops.map((crop) => crop.detection) };
}

/** A comparison's way to the engine and to the file: its result is kept with the file it was made for. */
export const compareHost = (id: number): CompareHost => ({
  locateFaces,
  setComparison: (comparison) => useAppStore.getState().updateFile(id, { comparison }),
});

/** Loads the engine unless it is ready; callers that overlap share the worker's one load. */
async function loadEngine(signal?: AbortSignal): Promise<void> {
  const { engine, setEngine } = useAppStore.getState();
  if (engine.status === 'ready') return;
  setEngine({ status: 'loading' });
  const info = await client.prepare((progress) => setEngine({ progress }), signal);
  setEngine({ status: 'ready', info, progress: undefined });
}

/**
 * Starts loading the engine while the user is still choosing a file (pointing at the file button,
 * a file dragged over the page), so that the first analysis of a visit need not wait for it.
 */
export function startEngine(): void {
  const { status } = useAppStore.getState().engine;
  if (running || status === 'loading' || status === 'ready') return;
  loadEngine().catch(() => {
    // An analysis started meanwhile reports the failure itself; otherwise the next file tries again.
    if (!running && useAppStore.getState().engine.status === 'loading') useAppStore.getState().setEngine({ status: 'idle', progress: undefined });
  });
}

async function pump(): Promise<void> {
  if (running) return;
  const next = useAppStore.getState().files.find((f) => f.status === 'queued');
  if (!next) return;
  const controller = new AbortController();
  running = { id: next.id, controller };
  try {
    await analyze(next, controller.signal);
  } finally {
    running = undefined;
    void pump();
  }
}

async function analyze(entry: CurrentFile, signal: AbortSignal): Promise<void> {
  const { id, file, kind } = entry;
  const { setEngine, updateFile, updateVideo } = useAppStore.getState();
  updateFile(id, { status: 'analyzing' });
  const provenance = () => {
    if (!entry.provenance) void readProvenance(file, kind).then((provenance) => updateFile(id, { provenance }));
  };
  // A photo's faces first: on two cores the provenance reader (hash, metadata, content credentials) would take the core
  // the page needs to show them. A video's analysis runs long: its provenance is read beside it.
  if (kind === 'video') provenance();
  try {
    await loadEngine(signal);
    if (kind === 'video') {
      updateVideo(id, () => ({ frames: [] }));
      const end = await client.analyzeVideo(file, { sampleFps: useAppStore.getState().videoSampleFps }, {
        onStart: (start) => updateVideo(id, () => ({ start })),
        onUpdate: ({ frames, progress }) => updateVideo(id, (video) => ({ frames: [...video.frames, ...frames], progress })),
      }, signal);
      updateVideo(id, () => ({ end }));
      updateFile(id, { status: 'done' });
    } else {
      // The faces large enough to assess show while the smaller tiles are searched.
      const analysis = await client.analyzeImage(file, {}, signal, (early) => updateFile(id, { analysis: early }));
      updateFile(id, { status: 'done', analysis });
    }
  } catch (error) {
    if (signal.aborted) {
      setEngine({ status: 'idle', progress: undefined });
      const now = useAppStore.getState().files.find((f) => f.id === id);
      // Removed from the list, or queued again to be re-analysed: nothing to record.
      if (!now || now.status === 'queued') return;
      if (now.video?.frames.length) {
        updateVideo(id, () => ({ stopped: {} }));
        updateFile(id, { status: 'done' });
      } else {
        updateFile(id, { status: 'error', error: { id: 'cancelled' } });
      }
      return;
    }
    if (error instanceof WorkerCrashedError) {
      setEngine({ status: 'idle', progress: undefined });
      if (useAppStore.getState().files.find((f) => f.id === id)?.video?.frames.length) {
        updateVideo(id, () => ({ stopped: { reason: error.stop } }));
        updateFile(id, { status: 'done' });
        return;
      }
    } else if (useAppStore.getState().engine.status === 'loading') {
      setEngine({ status: 'error', progress: undefined });
      // Offline before the engine's files were ever cached: a module import or fetch of them fails.
      if (!navigator.onLine) {
        updateFile(id, { status: 'error', error: { id: 'engineNotDownloaded' } });
        return;
      }
    }
    updateFile(id, { status: 'error', error: describeError(error) });
  } finally {
    if (kind !== 'video') provenance();
  }
}

/** Stops the analysis in progress (a video keeps its results so far); queued files follow. */
export function cancelAnalysis(): void {
  running?.controller.abort();
}

/** Takes a file off the list: stops it if it is being analysed, and frees its memory. */
export function removeFile(id: number): void {
  const entry = useAppStore.getState().files.find((f) => f.id === id);
  if (!entry) return;
  if (running?.id === id) running.controller.abort();
  URL.revokeObjectURL(entry.url);
  useAppStore.getState().removeFile(id);
}

/** Analyses the file on screen again, e.g. after the user changed the video sampling rate. */
export function reanalyzeCurrent(): void {
  const current = selectCurrent(useAppStore.getState());
  if (!current || current.status === 'queued') return;
  if (running?.id === current.id) running.controller.abort();
  useAppStore.getState().updateFile(current.id, { status: 'queued', analysis: undefined, video: undefined, error: undefined });
  void pump();
}

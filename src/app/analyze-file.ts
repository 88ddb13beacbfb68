import { mediaKind } from '../video/media-kind';
import { AnalyzerClient, WorkerCrashedError } from '../worker/client';
import { useAppStore } from './store';

const backend = new URLSearchParams(location.search).get('backend');
const client = new AnalyzerClient(backend === 'wasm' || backend === 'webgpu' ? backend : 'auto');
let running: AbortController | undefined;
let nextId = 1;

/** Messages from the decode stages are written for people; anything else gets context. */
function describeError(error: unknown): string {
  if (error instanceof WorkerCrashedError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  // Comlink keeps an error's name across the worker boundary.
  if (error instanceof Error && error.name === 'UnsupportedInputError') return message;
  return `The analysis failed: ${message}. The app is still usable: try another file.`;
}

/** Stops the analysis in progress, if any; the worker restarts on the next file. */
function abortRunning(): void {
  if (!running) return;
  running.abort();
  running = undefined;
  useAppStore.getState().setEngine({ status: 'idle', progress: undefined });
}

/**
 * Loads the engine once (with progress), then analyses `file`, image or video. A newer file
 * replaces the current one and stops its analysis.
 */
export async function analyzeFile(file: File): Promise<void> {
  abortRunning();
  const store = useAppStore.getState();
  const controller = new AbortController();
  running = controller;
  if (store.current) URL.revokeObjectURL(store.current.url);
  const id = nextId++;
  const kind = mediaKind(new Uint8Array(await file.slice(0, 16).arrayBuffer()), file.type, file.name);
  if (controller.signal.aborted) return;
  store.setCurrent({ id, file, kind, name: file.name || 'pasted image', url: URL.createObjectURL(file), status: 'analyzing' });
  const { setEngine, updateCurrent, updateVideo } = useAppStore.getState();

  try {
    if (useAppStore.getState().engine.status !== 'ready') {
      setEngine({ status: 'loading' });
      const info = await client.prepare((progress) => setEngine({ progress }), controller.signal);
      setEngine({ status: 'ready', info, progress: undefined });
    }
    if (kind === 'video') {
      updateVideo(id, () => ({ frames: [] }));
      const end = await client.analyzeVideo(file, { sampleFps: useAppStore.getState().videoSampleFps }, {
        onStart: (start) => updateVideo(id, () => ({ start })),
        onUpdate: ({ frames, progress }) => updateVideo(id, (video) => ({ frames: [...video.frames, ...frames], progress })),
      }, controller.signal);
      updateVideo(id, () => ({ end }));
      updateCurrent(id, { status: 'done' });
    } else {
      const analysis = await client.analyzeImage(file, {}, controller.signal);
      updateCurrent(id, { status: 'done', analysis });
    }
  } catch (error) {
    if (controller.signal.aborted) {
      const video = useAppStore.getState().current?.video;
      if (video?.frames.length) {
        updateVideo(id, () => ({ stopped: true }));
        updateCurrent(id, { status: 'done' });
      } else {
        updateCurrent(id, { status: 'error', error: 'Analysis cancelled.' });
      }
      return;
    }
    if (error instanceof WorkerCrashedError) setEngine({ status: 'idle', progress: undefined });
    else if (useAppStore.getState().engine.status === 'loading') setEngine({ status: 'error', progress: undefined });
    updateCurrent(id, { status: 'error', error: describeError(error) });
  } finally {
    if (running === controller) running = undefined;
  }
}

/** Stops the analysis in progress; a video keeps the results it has so far. */
export function cancelAnalysis(): void {
  abortRunning();
}

/** Analyses the current file again, e.g. after the user changed the video sampling rate. */
export function reanalyzeCurrent(): void {
  const current = useAppStore.getState().current;
  if (current) void analyzeFile(current.file);
}

import { AnalyzerClient, WorkerCrashedError } from '../worker/client';
import { useAppStore } from './store';

const backend = new URLSearchParams(location.search).get('backend');
const client = new AnalyzerClient(backend === 'wasm' || backend === 'webgpu' ? backend : 'auto');
let running: AbortController | undefined;
let nextId = 1;

/** Messages from the decode stage are written for people; anything else gets context. */
function describeError(error: unknown): string {
  if (error instanceof WorkerCrashedError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/could not be decoded|is empty|megapixels/.test(message)) return message;
  return `The analysis failed: ${message}. The app is still usable: try another file.`;
}

/**
 * Loads the engine once (with progress), then analyses `file`. A newer file replaces the
 * current one; the older result, if it still arrives, is dropped.
 */
export async function analyzeFile(file: File): Promise<void> {
  const store = useAppStore.getState();
  const controller = new AbortController();
  running = controller;
  if (store.current) URL.revokeObjectURL(store.current.url);
  const id = nextId++;
  store.setCurrent({ id, name: file.name || 'pasted image', url: URL.createObjectURL(file), status: 'analyzing' });
  const { setEngine, updateCurrent } = useAppStore.getState();

  try {
    if (useAppStore.getState().engine.status !== 'ready') {
      setEngine({ status: 'loading' });
      const info = await client.prepare((progress) => setEngine({ progress }), controller.signal);
      setEngine({ status: 'ready', info, progress: undefined });
    }
    const analysis = await client.analyzeImage(file, {}, controller.signal);
    updateCurrent(id, { status: 'done', analysis });
  } catch (error) {
    if (controller.signal.aborted) {
      setEngine({ status: 'idle', progress: undefined });
      updateCurrent(id, { status: 'error', error: 'Analysis cancelled.' });
      return;
    }
    if (error instanceof WorkerCrashedError) setEngine({ status: 'idle', progress: undefined });
    else if (useAppStore.getState().engine.status === 'loading') setEngine({ status: 'error', progress: undefined });
    updateCurrent(id, { status: 'error', error: describeError(error) });
  } finally {
    if (running === controller) running = undefined;
  }
}

/** Stops the analysis in progress; the engine restarts on the next file. */
export function cancelAnalysis(): void {
  running?.abort();
}

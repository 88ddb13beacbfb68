import * as Comlink from 'comlink';
import type { EngineStop } from '../i18n';
import type { ImageAnalysis } from '../pipeline/analysis';
import type { BackendPreference } from '../pipeline/onnx-model';
import type { AnalyzerApi, CropExport } from './analyzer.worker';
import type { VideoAnalysisEnd, VideoAnalysisStart, VideoUpdate } from '../video/types';
import type { AnalyzeOptions, EngineInfo, LoadProgress } from './engine';
import type { VideoOptions } from './video-engine';

export interface VideoCallbacks {
  onStart(start: VideoAnalysisStart): void;
  onUpdate(update: VideoUpdate): void;
}

const pingIntervalMs = 3000;
/** Longer than the longest synchronous step of the worker (compiling the detector's wasm). */
const silentLimitMs = 20_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The analysis engine died or stopped answering, and was restarted; `stop` says which (engineStopText says it). */
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
  constructor(readonly stop: EngineStop) {
    super(stop.id === 'silent' ? 'the analysis engine stopped responding' : `the analysis engine stopped${stop.detail ? ` (${stop.detail})` : ''}`);
  }
}

interface Connection {
  worker: Worker;
  api: Comlink.Remote<AnalyzerApi>;
  crashed: Promise<never>;
}

/**
 * The UI's handle on the analysis worker. The worker starts on first use; aborting a call or a
 * crash of the worker terminates it, and the next call starts a fresh one.
 */
export class AnalyzerClient {
  private connection?: Connection;

  constructor(private readonly backend: BackendPreference = 'auto') {}

  private connect(): Connection {
    if (this.connection) return this.connection;
    const worker = new Worker(new URL('./analyzer.worker.ts', import.meta.url), { type: 'module', name: 'analyzer' });
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.terminate(worker);
        reject(new WorkerCrashedError({ id: 'crashed', detail: event.message || null }));
      });
    });
    crashed.catch(() => undefined);
    this.connection = { worker, api: Comlink.wrap<AnalyzerApi>(worker), crashed };
    return this.connection;
  }

  private terminate(worker: Worker): void {
    worker.terminate();
    if (this.connection?.worker === worker) this.connection = undefined;
  }

  private async call<T>(work: (api: Comlink.Remote<AnalyzerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const { worker, api, crashed } = this.connect();
    const aborted = new Promise<never>((_, reject) => {
      signal?.addEventListener('abort', () => {
        this.terminate(worker);
        reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      }, { once: true });
    });
    const done = new AbortController();
    try {
      return await Promise.race([work(api), crashed, aborted, this.watch(worker, api, done.signal)]);
    } finally {
      done.abort();
    }
  }

  /**
   * A worker can also die without an error event (killed by the browser, closed): it then stops
   * answering. Pinged every few seconds during a call; silent for too long means dead.
   */
  private watch(worker: Worker, api: Comlink.Remote<AnalyzerApi>, stop: AbortSignal): Promise<never> {
    return new Promise<never>((_, reject) => {
      const check = async () => {
        const answered = await Promise.race([api.ping().then(() => true, () => false), delay(silentLimitMs).then(() => false)]);
        if (stop.aborted) return;
        if (!answered) {
          this.terminate(worker);
          reject(new WorkerCrashedError({ id: 'silent' }));
          return;
        }
        timer = setTimeout(check, pingIntervalMs);
      };
      let timer = setTimeout(check, pingIntervalMs);
      stop.addEventListener('abort', () => clearTimeout(timer), { once: true });
    });
  }

  prepare(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<EngineInfo> {
    return this.call((api) => api.prepare(this.backend, onProgress && Comlink.proxy(onProgress)), signal);
  }

  /** onLargeFaces: the faces large enough to assess, before the search for smaller ones ends (ImageAnalysis.partial). */
  analyzeImage(file: Blob, options: AnalyzeOptions = {}, signal?: AbortSignal, onLargeFaces?: (analysis: ImageAnalysis) => void): Promise<ImageAnalysis> {
    return this.call((api) => api.analyzeImage(file, this.backend, options, onLargeFaces && Comlink.proxy(onLargeFaces)), signal);
  }

  analyzeVideo(file: Blob, options: VideoOptions, callbacks: VideoCallbacks, signal?: AbortSignal): Promise<VideoAnalysisEnd> {
    return this.call((api) => api.analyzeVideo(
      file, this.backend, options, Comlink.proxy(callbacks.onStart), Comlink.proxy(callbacks.onUpdate),
    ), signal);
  }

  timeModels(threads: number, runs: number): Promise<{ backend: string; ms: Record<string, number> }> {
    return this.call((api) => api.timeModels(this.backend, threads, runs));
  }

  cropFaces(file: Blob, options: AnalyzeOptions = {}, signal?: AbortSignal): Promise<CropExport> {
    return this.call((api) => api.cropFaces(file, options), signal);
  }

  dispose(): void {
    if (this.connection) this.terminate(this.connection.worker);
  }
}

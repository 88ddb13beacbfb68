import * as Comlink from 'comlink';
import type { ImageAnalysis, StageTimings } from '../pipeline/analysis';
import { applyAffine, invertAffine } from '../pipeline/crop';
import { defaultWasmThreads, type BackendPreference } from '../pipeline/onnx-model';
import type { Affine, FaceDetection, Point } from '../pipeline/types';
import type { VideoAnalysisEnd, VideoAnalysisStart, VideoUpdate } from '../video/types';
import { analyzeImage, FaceLocator, ModelSet, stopwatch, type AnalyzeOptions, type EngineInfo, type LoadProgress } from './engine';
import { sendRefusalsWithErrors } from './refusal-transfer';
import { analyzeVideo, type VideoOptions } from './video-engine';

export interface ExportedCrop {
  /** The crop exactly as the classifier sees it, PNG-encoded. */
  png: ArrayBuffer;
  detection: FaceDetection;
  toImage: Affine;
  cropKeypoints: Point[];
  cropBoxCorners: Point[];
}

export interface CropExport {
  width: number;
  height: number;
  crops: ExportedCrop[];
}

/** Memoised: a failed start is forgotten so that the next call tries again. */
function once<T>(start: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= start().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

const locator = once(() => FaceLocator.create());
let progressListener: ((p: LoadProgress) => void) | undefined;
let modelSet: (() => Promise<ModelSet>) | undefined;
let threads = defaultWasmThreads();
const models = (backend: BackendPreference) => {
  modelSet ??= once(() => ModelSet.create(backend, (p) => progressListener?.(p), threads));
  return modelSet();
};
/** The detector and the models, loaded at the same time: one after the other, the first photo of a visit waited for the sum. */
const engine = (backend: BackendPreference) => Promise.all([locator(), models(backend)]);

async function encodePng(pixels: Uint8ClampedArray<ArrayBuffer>, width: number, height: number): Promise<ArrayBuffer> {
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.putImageData(new ImageData(pixels, width, height), 0, 0);
  return (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer();
}

const api = {
  /** Answers while the worker is alive (the client's liveness check). */
  ping: () => true,

  async prepare(backend: BackendPreference, onProgress?: (p: LoadProgress) => void): Promise<EngineInfo> {
    progressListener = onProgress;
    onProgress?.({ item: 'face detector', loaded: 0, total: 0 });
    const [, set] = await engine(backend);
    return set.info;
  },

  /** onLargeFaces: an early result (engine.analyzeImage); messages keep their order, so it arrives before the result. */
  async analyzeImage(
    file: Blob, backend: BackendPreference, options: AnalyzeOptions, onLargeFaces?: (analysis: ImageAnalysis) => void,
  ): Promise<ImageAnalysis> {
    const { analysis } = await analyzeImage(...(await engine(backend)), file, options, onLargeFaces);
    return Comlink.transfer(analysis, analysis.faces.flatMap((f) => (f.heat ? [f.heat.data.buffer] : [])));
  },

  /** Streams results through onUpdate while it runs; resolves when the whole video is done. */
  async analyzeVideo(
    file: Blob,
    backend: BackendPreference,
    options: VideoOptions,
    onStart: (start: VideoAnalysisStart) => void,
    onUpdate: (update: VideoUpdate) => void,
  ): Promise<VideoAnalysisEnd> {
    return analyzeVideo(...(await engine(backend)), file, options, onStart, onUpdate);
  },

  /** Per-face latency of each model with `wasmThreads` threads (set before the models load). */
  async timeModels(backend: BackendPreference, wasmThreads: number, runs: number): Promise<{ backend: string; ms: Record<string, number> }> {
    threads = wasmThreads;
    const set = await models(backend);
    return { backend: set.info.backend, ms: await set.timeRuns(runs) };
  },

  /** Face crops as the models see them, for building training data; needs no model. */
  async cropFaces(file: Blob, options: AnalyzeOptions): Promise<CropExport> {
    const timings: StageTimings = {};
    const { decoded, crops, detections } = await (await locator()).locate(file, options, stopwatch(timings));
    const exported = await Promise.all(crops.map(async (crop, i): Promise<ExportedCrop> => {
      const toCrop = invertAffine(crop.toImage);
      const { box, keypoints } = detections[i];
      const corners = [
        { x: box.x, y: box.y }, { x: box.x + box.width, y: box.y },
        { x: box.x + box.width, y: box.y + box.height }, { x: box.x, y: box.y + box.height },
      ];
      return {
        png: await encodePng(crop.image.data, crop.image.width, crop.image.height),
        detection: detections[i],
        toImage: crop.toImage,
        cropKeypoints: keypoints.map((k) => applyAffine(toCrop, k)),
        cropBoxCorners: corners.map((c) => applyAffine(toCrop, c)),
      };
    }));
    const result = { width: decoded.width, height: decoded.height, crops: exported };
    return Comlink.transfer(result, exported.map((c) => c.png));
  },
};

export type AnalyzerApi = typeof api;

sendRefusalsWithErrors();
Comlink.expose(api);

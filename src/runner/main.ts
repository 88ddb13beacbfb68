// The page the batch runner (scripts/eval.mjs, scripts/crops.mjs) drives in headless Chromium:
// it runs the same worker and pipeline as the app.
import type { ImageAnalysis, StageTimings } from '../pipeline/analysis';
import { statusBand, type EvidenceBand } from '../pipeline/evidence';
import { heatToImage, maskIoU } from '../pipeline/heatmap';
import type { Degradation } from '../pipeline/degrade';
import type { BackendPreference } from '../pipeline/onnx-model';
import { readProvenance } from '../provenance/client';
import type { Provenance } from '../provenance/types';
import type { MediaKind } from '../video/media-kind';
import type { CropExport } from '../worker/analyzer.worker';
import { AnalyzerClient } from '../worker/client';
import type { EngineInfo } from '../worker/engine';
import { videoVerdict, type TrackSummary } from '../video/aggregate';
import type { AnalysedFrame, VideoAnalysisEnd, VideoAnalysisStart } from '../video/types';
import { planFrames } from '../video/video-info';
import { FfmpegVideoSource } from '../video/video-source';
import { assetUrl, vendorAssets } from '../pipeline/engine-assets';

export interface RunnerAnalysis {
  analysis: ImageAnalysis;
  /** The stages up to the early result with the faces large enough to assess, when the app shows one (the benchmark's split of what a user waits for). */
  firstResultTimings?: StageTimings;
  /** The verdict's evidence band; 'na' when no face could be assessed. */
  band: EvidenceBand | 'na';
  maskIoU?: number;
}

export interface RunnerVideoAnalysis {
  start: VideoAnalysisStart;
  end: VideoAnalysisEnd;
  /** The verdict's probability: the most suspicious tracked person's mean. */
  probability: number | null;
  band: EvidenceBand | 'na';
  summary: string;
  tracks: Omit<TrackSummary, 'points' | 'trace'>[];
  /** Per analysed frame, for each face: [trackId, probability, scored (1 or 0), ...parts]. */
  frames: { time: number; faces: number[][] }[];
}

export interface MikiwameRunner {
  prepare(): Promise<EngineInfo>;
  analyze(url: string, degrade?: Degradation, maskUrl?: string): Promise<RunnerAnalysis>;
  crops(url: string): Promise<CropExport>;
  analyzeVideo(url: string, sampleFps: number | null | 'auto'): Promise<RunnerVideoAnalysis>;
  /** What the Provenance panel reads of a file (fingerprint, metadata, credentials), each reader stopped after `timeLimitMs` if given. */
  provenance(url: string, kind: MediaKind, timeLimitMs?: number): Promise<Provenance>;
  /** ffmpeg.wasm alone decoding every frame of a video (no analysis): frames per second, for the benchmark. */
  decodeSpeed(url: string): Promise<{ frames: number; framesPerSecond: number }>;
  /** Each model's median per-face latency in a fresh worker with this backend and thread count. */
  modelLatency(backend: BackendPreference, threads: number, runs: number): Promise<{ backend: string; ms: Record<string, number> }>;
}

const backend = (new URLSearchParams(location.search).get('backend') ?? 'auto') as BackendPreference;
const client = new AnalyzerClient(backend);

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot read ${url}: HTTP ${response.status}`);
  return response.blob();
}

async function referenceMask(url: string, width: number, height: number): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(await fetchBlob(url), { resizeWidth: width, resizeHeight: height, resizeQuality: 'pixelated' });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, width, height).data;
}

const runner: MikiwameRunner = {
  prepare: () => client.prepare(),
  async analyze(url, degrade, maskUrl) {
    let firstResultTimings: StageTimings | undefined;
    const analysis = await client.analyzeImage(await fetchBlob(url), degrade ? { degrade } : {}, undefined, (early) => {
      firstResultTimings = early.timings;
    });
    const band = statusBand(analysis.status);
    if (!maskUrl) return { analysis, band, firstResultTimings };
    // Where the heat points, whatever the band: the band decides how strongly it is drawn, not where.
    const faces = analysis.faces.flatMap((f) => (f.heat ? [{ heat: f.heat, toImage: f.toImage }] : []));
    const heat = heatToImage(faces, analysis.width, analysis.height);
    return { analysis, band, maskIoU: maskIoU(heat, await referenceMask(maskUrl, analysis.width, analysis.height)) };
  },
  async provenance(url, kind, timeLimitMs) {
    const blob = await fetchBlob(url);
    return readProvenance(new File([blob], url.split('/').pop() ?? 'file', { type: blob.type }), kind, timeLimitMs);
  },
  async crops(url) {
    return client.cropFaces(await fetchBlob(url));
  },
  async decodeSpeed(url) {
    const source = await FfmpegVideoSource.open(await fetchBlob(url), { js: assetUrl(vendorAssets.ffmpegLoader), wasm: assetUrl(vendorAssets.ffmpegWasm) });
    try {
      const started = performance.now();
      let frames = 0;
      for await (const _frame of source.frames(planFrames(source.info, null))) frames++;
      return { frames, framesPerSecond: frames / ((performance.now() - started) / 1000) };
    } finally {
      source.close();
    }
  },
  async modelLatency(backendChoice, threads, runs) {
    const fresh = new AnalyzerClient(backendChoice);
    try {
      return await fresh.timeModels(threads, runs);
    } finally {
      fresh.dispose();
    }
  },
  async analyzeVideo(url, sampleFps) {
    const frames: AnalysedFrame[] = [];
    let start: VideoAnalysisStart | undefined;
    const end = await client.analyzeVideo(await fetchBlob(url), { sampleFps }, {
      onStart: (s) => {
        start = s;
      },
      onUpdate: (update) => {
        frames.push(...update.frames);
      },
    });
    const verdict = videoVerdict(frames);
    return {
      start: start!,
      end,
      probability: verdict.probability,
      band: statusBand(verdict.status),
      summary: verdict.summary,
      tracks: verdict.tracks.map(({ points: _points, trace: _trace, ...track }) => track),
      frames: frames.map((f) => ({ time: f.time, faces: f.faces.map((face) => [face.trackId, face.probability, Number(face.scored), ...face.parts]) })),
    };
  },
};

(window as unknown as { mikiwame: MikiwameRunner }).mikiwame = runner;
document.body.dataset.ready = 'true';

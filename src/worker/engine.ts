import type { Note } from '../i18n';
import { faceNotes, isAssessable, minAssessableFacePx, summarize, type FaceResult, type ImageAnalysis, type ModelInfo, type StageTimings } from '../pipeline/analysis';
import { cropFace, cropFootprint, cropSpec, cropTransform } from '../pipeline/crop';
import { decodeImage, regionPixels, type DecodedImage } from '../pipeline/decode';
import { degrade, type Degradation } from '../pipeline/degrade';
import { assetUrl, ortBuilds, vendorAssets, type OrtBuild } from '../pipeline/engine-assets';
import { createFaceFinder, type FaceFinder } from '../pipeline/detect';
import { evidenceBand, statusNotes } from '../pipeline/evidence';
import { fetchBytes } from '../pipeline/fetch-progress';
import { forgeryKind } from '../pipeline/forgery-kind';
import { fuseProbabilities, type FusionWeights } from '../pipeline/fusion';
import { faceHeatStrength, heatArea } from '../pipeline/heatmap';
import { compressionNote, estimateJpegQuality } from '../pipeline/jpeg-quality';
import { appModelNames, modelManifest, modelUrl } from '../pipeline/model-manifest';
import { configureOrt, loadOnnxModel, type Backend, type BackendPreference, type OnnxModel } from '../pipeline/onnx-model';
import { cropsToTensor } from '../pipeline/tensor';
import type { FaceCrop, FaceDetection } from '../pipeline/types';

export interface LoadProgress {
  /** What is loading, for the user. */
  item: string;
  loaded: number;
  total: number;
}

export interface EngineInfo {
  backend: Backend;
  models: ModelInfo[];
  /** How the models' probabilities combine, for the user's "why this number"; null: one model's alone. */
  fusion: FusionWeights | null;
}

export interface AnalyzeOptions {
  degrade?: Degradation;
}

export type Timed = <T>(stage: keyof StageTimings, work: () => T | Promise<T>) => Promise<T>;

export function stopwatch(timings: StageTimings): Timed {
  return async (stage, work) => {
    const start = performance.now();
    const result = await work();
    timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    return result;
  };
}

export interface LocatedFaces {
  decoded: Omit<DecodedImage, 'bitmap'>;
  /** Estimated from the file's quantisation tables; null when it is not a JPEG. */
  jpegQuality: number | null;
  detections: FaceDetection[];
  crops: FaceCrop[];
}

/** Decode, detect and crop: everything before the models. */
export class FaceLocator {
  private constructor(readonly finder: FaceFinder) {}

  static async create(): Promise<FaceLocator> {
    return new FaceLocator(await createFaceFinder({
      wasmLoaderPath: assetUrl(vendorAssets.mediapipeLoader),
      wasmBinaryPath: assetUrl(vendorAssets.mediapipeWasm),
      modelAssetPath: assetUrl(vendorAssets.faceModel),
    }));
  }

  /**
   * `onLargeFaces`: called (and awaited) with the faces large enough to assess before the smaller tiles are searched,
   * when there are both; the result then holds every face, those already cropped as the same crop objects.
   */
  async locate(file: Blob, options: AnalyzeOptions, timed: Timed, onLargeFaces?: (located: LocatedFaces) => Promise<void>): Promise<LocatedFaces> {
    const input = options.degrade ? await degrade(file, options.degrade) : file;
    const { bitmap, ...decoded } = await timed('decode', () => decodeImage(input));
    const jpegQuality = estimateJpegQuality(new Uint8Array(await input.slice(0, 1 << 16).arrayBuffer()));
    const crops = new Map<FaceDetection, FaceCrop>();
    const crop = (d: FaceDetection) => cropFace(regionPixels(bitmap, cropFootprint(cropTransform(d), bitmap.width, bitmap.height)), d);
    const located = async (detections: FaceDetection[]): Promise<LocatedFaces> => ({
      decoded,
      jpegQuality,
      detections,
      crops: await timed('crop', () => detections.map((d) => crops.get(d) ?? crops.set(d, crop(d)).get(d)!)),
    });
    try {
      const passes = await timed('detect', () => this.finder.findInPasses(bitmap, minAssessableFacePx));
      if (onLargeFaces && passes.more && passes.large.length > 0) await onLargeFaces(await located(passes.large));
      return await located(await timed('detect', () => passes.all()));
    } finally {
      bitmap.close();
    }
  }
}

interface LoadedModel {
  name: string;
  version: string;
  model: OnnxModel;
}

/** The trained models named in models/manifest.json (a classifier, a multi-task net or both), and how their outputs combine. */
export class ModelSet {
  /**
   * The last batch's buffer, for the next batch of as many faces: a fresh 786 KB array for one face cost 4 ms in page
   * faults, refilling a used one 0.1 ms (headless Chromium, 2 cores), on every frame of a video. Taken while in use,
   * so that overlapping calls never share one.
   */
  private spareBatch: Float32Array | null = null;

  private constructor(private readonly classifier?: LoadedModel, private readonly multitask?: LoadedModel) {}

  /** The crops as one batch for `use`, which must be done with it when its promise settles. */
  private async withBatch<T>(crops: FaceCrop[], use: (batch: Float32Array) => Promise<T>): Promise<T> {
    const batch = cropsToTensor(crops.map((c) => c.image), this.spareBatch ?? undefined);
    this.spareBatch = null;
    try {
      return await use(batch);
    } finally {
      this.spareBatch = batch;
    }
  }

  static async create(backend: BackendPreference, onProgress: (p: LoadProgress) => void, threads: number): Promise<ModelSet> {
    const served = (build: OrtBuild) => ({ mjs: assetUrl(ortBuilds[build].mjs), wasm: assetUrl(ortBuilds[build].wasm) });
    configureOrt({ wasm: served('wasm'), jspi: served('jspi'), asyncify: served('asyncify') }, threads);
    const { app, models } = modelManifest;
    const names = appModelNames();
    const progress = new Map(names.map((n) => [n, { loaded: 0, total: models[n].bytes ?? 0 }]));
    const sum = (key: 'loaded' | 'total') => [...progress.values()].reduce((a, p) => a + p[key], 0);
    const load = async (name: string): Promise<LoadedModel> => {
      const bytes = await fetchBytes(modelUrl(name), (loaded, total) => {
        progress.set(name, { loaded, total });
        onProgress({ item: 'models', loaded: sum('loaded'), total: sum('total') });
      });
      return { name, version: models[name].version, model: await loadOnnxModel(bytes, backend, cropSpec.outputSize) };
    };
    const classifier = app.classifier ? await load(app.classifier) : undefined;
    return new ModelSet(classifier, app.multitask ? await load(app.multitask) : undefined);
  }

  /** In the order of each face's parts: the multi-task net first. */
  private get loaded(): LoadedModel[] {
    return [this.multitask, this.classifier].filter((m): m is LoadedModel => m !== undefined);
  }

  /** Median milliseconds of each model on one face crop (random pixels), for the benchmark. */
  async timeRuns(runs: number): Promise<Record<string, number>> {
    const size = cropSpec.outputSize;
    const crop = Float32Array.from({ length: 3 * size * size }, (_, i) => Math.sin(i * 12.9898) * 0.5);
    const timings: Record<string, number> = {};
    for (const { name, model } of this.loaded) {
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const start = performance.now();
        await model.run(crop, 1, size);
        if (i > 0) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      timings[name] = times[Math.floor(times.length / 2)];
    }
    return timings;
  }

  get info(): EngineInfo {
    return {
      backend: this.loaded[0].model.backend,
      models: this.loaded.map(({ name, version }) => ({ name, version })),
      fusion: modelManifest.fusion ? { bias: modelManifest.fusion.bias, weights: modelManifest.fusion.weights } : null,
    };
  }

  /** What the user reads for each model's part of a face's score. */
  get partLabels(): string[] {
    return this.loaded.map(({ name }) => modelManifest.models[name].label);
  }

  /** Where the classifier's output sits in each face's parts; null when the app runs none. */
  get classifierPart(): number | null {
    return this.classifier ? this.loaded.indexOf(this.classifier) : null;
  }

  /** The classifier's calibrated output for each crop; null when the app runs none. */
  async classify(crops: FaceCrop[], timed: Timed): Promise<Float32Array | null> {
    if (!this.classifier || crops.length === 0) return null;
    return this.withBatch(crops, (batch) => this.classifyBatch(batch, crops.length, timed));
  }

  private async classifyBatch(batch: Float32Array, count: number, timed: Timed): Promise<Float32Array | null> {
    const { classifier } = this;
    if (!classifier) return null;
    return (await timed('classify', () => classifier.model.run(batch, count, cropSpec.outputSize))).probability;
  }

  /** Each face's result from every model; `classified`: the classifier's outputs on these crops when already run. */
  async score({ crops, detections }: Pick<LocatedFaces, 'crops' | 'detections'>, timed: Timed, classified?: Float32Array): Promise<FaceResult[]> {
    if (crops.length === 0) return [];
    const size = cropSpec.outputSize;
    const { classifier, multitask } = this;
    const { classifierOutputs, segmented } = await this.withBatch(crops, async (batch) => ({
      classifierOutputs: classified ?? await this.classifyBatch(batch, crops.length, timed),
      segmented: multitask && await timed('segment', () => multitask.model.run(batch, crops.length, size)),
    }));
    const maskSize = multitask ? modelManifest.models[multitask.name].maskSize ?? 0 : 0;
    const fusion = modelManifest.fusion;
    const probabilityOf = (model: LoadedModel) => (model === classifier ? classifierOutputs! : segmented!.probability);
    // Unfused, the score is the multi-task net's (the bands were measured on it) and a classifier's output is shown beside it.
    return detections.map((detection, i) => {
      const parts = this.loaded.map((model) => ({ model: model.name, label: modelManifest.models[model.name].label, probability: probabilityOf(model)[i] }));
      const probability = fusion
        ? fuseProbabilities(Object.fromEntries(parts.map((p) => [p.model, p.probability])), fusion)
        : parts[0].probability;
      const plane = maskSize * maskSize;
      const band = evidenceBand(probability);
      const assessable = isAssessable(detection.box);
      const heat = segmented?.heat && { size: maskSize, data: segmented.heat.slice(i * plane, (i + 1) * plane) };
      return {
        box: detection.box,
        keypoints: detection.keypoints,
        detectionScore: detection.score,
        toImage: crops[i].toImage,
        probability,
        band,
        assessable,
        parts,
        heat,
        heatArea: heat && heatArea(heat, faceHeatStrength(band, assessable)),
        kind: segmented?.kind ? forgeryKind(segmented.kind[i], assessable ? band : 'na') : undefined,
        notes: faceNotes(detection.box),
      };
    });
  }
}

/**
 * `onLargeFaces`: an early result with the faces large enough to assess (`partial`), while the smaller tiles are
 * searched for faces too small to assess; the result then adds them, each face scored once.
 */
export async function analyzeImage(
  locator: FaceLocator, models: ModelSet, file: Blob, options: AnalyzeOptions, onLargeFaces?: (analysis: ImageAnalysis) => void,
): Promise<{ analysis: ImageAnalysis; located: LocatedFaces }> {
  const timings: StageTimings = {};
  const timed = stopwatch(timings);
  const scored = new Map<FaceDetection, FaceResult>();
  const analysed = async (located: LocatedFaces, partial: boolean): Promise<ImageAnalysis> => {
    const fresh = located.detections.flatMap((d, i) => (scored.has(d) ? [] : [i]));
    const results = await models.score({ crops: fresh.map((i) => located.crops[i]), detections: fresh.map((i) => located.detections[i]) }, timed);
    fresh.forEach((i, k) => scored.set(located.detections[i], results[k]));
    const faces = located.detections.map((d) => scored.get(d)!);
    const { width, height, sourceWidth, sourceHeight } = located.decoded;
    const notes: Note[] = [];
    if (width !== sourceWidth) notes.push({ id: 'imageDownscaled', sourceWidth, sourceHeight, width, height });
    notes.push(...compressionNote(located.jpegQuality));
    if (options.degrade) notes.push({ id: 'degraded', how: options.degrade });
    const { probability, status } = summarize(faces);
    return {
      width,
      height,
      sourceWidth,
      sourceHeight,
      faces,
      probability,
      status,
      notes: [...statusNotes(status), ...notes],
      ...models.info,
      timings: { ...timings },
      ...(partial ? { partial } : {}),
    };
  };
  const located = await locator.locate(file, options, timed, onLargeFaces && (async (large) => {
    onLargeFaces(await analysed(large, true));
  }));
  return { analysis: await analysed(located, false), located };
}

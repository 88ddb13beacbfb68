import type * as OrtModule from 'onnxruntime-web';
import { webgpuOrtBuild, type OrtBuild } from './engine-assets';

export type Backend = 'webgpu' | 'wasm';
export type BackendPreference = 'auto' | Backend;

export interface ModelOutputs {
  /** Calibrated probability of manipulation, one per input crop. */
  probability: Float32Array;
  /** Where the model sees evidence (pipeline/heatmap.ts FaceHeat), maskSize x maskSize per crop, when it has a mask head. */
  heat?: Float32Array;
  /** Probability that the face was synthesised whole rather than replaced or blended, when the model says. */
  kind?: Float32Array;
}

export interface OnnxModel {
  readonly backend: Backend;
  run(batch: Float32Array, count: number, size: number): Promise<ModelOutputs>;
  release(): Promise<void>;
}

export interface OrtRuntimePaths {
  mjs: string;
  wasm: string;
}

interface OrtSetup {
  paths: Record<OrtBuild, OrtRuntimePaths>;
  threads: number;
}

let setup: OrtSetup | undefined;
const runtimes = new Map<OrtBuild, Promise<typeof OrtModule>>();
const imports: Record<OrtBuild, () => Promise<typeof OrtModule>> = {
  wasm: () => import('onnxruntime-web/wasm'),
  jspi: () => import('onnxruntime-web/jspi'),
  asyncify: () => import('onnxruntime-web/webgpu'),
};

/** Points onnxruntime-web at the runtime files this app serves itself, one build per backend. */
export function configureOrt(paths: Record<OrtBuild, OrtRuntimePaths>, threads: number): void {
  setup ??= { paths, threads };
}

/**
 * WASM threads for the models: all cores but one, which stays with the page and the video decoder
 * (at most 4). Threads need cross-origin isolation (SharedArrayBuffer). On a 2-core machine that is
 * one thread; where a second core is free, two threads run a face 1.6x faster (`npm run bench`).
 */
export function defaultWasmThreads(): number {
  if (!self.crossOriginIsolated) return 1;
  return Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
}

/**
 * Imports only the onnxruntime-web build a backend needs, so that a browser without WebGPU never
 * downloads a WebGPU build (engine-assets.ts lists their sizes).
 */
function runtime(backend: Backend): Promise<typeof OrtModule> {
  const build = backend === 'wasm' ? 'wasm' : webgpuOrtBuild();
  let loading = runtimes.get(build);
  if (!loading) {
    if (!setup) throw new Error('configureOrt must be called before a model is loaded');
    const { paths, threads } = setup;
    loading = imports[build]().then((ort) => {
      ort.env.wasm.wasmPaths = { ...paths[build] };
      ort.env.wasm.numThreads = threads;
      ort.env.logLevel = 'error';
      return ort;
    });
    runtimes.set(build, loading);
  }
  return loading;
}

export async function webgpuAvailable(): Promise<boolean> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

/**
 * The defaults on purpose: folding the int8 weights' DequantizeLinear nodes at load (`session.disable_quant_qdq`)
 * made both models 13-20 % faster in onnxruntime-node but not at all in onnxruntime-web's WASM build (measured).
 */
export function sessionOptions(backend: Backend): OrtModule.InferenceSession.SessionOptions {
  return { executionProviders: [backend], graphOptimizationLevel: 'all' };
}

async function openSession(bytes: Uint8Array, backend: Backend, size: number): Promise<OnnxModel> {
  const ort = await runtime(backend);
  const session = await ort.InferenceSession.create(bytes, sessionOptions(backend));
  const model: OnnxModel = {
    backend,
    async run(batch, count) {
      const input = new ort.Tensor('float32', batch, [count, 3, size, size]);
      const outputs = await session.run({ [session.inputNames[0]]: input });
      const probability = outputs.probability?.data as Float32Array | undefined;
      if (!probability) throw new Error('model has no "probability" output');
      const heat = outputs.heat?.data as Float32Array | undefined;
      const kind = outputs.kind?.data as Float32Array | undefined;
      input.dispose();
      return { probability: Float32Array.from(probability), heat: heat && Float32Array.from(heat), kind: kind && Float32Array.from(kind) };
    },
    release: () => session.release(),
  };
  // A first run proves the backend works for this graph; WebGPU failures show up here.
  await model.run(new Float32Array(3 * size * size), 1, size);
  return model;
}

/** Opens the model on WebGPU when asked for and available, falling back to WASM. */
export async function loadOnnxModel(bytes: Uint8Array, preference: BackendPreference, size: number): Promise<OnnxModel> {
  if (preference !== 'wasm' && (await webgpuAvailable())) {
    try {
      return await openSession(bytes, 'webgpu', size);
    } catch (error) {
      if (preference === 'webgpu') throw error;
    }
  }
  return openSession(bytes, 'wasm', size);
}

import type * as OrtModule from 'onnxruntime-web';

export type Backend = 'webgpu' | 'wasm';
export type BackendPreference = 'auto' | Backend;

export interface ModelOutputs {
  /** Calibrated probability of manipulation, one per input crop. */
  probability: Float32Array;
  /** Manipulation masks, maskSize x maskSize per crop, when the model has a mask head. */
  mask?: Float32Array;
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
  paths: Record<Backend, OrtRuntimePaths>;
  threads: number;
}

let setup: OrtSetup | undefined;
const runtimes = new Map<Backend, Promise<typeof OrtModule>>();

/**
 * Points onnxruntime-web at the runtime files this app serves itself, one build per backend. One
 * thread by default: on small CNNs and few cores a second thread costs more than it gains (the
 * benchmark measures both).
 */
export function configureOrt(paths: Record<Backend, OrtRuntimePaths>, threads = 1): void {
  setup ??= { paths, threads };
}

/**
 * Imports only the onnxruntime-web build a backend needs: the WebGPU build's wasm (asyncify) is
 * 27 MB, the WASM-only build's 14 MB, so a browser without WebGPU never downloads the larger one.
 */
function runtime(backend: Backend): Promise<typeof OrtModule> {
  let loading = runtimes.get(backend);
  if (!loading) {
    if (!setup) throw new Error('configureOrt must be called before a model is loaded');
    const { paths, threads } = setup;
    loading = (backend === 'webgpu' ? import('onnxruntime-web/webgpu') : import('onnxruntime-web/wasm')).then((ort) => {
      ort.env.wasm.wasmPaths = { ...paths[backend] };
      ort.env.wasm.numThreads = threads;
      ort.env.logLevel = 'error';
      return ort;
    });
    runtimes.set(backend, loading);
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

async function openSession(bytes: Uint8Array, backend: Backend, size: number): Promise<OnnxModel> {
  const ort = await runtime(backend);
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: [backend],
    graphOptimizationLevel: 'all',
  });
  const model: OnnxModel = {
    backend,
    async run(batch, count) {
      const input = new ort.Tensor('float32', batch, [count, 3, size, size]);
      const outputs = await session.run({ [session.inputNames[0]]: input });
      const probability = outputs.probability?.data as Float32Array | undefined;
      if (!probability) throw new Error('model has no "probability" output');
      const mask = outputs.mask?.data as Float32Array | undefined;
      const kind = outputs.kind?.data as Float32Array | undefined;
      input.dispose();
      return { probability: Float32Array.from(probability), mask: mask && Float32Array.from(mask), kind: kind && Float32Array.from(kind) };
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

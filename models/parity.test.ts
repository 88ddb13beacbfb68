// The int8 ONNX models, run by onnxruntime-web's WASM backend (in Node) with the app's session options, must
// reproduce the trained PyTorch models with the same int8-rounded weights (models/train/parity.py) on real face
// crops made by the app's own crop stage. What the rounding itself costs is measured at export, on every test crop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sessionOptions } from '../src/pipeline/onnx-model';
import { cropsToTensor } from '../src/pipeline/tensor';
import manifest from './manifest.json';

/** Float arithmetic in another order (WASM SIMD kernels against PyTorch's): under 1e-6 when written. */
const probabilityTolerance = 1e-4;
/** ...and for mask and heat pixels (mean absolute difference well below it). */
const maskTolerance = 1e-3;

interface Reference {
  crops: string[];
  probability: number[];
  mask?: number[][];
  kind?: number[];
  heat?: number[][];
}

const here = import.meta.dirname;
const appModels = Object.values(manifest.app as Record<string, string>);

describe.each(appModels)('%s int8 ONNX vs PyTorch', (name) => {
  it('matches the reference outputs within tolerance', { timeout: 60_000 }, async () => {
    const entry = (manifest.models as Record<string, { file: string; maskSize?: number }>)[name];
    const reference = JSON.parse(readFileSync(join(here, 'parity', `${name}.json`), 'utf8')) as Reference;
    const crops = reference.crops.map((file) => {
      const png = PNG.sync.read(readFileSync(join(here, 'parity', file)));
      return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) };
    });
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(readFileSync(join(here, entry.file)), sessionOptions('wasm'));
    const input = new ort.Tensor('float32', cropsToTensor(crops), [crops.length, 3, 256, 256]);
    const outputs = await session.run({ image: input });
    const probability = [...(outputs.probability.data as Float32Array)];
    const worst = Math.max(...probability.map((p, i) => Math.abs(p - reference.probability[i])));
    console.log(`${name}: max |probability difference| int8 ONNX (WASM) vs PyTorch = ${worst.toExponential(2)}`);
    probability.forEach((p, i) => expect(Math.abs(p - reference.probability[i]), reference.crops[i]).toBeLessThanOrEqual(probabilityTolerance));
    for (const output of ['mask', 'heat'] as const) {
      const expectedMaps = reference[output];
      if (!expectedMaps) continue;
      const actual = outputs[output].data as Float32Array;
      const plane = entry.maskSize! ** 2;
      expectedMaps.forEach((expected, i) => {
        const diffs = expected.map((v, k) => Math.abs(v - actual[i * plane + k]));
        expect(Math.max(...diffs), `${output} of ${reference.crops[i]}`).toBeLessThanOrEqual(maskTolerance);
        expect(diffs.reduce((a, b) => a + b, 0) / diffs.length).toBeLessThanOrEqual(maskTolerance / 5);
      });
    }
    if (reference.kind) {
      const kind = [...(outputs.kind.data as Float32Array)];
      kind.forEach((p, i) => expect(Math.abs(p - reference.kind![i]), reference.crops[i]).toBeLessThanOrEqual(probabilityTolerance));
    }
    await session.release();
  });
});

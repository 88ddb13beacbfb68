import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../scripts/lib/chromium.mjs';
import { selfBlendedAstronaut } from './generated';

// Headless Chromium has a WebGPU adapter only with --enable-unsafe-webgpu (SwiftShader, on the CPU):
// slow, but it runs the real WebGPU backend of onnxruntime-web.
test.use({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs({ webgpu: true }) } });

interface Scored {
  backend: string;
  faces: { probability: number; parts: { model: string; probability: number }[]; heat?: { data: Record<string, number> } }[];
}

async function analyse(page: Page, backend: string, bytes: number[]): Promise<Scored> {
  await page.goto(`/runner.html?backend=${backend}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page.evaluate(async (bytes) => {
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const runner = (window as unknown as { mikiwame: { analyze(url: string): Promise<{ analysis: Scored }> } }).mikiwame;
    return (await runner.analyze(url)).analysis;
  }, bytes);
}

test('the int8 models give the same outputs on WebGPU as on WASM', async ({ page }) => {
  test.setTimeout(300_000);
  const bytes = [...readFileSync(selfBlendedAstronaut().imagePath)];
  const gpu = await analyse(page, 'webgpu', bytes);
  expect(gpu.backend).toBe('webgpu');
  const cpu = await analyse(page, 'wasm', bytes);
  expect(cpu.backend).toBe('wasm');
  expect(gpu.faces).toHaveLength(cpu.faces.length);
  gpu.faces.forEach((face, i) => {
    face.parts.forEach((part, k) => expect(Math.abs(part.probability - cpu.faces[i].parts[k].probability)).toBeLessThan(1e-3));
    const gpuHeat = Object.values(face.heat?.data ?? {});
    const cpuHeat = Object.values(cpu.faces[i].heat?.data ?? {});
    // The heat: the mask and the class activation map from one graph, so both run on each backend.
    expect(gpuHeat.length).toBe(64 * 64);
    expect(gpuHeat.length).toBe(cpuHeat.length);
    const maxDiff = gpuHeat.reduce((m, v, k) => Math.max(m, Math.abs(v - cpuHeat[k])), 0);
    console.log(`WebGPU vs WASM, face ${i + 1}: max heat difference ${maxDiff.toExponential(2)}`);
    expect(maxDiff).toBeLessThan(1e-2);
  });
});

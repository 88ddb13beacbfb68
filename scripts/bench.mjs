// npm run bench -- [--out FILE.json] [--runs 20] [--long]: in headless Chromium against the
// production build. Images: what a user waits for, drop to heatmap in the real UI, cold and warm,
// the per-stage split (same worker, via the runner page), and the bytes a first visit downloads.
// Videos: generated 10 s 720p30 and 1080p30 clips (and with --long a 10-minute 1080p30 one),
// analysed at the default setting and with every frame: frames/s, times real time, stages, and
// the browser's peak memory.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import manifest from '../models/manifest.json' with { type: 'json' };
import { ensureBuild, parseArgs, root, serve } from './lib/browser-runner.mjs';
import { chromiumArgs, chromiumPath } from './lib/chromium.mjs';
import { astronautPhoto, writeAstronautClip } from './lib/clips.mjs';
import { sampleMemory } from './lib/memory.mjs';
import { median, videoSpeed } from './lib/metrics.mjs';

const args = parseArgs(process.argv.slice(2), { out: '', runs: '20', long: false });
const runs = Number(args.runs);
const round = (v) => Math.round(v * 10) / 10;
const shareOf = (flags) => flags.reduce((a, b) => a + b, 0) / Math.max(1, flags.length);
const diff = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));
ensureBuild();
const clipDir = join(os.tmpdir(), 'mikiwame-bench');
mkdirSync(clipDir, { recursive: true });

/** A moving face, deterministic, H.264 at 30 frames per second (scripts/lib/clips.mjs). */
function benchClip(width, height, seconds) {
  const name = `astronaut_${width}x${height}_${seconds}s.mp4`;
  const path = join(clipDir, name);
  if (!existsSync(path)) {
    writeAstronautClip(path, {
      seconds, fps: 30, filters: [`scale=${width}:${height}`], codec: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20'],
    });
  }
  return name;
}
const clips = [[1280, 720, 10], [1920, 1080, 10], ...(args.long ? [[1920, 1080, 600]] : [])].map(([w, h, s]) => benchClip(w, h, s));
const { server, origin } = await serve(clipDir);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();

const transferred = { js: 0, wasm: 0, model: 0, other: 0 };
const fetchedFiles = [];
// The context sees the service worker's own fetches (its precache) as well as the page's.
context.on('requestfinished', async (request) => {
  const sizes = await request.sizes().catch(() => undefined);
  const url = request.url();
  const kind = /\.m?js(\?|$)/.test(url) ? 'js' : /\.wasm(\?|$)/.test(url) ? 'wasm' : /\.(onnx|tflite)(\?|$)/.test(url) ? 'model' : 'other';
  const bytes = sizes?.responseBodySize ?? 0;
  transferred[kind] += bytes;
  // A page request the service worker answers shows 0 bytes here; its own fetch is counted once.
  if (bytes > 0 && url.startsWith(origin) && !url.includes('/__input/')) fetchedFiles.push(new URL(url).pathname);
});
const snapshot = () => ({ ...transferred, files: fetchedFiles.length });
const gzipSizes = new Map();
/** What a host that gzips its responses would send for the files fetched between two snapshots (this server does not compress). */
function gzippedBytes(from, to) {
  let bytes = 0;
  for (const path of fetchedFiles.slice(from.files, to.files)) {
    const file = join(root, 'dist', path === '/' ? 'index.html' : path.slice(1));
    if (!existsSync(file)) continue;
    if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(file)).length);
    bytes += gzipSizes.get(file);
  }
  return bytes;
}

/** Opens the app in `on` and waits until its page load has settled (shell, service worker precache). */
async function openApp(on) {
  await on.goto(origin);
  await on.evaluate(() => navigator.serviceWorker.ready);
  await on.waitForLoadState('networkidle');
}

await openApp(page);
const beforeFirstDrop = snapshot();

// A 1024x1024 one-face photo: the astronaut test photo upscaled in the browser, JPEG q92.
const astronaut = [...readFileSync(astronautPhoto)];
const photo = Buffer.from(await page.evaluate(async (bytes) => {
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]), { resizeWidth: 1024, resizeHeight: 1024, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(1024, 1024);
  canvas.getContext('2d').drawImage(bitmap, 0, 0);
  return [...new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer())];
}, astronaut));

/**
 * Milliseconds from the file input's change event to the first frame that shows the result (summary
 * with the file's name, a face card, the heatmap drawn), timed in the page: Playwright's own waiting
 * polls at growing intervals (up to 500 ms) and would measure its polling.
 */
async function timeToResult(page, name) {
  await page.evaluate((fileName) => {
    window.benchResult = new Promise((resolve) => {
      let start;
      const input = document.querySelector('[data-testid="file-input"]');
      input.addEventListener('change', () => { start = performance.now(); }, { once: true, capture: true });
      const shown = () => document.querySelector('[data-testid="summary"]')?.textContent?.includes(fileName)
        && document.querySelector('[data-testid="face-card"]');
      const observer = new MutationObserver(() => {
        if (start === undefined || !shown()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, name);
}

/**
 * After its first result a photo's search for smaller faces and its provenance go on: the next photo waits until the
 * page is idle, as a person's next pick would (dropped at once, it measured the previous photo's work too).
 */
async function settled(on) {
  await on.waitForFunction(() => document.querySelector('[data-testid="sha256"]')
    && ![...document.querySelectorAll('[data-testid="file-entry"]')].some((e) => /status-(analyzing|queued)/.test(e.className)));
  await on.waitForTimeout(200);
}

async function dropToHeatmap(name, on = page) {
  await timeToResult(on, name);
  await on.getByTestId('file-input').setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo });
  const ms = await on.evaluate(() => window.benchResult);
  await settled(on);
  return ms;
}

/** The first photo of a later visit: a new page of the same browser profile, its files and compiled wasm cached. */
async function firstPhotoOfLaterVisit() {
  const later = await context.newPage();
  await openApp(later);
  const ms = await dropToHeatmap('later.jpg', later);
  await later.close();
  return ms;
}

/**
 * The first photo of a visit picked as a person does: the file dialog opens (the engine starts
 * loading then) and the photo is chosen `choosingMs` later. In a fresh context: nothing cached.
 */
async function firstPhotoThroughDialog(choosingMs) {
  const visit = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const visitPage = await visit.newPage();
  await openApp(visitPage);
  await timeToResult(visitPage, 'picked.jpg');
  const chooser = visitPage.waitForEvent('filechooser');
  await visitPage.getByTestId('pick').click();
  await visitPage.waitForTimeout(choosingMs);
  await (await chooser).setFiles({ name: 'picked.jpg', mimeType: 'image/jpeg', buffer: photo });
  const ms = await visitPage.evaluate(() => window.benchResult);
  await visit.close();
  return ms;
}

const coldMs = await dropToHeatmap('photo-0.jpg');
const firstImage = snapshot();
const warm = [];
for (let i = 1; i <= runs; i++) warm.push(await dropToHeatmap(`photo-${i}.jpg`));
const coldLaterVisitMs = await firstPhotoOfLaterVisit();
const dialogMs = 3000;
const coldThroughDialogMs = await firstPhotoThroughDialog(dialogMs);

await page.goto(`${origin}/runner.html?backend=wasm`);
await page.waitForFunction(() => document.body.dataset.ready === 'true');
const stages = await page.evaluate(async ({ bytes, runs }) => {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
  const all = [];
  // Up to the first result the user sees (the faces large enough to assess), as the warm time is measured.
  for (let i = 0; i <= runs; i++) {
    const { analysis, firstResultTimings } = await window.mikiwame.analyze(url);
    all.push(firstResultTimings ?? analysis.timings);
  }
  return all.slice(1);
}, { bytes: [...photo], runs });

const videoRuns = [];
const beforeFirstVideo = snapshot();
let firstVideo;
for (const clip of clips) {
  for (const sampleFps of clip.includes('600s') ? ['auto'] : ['auto', null]) {
    const memory = sampleMemory(browser);
    const result = await page.evaluate(([url, fps]) => window.mikiwame.analyzeVideo(url, fps), [`${origin}/__input/${clip}`, sampleFps]);
    const peakMemoryMb = memory.stop();
    firstVideo ??= diff(snapshot(), beforeFirstVideo);
    const speed = videoSpeed(result);
    videoRuns.push({
      clip,
      setting: sampleFps === null ? 'every frame' : 'default (auto)',
      sampleFps: result.start.plan.sampleFps,
      // Every frame: the multi-task net's rate, and the share of faces it ran on (MesoNet runs on all).
      scoreFps: result.start.scoreFps,
      scoredShare: Math.round(shareOf(result.frames.flatMap((f) => f.faces.map((face) => face[2]))) * 100) / 100,
      frames: speed.frames,
      framesPerSecond: round(speed.framesPerSecond),
      realtimeFactor: Math.round(speed.realtimeFactor * 100) / 100,
      msPerFrame: speed.msPerFrame,
      peakMemoryMb: Math.round(peakMemoryMb),
    });
    console.error(`${clip} ${videoRuns.at(-1).setting}: ${videoRuns.at(-1).framesPerSecond} frames/s, ${videoRuns.at(-1).realtimeFactor}x real time`);
  }
}
// The decoder alone, every frame: the ceiling on every-frame analysis.
const decodeOnly = {};
for (const clip of clips.filter((c) => c.includes('_10s'))) {
  decodeOnly[clip] = round((await page.evaluate((url) => window.mikiwame.decodeSpeed(url), `${origin}/__input/${clip}`)).framesPerSecond);
}
// Per-face model latency on each backend, each in a fresh worker (threads are fixed at load).
const backends = {};
const isolated = await page.evaluate(() => crossOriginIsolated);
for (const threads of isolated ? [1, 2] : [1]) {
  backends[`wasm-${threads}thread`] = (await page.evaluate(([t, n]) => window.mikiwame.modelLatency('wasm', t, n), [threads, 30])).ms;
}
const gpuBrowser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs({ webgpu: true }) });
const gpuPage = await gpuBrowser.newPage();
await gpuPage.goto(`${origin}/runner.html?backend=webgpu`);
await gpuPage.waitForFunction(() => document.body.dataset.ready === 'true');
const gpu = await gpuPage.evaluate(() => window.mikiwame.modelLatency('webgpu', 1, 3)).catch((error) => ({ backend: `unavailable: ${error.message}` }));
backends.webgpu = gpu.backend === 'webgpu' ? { ...gpu.ms, adapter: 'SwiftShader (CPU) in headless Chromium' } : { unavailable: gpu.backend };
await gpuBrowser.close();

/** A face-crop input of random-looking pixels for a session of `runtime` (onnxruntime-node or -web). */
const faceFeeds = (runtime, session, size) => ({
  [session.inputNames[0]]: new runtime.Tensor('float32', Float32Array.from({ length: 3 * size * size }, (_, i) => Math.sin(i * 12.9898) * 0.5), [1, 3, size, size]),
});

/** Median ms of one face through a session; the first run warms up. */
async function faceMs(runtime, session, size) {
  const feeds = faceFeeds(runtime, session, size);
  const times = [];
  for (let i = 0; i <= 30; i++) {
    const start = performance.now();
    await session.run(feeds);
    if (i > 0) times.push(performance.now() - start);
  }
  return median(times);
}

// The same int8 ONNX files natively (onnxruntime-node, CPU, one thread), in this process.
const native = {};
const appModels = Object.entries(manifest.models).filter(([n]) => Object.values(manifest.app).includes(n));
for (const [name, entry] of appModels) {
  const session = await ort.InferenceSession.create(join(root, 'models', entry.file), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  native[name] = await faceMs(ort, session, entry.inputSize);
  await session.release();
}

// What the heat output costs per face: the graph run with and without fetching it (a run computes only what its
// fetched outputs need), the two interleaved after a warm-up so that neither gains from running later; natively and in
// onnxruntime-web's WASM build (one thread, in Node).
ortWeb.env.wasm.numThreads = 1;
const heatCost = {};
for (const [name, entry] of appModels) {
  const path = join(root, 'models', entry.file);
  for (const [runtime, library, session] of [
    ['native', ort, await ort.InferenceSession.create(path, { intraOpNumThreads: 1, interOpNumThreads: 1 })],
    ['wasm', ortWeb, await ortWeb.InferenceSession.create(readFileSync(path), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' })],
  ]) {
    if (!session.outputNames.includes('heat')) continue;
    const feeds = faceFeeds(library, session, entry.inputSize);
    const withoutHeat = session.outputNames.filter((o) => o !== 'heat');
    const times = { all: [], withoutHeat: [] };
    for (let i = 0; i < 45; i++) {
      for (const [key, fetches] of [['all', undefined], ['withoutHeat', withoutHeat]]) {
        const start = performance.now();
        await session.run(feeds, fetches);
        if (i >= 5) times[key].push(performance.now() - start);
      }
    }
    const all = median(times.all);
    const without = median(times.withoutHeat);
    heatCost[`${name} ${runtime}`] = { allOutputsMs: round(all), withoutHeatMs: round(without), heatMs: round(all - without) };
    await session.release();
  }
}
const nativeRatio = Object.fromEntries(Object.entries(native).map(([name, ms]) => [name, round(backends['wasm-1thread'][name] / ms)]));

// Everything the app keeps for offline use: the precached shell plus the engine cache.
await page.goto(origin);
await page.getByTestId('make-offline').click({ timeout: 10_000 }).catch(() => undefined);
await page.getByTestId('offline-ready').waitFor({ timeout: 300_000 });
const offlineCacheBytes = await page.evaluate(async () => {
  let bytes = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) bytes += (await (await cache.match(request)).blob()).size;
  }
  return bytes;
});

await browser.close();
server.close();

const stageNames = ['decode', 'detect', 'crop', 'classify', 'segment'];
const result = {
  machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, browser: browser.version() },
  image: {
    size: '1024x1024 JPEG, one face',
    coldMs: round(coldMs),
    // The same first photo chosen in the file dialog dialogMs after opening it: the engine loads meanwhile.
    coldThroughDialogMs: round(coldThroughDialogMs),
    coldLaterVisitMs: round(coldLaterVisitMs),
    warmMs: round(median(warm)),
    warmRuns: runs,
    // The worker's stages up to the first result (a photo with smaller tiles left to search shows its assessable faces first).
    stagesMedianMs: Object.fromEntries(stageNames.map((s) => [s, round(median(stages.map((t) => t[s] ?? 0)))])),
    // What the worker stages leave of the UI time: reading the file, messaging, showing the
    // image, drawing the heatmap, React.
    renderMs: round(median(warm) - stageNames.reduce((sum, s) => sum + median(stages.map((t) => t[s] ?? 0)), 0)),
  },
  video: {
    realtimeFactor: videoRuns.find((r) => r.clip.includes('1280x720_10s') && r.setting.startsWith('default'))?.realtimeFactor,
    runs: videoRuns,
    decodeOnlyFramesPerSecond: decodeOnly,
  },
  // The first video's bytes: ffmpeg's runtime (the image engine is cached by then).
  firstLoad: {
    beforeFirstDrop, firstImage: diff(firstImage, beforeFirstDrop), firstVideo,
    gzipped: { beforeFirstDrop: gzippedBytes({ files: 0 }, beforeFirstDrop), firstImage: gzippedBytes(beforeFirstDrop, firstImage) },
  },
  offlineCacheBytes,
  backends: Object.fromEntries(Object.entries(backends).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([m, ms]) => [m, typeof ms === 'number' ? round(ms) : ms]))])),
  native: { runtime: 'onnxruntime-node, CPU, 1 thread', ms: Object.fromEntries(Object.entries(native).map(([m, ms]) => [m, round(ms)])) },
  nativeRatio,
  heatCost,
};
console.log(`machine: ${result.machine.cores} cores, ${result.machine.cpu}, Chromium ${result.machine.browser}`);
console.log(`image 1024x1024, drop to heatmap in the UI: cold ${result.image.coldMs} ms, warm median ${result.image.warmMs} ms (${runs} runs)`);
console.log(`first photo of a visit chosen ${dialogMs / 1000} s after opening the file dialog: ${result.image.coldThroughDialogMs} ms; first photo of a later visit: ${result.image.coldLaterVisitMs} ms`);
console.table({ ...result.image.stagesMedianMs, render: result.image.renderMs });
console.log('video (runner page, WASM):');
console.table(videoRuns.map(({ msPerFrame, ...run }) => ({ ...run, ...msPerFrame })));
console.log('bytes transferred (before the first drop / for the first image):');
console.table({ beforeFirstDrop, firstImage: result.firstLoad.firstImage, firstVideo });
console.log(`the same files gzipped, as a compressing host sends them: ${(result.firstLoad.gzipped.beforeFirstDrop / 1e6).toFixed(1)} MB before the first drop, ${(result.firstLoad.gzipped.firstImage / 1e6).toFixed(1)} MB for the first image`);
console.log(`offline cache (shell + engine): ${(offlineCacheBytes / 1e6).toFixed(1)} MB`);
console.log('per-face model latency (ms) by backend, and natively:');
console.table({ ...result.backends, native: result.native.ms });
console.log('nativeRatio (browser WASM 1 thread / native 1 thread):', JSON.stringify(nativeRatio));
console.log('the heat output per face (ms, one thread):');
console.table(heatCost);
if (args.out) await writeFile(args.out, JSON.stringify(result, null, 2));

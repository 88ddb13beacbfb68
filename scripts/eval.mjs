// npm run eval -- --input DIR --out FILE.json [--degrade jpeg40-half|h264-crfN] [--backend wasm|webgpu|auto]
//   [--video-fps auto|all|N]
// DIR holds real/ and fake/; every file below them, image or video, is analysed by the app's own
// pipeline. A video's score is its verdict (the most suspicious tracked person's mean).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { forEachOnPages, inputUrl, listMedia, parseArgs, startRunner } from './lib/browser-runner.mjs';
import { h264Copy, h264Degradation } from './lib/h264-copy.mjs';
import { bandShares, heatShares, median, summarizeRun, videoSpeed } from './lib/metrics.mjs';
import manifest from '../models/manifest.json' with { type: 'json' };
import videoExtensionList from '../src/video/video-extensions.json' with { type: 'json' };

const args = parseArgs(process.argv.slice(2), { input: '', out: '', degrade: '', backend: 'wasm', pages: '1', webgpu: false, 'video-fps': 'auto' });
const videoFps = args['video-fps'] === 'auto' ? 'auto' : args['video-fps'] === 'all' ? null : Number(args['video-fps']);
const videoExtensions = new RegExp(`\\.(${videoExtensionList.join('|')})$`, 'i');
const isVideo = (file) => videoExtensions.test(file);
const round4 = (x) => Math.round(x * 10000) / 10000;

/**
 * A video's entry: the verdict, and each model's mean over the frames of the person it rests on where that model ran
 * (every frame analysed, the multi-task net runs on a sample of them and the classifier on all).
 */
function videoEntry(result) {
  const worst = result.tracks.filter((t) => !t.brief).reduce((a, b) => (!a || b.mean > a.mean ? b : a), undefined);
  const names = result.start.models.map((m) => m.name);
  const sums = names.map(() => 0);
  const counts = names.map(() => 0);
  for (const frame of result.frames) {
    for (const [trackId, , scored, ...parts] of frame.faces) {
      if (trackId !== worst?.id) continue;
      parts.forEach((p, i) => {
        if (!scored && names[i] !== manifest.app.classifier) return;
        sums[i] += p;
        counts[i]++;
      });
    }
  }
  return {
    score: result.probability,
    band: result.band,
    faces: result.tracks.filter((t) => !t.brief).length,
    ...(counts[0] ? { parts: Object.fromEntries(names.map((n, i) => [n, sums[i] / counts[i]])) } : {}),
    // Every face of every analysed frame: [trackId, probability, scored (1: the multi-task net ran), ...parts].
    frames: result.frames.map(({ time, faces }) => ({ time: round4(time), faces: faces.map((face) => face.map(round4)) })),
    video: {
      sampleFps: result.start.plan.sampleFps,
      scoreFps: result.start.scoreFps,
      size: `${result.start.plan.width}x${result.start.plan.height}`,
      seconds: result.start.info.duration,
      ...videoSpeed(result),
    },
  };
}
if (!args.input || !args.out) throw new Error('usage: npm run eval -- --input DIR --out FILE.json [--degrade jpeg40-half|h264-crfN]');
let inputDir = resolve(args.input);
let labelled = ['real', 'fake'].flatMap((label) => listMedia(join(inputDir, label)).map((file) => ({ file, label })));
if (labelled.length === 0) throw new Error(`no files under ${inputDir}/real or ${inputDir}/fake`);
const h264 = h264Degradation.exec(args.degrade);
if (h264) {
  if (labelled.some((l) => isVideo(l.file))) throw new Error('--degrade h264-crfN is for images; a video is re-encoded already');
  console.error(`re-encoding ${labelled.length} images as H.264 at CRF ${h264[1]}...`);
  const { outDir, copies } = h264Copy(inputDir, labelled.map((l) => l.file), Number(h264[1]));
  inputDir = outDir;
  labelled = labelled.map((l, i) => ({ ...l, file: copies[i] }));
}
const browserDegradation = h264 ? '' : args.degrade;

// The evidence bands' cut-offs on the score (models/train/bands.py); weak evidence starts at the first.
const bands = { weak: manifest.bands.weak, moderate: manifest.bands.moderate, strong: manifest.bands.strong };
const threshold = bands.weak;
const runner = await startRunner({ inputDir, pages: Number(args.pages), backend: args.backend, webgpu: args.webgpu || args.backend === 'webgpu' });
const info = await runner.pages[0].evaluate(() => window.mikiwame.prepare());
const results = new Map();
const stageTimes = [];
const started = Date.now();

await forEachOnPages(runner.pages, labelled, async (page, { file, label }) => {
  const path = relative(inputDir, file);
  const maskFile = file.replace(/\.[^.]+$/, '_mask.png');
  const maskUrl = existsSync(maskFile) ? inputUrl(runner.origin, inputDir, maskFile) : undefined;
  const entry = { path, label, score: null, faces: 0, error: null, backend: info.backend };
  try {
    if (isVideo(file)) {
      const result = await page.evaluate(([url, fps]) => window.mikiwame.analyzeVideo(url, fps), [inputUrl(runner.origin, inputDir, file), videoFps]);
      Object.assign(entry, videoEntry(result));
    } else {
      const { analysis, band, maskIoU } = await page.evaluate(
        ([url, degrade, mask]) => window.mikiwame.analyze(url, degrade || undefined, mask),
        [inputUrl(runner.origin, inputDir, file), browserDegradation, maskUrl],
      );
      Object.assign(entry, { score: analysis.probability, band, faces: analysis.faces.length, backend: analysis.backend });
      const strongest = analysis.faces.reduce((best, face) => (!best || face.probability > best.probability ? face : best), undefined);
      stageTimes.push(analysis.timings);
      if (strongest) entry.parts = Object.fromEntries(strongest.parts.map((part) => [part.model, part.probability]));
      // Every face, in the order found: its score and each model's output.
      entry.perFace = analysis.faces.map((face) => ({
        assessable: face.assessable, score: round4(face.probability), parts: Object.fromEntries(face.parts.map((part) => [part.model, round4(part.probability)])),
      }));
      // The share of the face crop with heat in the legend's upper half, as drawn: measurable on sets without masks.
      if (strongest?.heatArea !== undefined) entry.heatArea = round4(strongest.heatArea);
      if (maskIoU !== undefined) entry.maskIoU = maskIoU;
    }
  } catch (error) {
    entry.error = String(error.message ?? error).replace(/^.*?Error: /, '').split('\n')[0];
  }
  results.set(file, entry);
}, (done, total) => {
  if (done % 50 === 0 || done === total) console.error(`${done}/${total} files, ${(done / ((Date.now() - started) / 1000)).toFixed(1)}/s`);
});
await runner.close();

const files = labelled.map(({ file }) => results.get(file));
const report = { threshold, bands, degrade: args.degrade || null, models: info.models, files, metrics: summarizeRun(files, threshold) };
report.metrics.bandShares = bandShares(files);
report.metrics.heatShares = heatShares(files);
report.medianStageMs = Object.fromEntries(['decode', 'detect', 'crop', 'classify', 'segment']
  .map((stage) => [stage, stageTimes.map((t) => t[stage]).filter((v) => v !== undefined)])
  .filter(([, values]) => values.length)
  .map(([stage, values]) => [stage, Math.round(median(values) * 10) / 10]));
// Each model alone, on the same faces, for comparison with the combined score.
const modelNames = [...new Set(files.flatMap((f) => Object.keys(f.parts ?? {})))];
if (modelNames.length > 1) {
  report.metricsByModel = Object.fromEntries(modelNames.map((name) => [name, summarizeRun(
    files.map((f) => ({ ...f, score: f.parts?.[name] ?? null })),
    manifest.models[name].threshold,
  )]));
}
const ious = files.filter((f) => f.maskIoU !== undefined).map((f) => f.maskIoU);
if (ious.length) report.metrics.maskIoU = Math.round((ious.reduce((a, b) => a + b, 0) / ious.length) * 10000) / 10000;
await writeFile(resolve(args.out), JSON.stringify(report, null, 1));
console.log(JSON.stringify(report.metrics), `errors: ${files.filter((f) => f.error).length}`);

// npm run crops -- --input DIR --out DIR2: writes every face crop exactly as the classifier sees it.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { forEachOnPages, imageExtensions, inputUrl, listMedia, parseArgs, startRunner } from './lib/browser-runner.mjs';

const args = parseArgs(process.argv.slice(2), { input: '', out: '', pages: '2' });
if (!args.input || !args.out) throw new Error('usage: npm run crops -- --input DIR --out DIR2 [--pages N]');
const inputDir = resolve(args.input);
const outDir = resolve(args.out);
const files = listMedia(inputDir).filter((f) => imageExtensions.has(extname(f).toLowerCase()));
const runner = await startRunner({ inputDir, pages: Number(args.pages), backend: 'wasm' });
const manifest = [];
const started = Date.now();

await forEachOnPages(runner.pages, files, async (page, file) => {
  const source = relative(inputDir, file);
  const url = inputUrl(runner.origin, inputDir, file);
  try {
    const result = await page.evaluate(async (u) => {
      const { width, height, crops } = await window.mikiwame.crops(u);
      const base64 = (buffer) => {
        const bytes = new Uint8Array(buffer);
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      };
      return { width, height, crops: crops.map(({ png, ...rest }) => ({ ...rest, png: base64(png) })) };
    }, url);
    const stem = join(outDir, source.slice(0, -extname(source).length));
    await mkdir(dirname(stem), { recursive: true });
    for (const [k, crop] of result.crops.entries()) {
      await writeFile(`${stem}__f${k}.png`, Buffer.from(crop.png, 'base64'));
      await writeFile(`${stem}__f${k}.json`, JSON.stringify({
        source, faceIndex: k, detectionScore: crop.detection.score,
        imageWidth: result.width, imageHeight: result.height,
        box: crop.detection.box, keypoints: crop.detection.keypoints,
        cropKeypoints: crop.cropKeypoints, cropBoxCorners: crop.cropBoxCorners, toImage: crop.toImage,
      }));
    }
    manifest.push({ source, faces: result.crops.length, error: null });
  } catch (error) {
    manifest.push({ source, faces: 0, error: String(error.message ?? error).split('\n')[0] });
  }
}, (done, total) => {
  if (done % 100 === 0 || done === total) {
    const rate = done / ((Date.now() - started) / 1000);
    console.error(`${done}/${total} images, ${rate.toFixed(1)}/s`);
  }
});

await runner.close();
manifest.sort((a, b) => a.source.localeCompare(b.source));
await writeFile(join(outDir, 'manifest.json'), JSON.stringify({ files: manifest }, null, 1));
const faces = manifest.reduce((n, m) => n + m.faces, 0);
console.log(`crops: ${manifest.length} images, ${faces} faces, ${manifest.filter((m) => m.faces === 0).length} without a face, written to ${outDir}`);

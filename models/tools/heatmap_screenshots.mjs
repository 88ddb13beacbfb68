// Screenshots of what the app shows for photos and videos (the picture with its heatmap and the face or person
// cards), for the multi-task model's card: the built app in Debian's Chromium, each file chosen through the file
// input; a video is analysed, then paused at its highest-scoring moment.
//   node models/tools/heatmap_screenshots.mjs --out models/work/screenshots NAME=FILE ...
// writes DIR/NAME.png for each file.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuild, serve } from '../../scripts/lib/browser-runner.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

const [flag, outDir, ...photos] = process.argv.slice(2);
if (flag !== '--out' || !outDir || !photos.length || photos.some((p) => !p.includes('='))) {
  console.error('usage: node models/tools/heatmap_screenshots.mjs --out DIR NAME=FILE ...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
ensureBuild();
const { server, origin } = await serve();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  await page.goto(origin);
  for (const spec of photos) {
    const [name, photo] = spec.split(/=(.*)/s);
    await page.getByTestId('file-input').setInputFiles(photo);
    await page.getByTestId('summary').filter({ hasText: basename(photo) }).waitFor();
    if (/\.(mp4|webm|mov)$/i.test(photo)) {
      await page.getByTestId('summary').filter({ hasText: /tracked/ }).waitFor({ timeout: 600_000 });
      await page.getByTestId('segments').locator('button').first().click();
      await page.getByTestId('video').evaluate((video) => new Promise((resolve) => {
        video.pause();
        if (video.seeking) video.addEventListener('seeked', resolve, { once: true });
        else resolve();
      }));
      await page.waitForTimeout(500);
    } else {
      await page.getByTestId('face-card').first().waitFor();
    }
    await page.getByTestId('heatmap').waitFor();
    const path = join(outDir, `${name}.png`);
    await page.locator('.result-body').screenshot({ path });
    console.log(path);
  }
} finally {
  await browser.close();
  server.close();
}

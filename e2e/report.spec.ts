// The PDF report: downloaded as a user does, then opened with pdf-lib and read and rendered with
// Debian's poppler-utils (pdftotext, pdfimages, pdftoppm). Pages rendered to test-results/screenshots/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { PageSizes, PDFDocument } from '@cantoo/pdf-lib';
import { evidenceBand } from '../src/pipeline/evidence';
import { astronautClip, astronautPath, groupPhoto, selfBlendedAstronaut } from './generated';
import { cancelVideoAfter, compareWith, openControlled, pick } from './app-page';

const reports = join('test-results', 'report');
/** Whether a face card's probability (null: too small to assess) comes with heat: from the weak band up, as on screen. */
const hasHeat = (shown: string | null) => shown !== null && evidenceBand(Number(shown)) !== 'none';
const screenshots = join('test-results', 'screenshots');

/** Clicks "Download report (PDF)", keeps the file under test-results/report/ and reads it. */
async function downloadPdf(page: Page, name: string) {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.mikiwame\.pdf$/);
  mkdirSync(reports, { recursive: true });
  const path = join(reports, name);
  await file.saveAs(path);
  const doc = await PDFDocument.load(readFileSync(path));
  const text = (pages: string[] = []) => execFileSync('pdftotext', [...pages, path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // pdfimages -list: two header lines, then one line per image drawn.
  const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).trim().split('\n').length - 2;
  const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2).map((line) => line.split(/\s+/)[0]);
  return { path, doc, text: text(), firstPage: text(['-f', '1', '-l', '1']), images, fonts };
}

/** Renders page `page` of the PDF to test-results/screenshots/NAME.png, to look at. */
function rasterise(path: string, name: string, page = 1) {
  mkdirSync(screenshots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', path, join(screenshots, name)]);
}

test('photo: the PDF has the file, the verdict, one section per face with its pictures and the screen\'s probability, and the limits', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await expect(page.getByTestId('sha256')).toBeVisible();
  // pdf-lib and the report's code load only when asked for.
  expect(requests.filter((url) => /save-pdf/.test(url))).toEqual([]);
  const probabilities = await page.getByTestId('face-probability').allTextContents();
  // The summary's first line on screen: "astronaut.png: 1 face found. Highest score ...".
  const bandMeaningShown = await page.getByTestId('band-meaning').innerText();
  const summary = (await page.getByTestId('summary').innerText()).split('\n')[0].replace(/^astronaut\.png: /, '');
  const sha256 = await page.getByTestId('sha256').innerText();

  const pdf = await downloadPdf(page, 'astronaut.pdf');
  expect(requests.some((url) => /save-pdf/.test(url))).toBe(true);
  expect(pdf.doc.getPages()[0].getSize()).toEqual({ width: PageSizes.A4[0], height: PageSizes.A4[1] });
  expect(pdf.doc.getTitle()).toBe('Mikiwame report: astronaut.png');
  expect(pdf.firstPage).toContain('Mikiwame analysis report');
  expect(pdf.text).toContain(sha256);
  expect(pdf.text).toContain('512x512 pixels');
  expect(summary).toContain('1 face found');
  expect(pdf.text).toContain(summary);
  // The face's band in measured terms, and what every band means.
  expect(pdf.text).toContain(bandMeaningShown);
  expect(pdf.text).toContain('What the bands mean');
  // One section per face, each with the probability the screen shows.
  expect(pdf.text.match(/Face \d+: /g)).toHaveLength(probabilities.length);
  probabilities.forEach((p, i) => expect(pdf.text).toContain(`Face ${i + 1}: ${p}`));
  // Each face's crop; the astronaut scores under the weak band, so, as on screen, no heatmap.
  expect(probabilities.some(hasHeat)).toBe(false);
  expect(pdf.images).toBe(probabilities.length);
  expect(pdf.text).not.toContain('Heatmap over it');
  expect(pdf.text).toContain('Provenance');
  expect(pdf.text).toContain('Limits of this method');
  expect(pdf.text).toContain('A low score does not prove a file authentic.');
  expect(pdf.text).not.toContain('Partial results');
  rasterise(pdf.path, 'report-image-page1');
  rasterise(pdf.path, 'report-image-page2', 2);
});

test('a face with evidence has its heatmap beside its crop, under the legend that says what heat means', async ({ page }) => {
  await page.goto('/');
  await pick(page, selfBlendedAstronaut({ hardEdge: true }).imagePath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  expect(hasHeat(await page.getByTestId('face-probability').textContent())).toBe(true);
  const pdf = await downloadPdf(page, 'selfblend-heat.pdf');
  expect(pdf.images).toBe(2);
  expect(pdf.text).toContain('Heatmap over it');
  expect(pdf.text).toContain('where the models see evidence');
  expect(pdf.text).toContain('No heat is not evidence of authenticity.');
  rasterise(pdf.path, 'report-selfblend-heat');
});

test('a group photo with a Japanese file name, compared with its original: one section per face, the comparison, the name kept in the title', async ({ page }) => {
  const group = groupPhoto(2, 3, 1);
  const japanese = join(dirname(group.path), '集合写真.png');
  copyFileSync(group.path, japanese);
  await page.goto('/');
  await pick(page, japanese);
  await expect(page.getByTestId('summary')).toContainText(`${group.faces} faces found`);
  await compareWith(page, group.path);
  await expect(page.getByTestId('compare-summary')).toContainText('No changed region found');
  const cards = page.getByTestId('face-card');
  await expect(cards).toHaveCount(group.faces);
  const shown = await cards.evaluateAll((list) => list.map((card) => card.querySelector('[data-testid="face-probability"]')?.textContent ?? null));

  const pdf = await downloadPdf(page, 'group-japanese-name.pdf');
  expect(pdf.doc.getTitle()).toBe('Mikiwame report: 集合写真.png');
  // The name in the page's text layer, set in the embedded Japanese subset.
  expect(pdf.text).toContain('集合写真.png');
  expect(pdf.fonts).toContain('MKWJPR+NotoSansJP-Regular');
  expect(pdf.text.match(/Face \d+: (\d\.\d\d|too small)/g)).toHaveLength(group.faces);
  shown.forEach((p, i) => expect(pdf.text).toContain(`Face ${i + 1}: ${p ?? 'too small to assess'}`));
  expect(pdf.text).toContain('Comparison with an original');
  expect(pdf.text).toContain(`with ${basename(group.path)}, aligned`);
  // Each face's crop, its heatmap from the weak band up (a face too small to assess has none), and the difference map.
  expect(pdf.images).toBe(shown.length + shown.filter(hasHeat).length + 1);
  rasterise(pdf.path, 'report-group-page2', 2);
});

test('video: the PDF has the person with their pictures, the timeline, and the top moments with their frames', async ({ page }) => {
  const clip = astronautClip({ container: 'mp4' });
  await page.goto('/');
  await pick(page, clip.path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  const probability = await page.getByTestId('track-probability').innerText();
  const moments = await page.getByTestId('segments').locator('button').count();
  const pdf = await downloadPdf(page, 'astronaut-clip.pdf');
  expect(pdf.text).toContain(`Person 1: ${probability}`);
  expect(pdf.text.match(/Person \d+: /g)).toHaveLength(1);
  expect(pdf.text).toContain('Timeline');
  expect(pdf.text).toContain('Highest-scoring moments');
  expect(pdf.text).toContain('h264, 640x480');
  expect(pdf.text).not.toContain('Partial results');
  expect(pdf.text).not.toContain('No frame is pictured');
  // The person's crop (under the weak band in every frame, so no heatmap), and one frame per moment.
  expect(hasHeat(probability)).toBe(false);
  expect(pdf.images).toBe(1 + moments);
  expect(pdf.text).toContain('Limits of this method');
  rasterise(pdf.path, 'report-video-page1');
  rasterise(pdf.path, 'report-video-page2', 2);
});

test('video cancelled, in a format the browser cannot play: page 1 says the results are partial; no frame is pictured, and it says why', async ({ page }) => {
  const clip = astronautClip({ container: 'avi', seconds: 40, fps: 10 });
  await page.goto('/');
  await cancelVideoAfter(page, clip.path, 5);
  const pdf = await downloadPdf(page, 'cancelled.pdf');
  expect(pdf.firstPage).toMatch(/Partial results: the analysis was cancelled at \d:\d\d\.\d of 0:40\.0/);
  expect(pdf.text).toContain('No frame is pictured: this browser cannot play this video');
  expect(pdf.images).toBe(0);
  rasterise(pdf.path, 'report-cancelled-page1');
});

/** One visit online under the service worker, then the photo analysed again with the network off; `summary` is its result's words. */
async function analyseOfflineAfterOneVisit(page: Page, context: BrowserContext, summary: string) {
  await openControlled(page);
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText(summary);
  await context.setOffline(true);
  await page.reload();
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText(summary);
}

test('@offline the PDF is made with the network off after one visit (its code is precached)', async ({ page, context }) => {
  await analyseOfflineAfterOneVisit(page, context, '1 face found');
  expect(readFileSync(join('dist', 'sw.js'), 'utf8')).toMatch(/save-pdf-[\w-]+\.js/);
  const pdf = await downloadPdf(page, 'offline.pdf');
  expect(pdf.text).toContain('Face 1: ');
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('photo: the PDF is in Japanese, the file name too, in the text layer of an embedded Noto Sans JP subset', async ({ page }) => {
    const japanese = join(dirname(astronautPath), '宇宙飛行士の写真.jpg');
    copyFileSync(astronautPath, japanese);
    await page.goto('/');
    await pick(page, japanese);
    await expect(page.getByTestId('summary')).toContainText('1件の顔が見つかりました');
    const shown = await page.getByTestId('face-probability').first().textContent();
    const pdf = await downloadPdf(page, 'photo-ja.pdf');
    expect(pdf.doc.getTitle()).toBe('見極めレポート: 宇宙飛行士の写真.jpg');
    const text = pdf.text.replace(/\s+/g, '');
    for (const words of ['見極め分析レポート', '宇宙飛行士の写真.jpg', '判定', `顔1:${shown}`, '来歴', '各帯の意味', 'この手法の限界']) expect(text).toContain(words);
    expect(pdf.text).not.toMatch(/Verdict|Probability|Limits of this method/);
    expect(pdf.fonts.filter((name) => name.includes('NotoSansJP')).sort()).toEqual(['MKWJPB+NotoSansJP-Bold', 'MKWJPR+NotoSansJP-Regular']);
    rasterise(pdf.path, 'report-photo-ja-page1');
  });

  test('@offline the Japanese PDF is made with the network off after one visit (its fonts are precached)', async ({ page, context }) => {
    await analyseOfflineAfterOneVisit(page, context, '1件の顔が見つかりました');
    expect(readFileSync(join('dist', 'sw.js'), 'utf8')).toContain('vendor/fonts/noto-sans-jp-regular.ttf');
    const pdf = await downloadPdf(page, 'offline-ja.pdf');
    expect(pdf.text.replace(/\s+/g, '')).toContain('顔1:');
    expect(pdf.fonts).toContain('MKWJPR+NotoSansJP-Regular');
  });
});

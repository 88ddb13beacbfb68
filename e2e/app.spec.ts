import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { astronautPath, coffeePath, groupPhoto, selfBlendedAstronaut, truncatedPng } from './generated';
import { evidenceBand, formatProbability } from '../src/pipeline/evidence';

/** A drag's or a paste's payload holding the file at `path`. */
async function fileTransfer(page: Page, path: string, name: string, type: string) {
  const bytes = [...readFileSync(path)];
  return page.evaluateHandle(({ bytes, name, type }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
    return transfer;
  }, { bytes, name, type });
}

async function dropFile(page: Page, path: string, name: string, type: string) {
  const dataTransfer = await fileTransfer(page, path, name, type);
  const target = page.getByTestId('drop-target');
  for (const event of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(event, { dataTransfer });
}

async function pasteFile(page: Page, path: string, name: string, type: string) {
  const clipboardData = await fileTransfer(page, path, name, type);
  await page.evaluate((transfer) => {
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }));
  }, clipboardData);
}

/** Fraction of the heatmap canvas that is coloured (drawn from the weak band up, its strength by the band). */
async function heatmapCoverage(page: Page): Promise<number> {
  return page.getByTestId('heatmap').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let coloured = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 8) coloured++;
    return coloured / (canvas.width * canvas.height);
  });
}

async function expectScoredFace(page: Page) {
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await expect(page.getByTestId('face-box')).toHaveCount(1);
  const probability = Number(await page.getByTestId('face-probability').textContent());
  expect(probability).toBeGreaterThanOrEqual(0);
  expect(probability).toBeLessThanOrEqual(1);
  return probability;
}

test('a picked photo gets a face box, a calibrated score, model versions and the backend', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(astronautPath);
  await expectScoredFace(page);
  await expect(page.getByTestId('backend')).toHaveText('WebAssembly (CPU)');
  await expect(page.getByTestId('engine-info')).toContainText('models:');
  await expect(page.getByTestId('face-card')).toContainText(/evidence/);
});

test('the engine loads while the user is still choosing a file: the file dialog open, or a file dragged over the page', async ({ page }) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('pick').click();
  await expect(page.getByTestId('engine-info')).toContainText('models:');
  await (await chooser).setFiles(astronautPath);
  await expectScoredFace(page);

  await page.goto('/');
  await expect(page.getByTestId('engine-info')).toHaveCount(0);
  const dataTransfer = await fileTransfer(page, astronautPath, 'astronaut.png', 'image/png');
  await page.getByTestId('drop-target').dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByTestId('engine-info')).toContainText('models:');
});

test('a dropped self-blended fake scores higher than the original; heat shows only from the weak band up', async ({ page }) => {
  const { imagePath } = selfBlendedAstronaut({ hardEdge: true });
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(astronautPath);
  const original = await expectScoredFace(page);
  expect(evidenceBand(original)).toBe('none');
  // No evidence, no heat: the legend says that its absence is not evidence of authenticity.
  expect(await heatmapCoverage(page)).toBe(0);
  await expect(page.getByTestId('heatmap-meaning')).toContainText('No heat is not evidence of authenticity');
  await dropFile(page, imagePath, 'astronaut_selfblend_hard.png', 'image/png');
  await expect(page.getByTestId('summary')).toContainText('astronaut_selfblend_hard.png');
  const blended = await expectScoredFace(page);
  expect(blended).toBeGreaterThan(original);
  expect(evidenceBand(blended)).not.toBe('none');
  await expect(page.getByTestId('heatmap')).toBeVisible();
  expect(await heatmapCoverage(page)).toBeGreaterThan(0);

  await page.getByTestId('heatmap-toggle').uncheck();
  await expect(page.getByTestId('heatmap')).toHaveCSS('opacity', '0');
  await page.getByTestId('heatmap-toggle').check();
  await page.getByTestId('heatmap-opacity').fill('0.3');
  await expect(page.getByTestId('heatmap')).toHaveCSS('opacity', '0.3');
});

test('a pasted photo is analysed', async ({ page }) => {
  await page.goto('/');
  await pasteFile(page, astronautPath, 'pasted.png', 'image/png');
  await expectScoredFace(page);
});

test('a photo without a face is reported as not applicable, not as real', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(coffeePath);
  await expect(page.getByTestId('no-face')).toContainText('Not applicable');
  await expect(page.getByTestId('summary')).toContainText('No face found');
  await expect(page.getByTestId('face-box')).toHaveCount(0);
});

test('a broken file gets a clear error and the next file still works', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(truncatedPng());
  await expect(page.getByTestId('error')).toContainText('could not be decoded');
  await page.getByTestId('file-input').setInputFiles(astronautPath);
  await expectScoredFace(page);
});

test('clicking a face zooms to it', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(astronautPath);
  await expectScoredFace(page);
  await page.getByTestId('face-box').click();
  await expect(page.locator('.stage-inner')).toHaveAttribute('style', /scale\(/);
  await page.getByRole('button', { name: 'Show whole image' }).click();
  await expect(page.locator('.stage-inner')).not.toHaveAttribute('style', /scale\(/);
});

test('the batch runner (npm run eval) scores a photo exactly as the UI shows it', async ({ page }) => {
  const { imagePath } = selfBlendedAstronaut();
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(imagePath);
  const shown = await expectScoredFace(page);

  await page.goto('/runner.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const bytes = [...readFileSync(imagePath)];
  const scored = await page.evaluate(async (bytes) => {
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const runner = (window as unknown as { mikiwame: { analyze(url: string): Promise<{ analysis: { probability: number } }> } }).mikiwame;
    return (await runner.analyze(url)).analysis.probability;
  }, bytes);
  expect(formatProbability(scored)).toBe(shown.toFixed(2));
});

test('every small face in a wide group shot is found, and boxed without a score', async ({ page }) => {
  const { path, faces } = groupPhoto();
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('summary')).toContainText(`${faces} faces found`);
  await expect(page.getByTestId('face-card')).toHaveCount(faces);
  await expect(page.getByTestId('face-card').first()).toContainText('Too small to assess');
});

test('an analysis can be cancelled and the next file still works', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(astronautPath);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('error')).toContainText('Analysis cancelled.');
  await page.getByTestId('file-input').setInputFiles(astronautPath);
  await expectScoredFace(page);
});

import { expect, test, type Page, type Worker } from '@playwright/test';
import { astronautClip, astronautPath } from './generated';
import { pick } from './app-page';

async function analyzerWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => /analyzer/.test(w.url()))).toBe(true);
  return page.workers().find((w) => /analyzer/.test(w.url()))!;
}

/** Analyses a photo, then starts a long video and waits until frames come in. */
async function photoThenVideo(page: Page) {
  await page.goto('/');
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await pick(page, astronautClip({ container: 'mp4', seconds: 40, fps: 10 }).path);
  await expect.poll(async () => Number((await page.getByTestId('frames-done').textContent())?.split(' ')[0]), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(3);
}

/** The crashed video keeps its frames; the photo's result is intact; the restarted engine analyses the next file. */
async function expectRecovered(page: Page, message: RegExp) {
  await expect(page.getByTestId('stopped')).toContainText(message, { timeout: 60_000 });
  await expect(page.getByTestId('summary')).toContainText('1 person tracked');
  await expect(page.getByTestId('file-status')).toHaveText(['done', 'done']);
  await page.getByTestId('file-entry').first().getByRole('button').first().click();
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await pick(page, astronautPath);
  await expect(page.getByTestId('file-status')).toHaveText(['done', 'done', 'done'], { timeout: 90_000 });
  await expect(page.getByTestId('summary')).toContainText('1 face found');
}

test('a hung analysis worker is noticed, restarted, and nothing the user had is lost', async ({ page }) => {
  test.setTimeout(240_000);
  await photoThenVideo(page);
  // A never-ending task in the worker, as a wasm loop gone wrong would be: it stops answering.
  await (await analyzerWorker(page)).evaluate(() => { setTimeout(() => { for (;;); }, 0); });
  await expectRecovered(page, /stopped responding\. It has been restarted\./);
});

test('an analysis worker that aborts is restarted, and nothing the user had is lost', async ({ page }) => {
  test.setTimeout(240_000);
  await photoThenVideo(page);
  // An error nothing in the worker catches, as an Emscripten abort() outside a call raises.
  await (await analyzerWorker(page)).evaluate(() => {
    setTimeout(() => { throw new WebAssembly.RuntimeError('Aborted(OOM)'); }, 0);
  });
  await expectRecovered(page, /stopped unexpectedly \(.*Aborted\(OOM\)\)\. It has been restarted\./);
});

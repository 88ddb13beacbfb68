import { expect, test, type Page } from '@playwright/test';
import { astronautClip, astronautPath, videoContainers, type VideoContainer } from './generated';
import { cancelVideoAfter, pick } from './app-page';

/** Per-frame scores of the current video as the timeline draws them: [time, probability]. */
async function timelinePoints(page: Page) {
  return page.getByTestId('track-line').evaluateAll((lines) => lines.flatMap((line) => (line.getAttribute('points') ?? '')
    .split(' ').filter(Boolean).map((p) => p.split(',').map(Number))));
}

for (const container of Object.keys(videoContainers) as VideoContainer[]) {
  test(`a ${container} clip is tracked, scored per frame, and overlaid while it plays`, async ({ page }) => {
    const clip = astronautClip({ container });
    await page.goto('/');
    await pick(page, clip.path);
    await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
    await expect(page.getByTestId('track-card')).toHaveCount(1);
    const points = await timelinePoints(page);
    // 4 s at 15 fps: the automatic rate analyses every frame or a stated sample of them.
    expect(points.length).toBeGreaterThanOrEqual(8);
    await expect(page.getByTestId('summary')).toContainText(/Analysed \d+ frames/);
    // The overlay follows the player: seek into the clip and the face box is drawn there.
    await page.getByTestId('video').evaluate((video: HTMLVideoElement) => { video.currentTime = 2; });
    await expect(page.getByTestId('face-box')).toHaveCount(1);
    await expect(page.getByTestId('segments').locator('button').first()).toBeVisible();
  });
}

test('video: every frame on request; the self-blended seconds stand out; the timeline seeks', async ({ page }) => {
  const clip = astronautClip({ container: 'mp4', fakeFrom: 1.4, fakeUntil: 2.6 });
  await page.goto('/');
  await page.getByTestId('sampling').selectOption('all');
  await pick(page, clip.path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  await expect(page.getByTestId('summary')).toContainText('Analysed 60 frames: every frame');
  // MesoNet saw every frame (its trace), the multi-task net a sample of them at the stated rate.
  await expect(page.getByTestId('summary')).toContainText(/the multi-task net, which gives the score and heatmap, on \d+ of them per second/);
  const trace = await page.getByTestId('trace-line').evaluateAll((lines) => lines.flatMap((line) => (line.getAttribute('points') ?? '').split(' ').filter(Boolean)));
  expect(trace).toHaveLength(60);
  await expect(page.locator('#timeline-caption')).toContainText("Thin line: MesoNet's output on every analysed frame");
  // Timeline x runs 0-1000 over 4 s; y is 100 * (1 - probability).
  const points = await timelinePoints(page);
  expect(points.length).toBeGreaterThanOrEqual(8);
  expect(points.length).toBeLessThan(60);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const probability = (inside: boolean) => mean(points
    .filter(([x]) => (x > 375 && x < 625) === inside && (x < 340 || x > 360) && (x < 640 || x > 660))
    .map(([, y]) => 1 - y / 100));
  expect(probability(true) - probability(false)).toBeGreaterThan(0.04);
  const timeline = page.getByTestId('timeline');
  const box = (await timeline.boundingBox())!;
  await timeline.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
  await expect.poll(() => page.getByTestId('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(3, 0);
  // Playing, the overlay shows the analysed frame of the picture on screen: every frame has one.
  const lags: number[] = [];
  await page.getByTestId('video').evaluate((v: HTMLVideoElement) => { v.currentTime = 0; return v.play(); });
  for (let i = 0; i < 8; i++) {
    const [now, shown, playing] = await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid=video]')!;
      return [v.currentTime, Number(document.querySelector('[data-testid=video-overlay]')!.getAttribute('data-frame-time')), !v.paused];
    });
    if (playing && now > 0.2) lags.push(now - shown);
    await page.waitForTimeout(250);
  }
  expect(lags.length).toBeGreaterThanOrEqual(3);
  // Within two frames at 15 fps (the overlay changes at the next presented frame).
  for (const lag of lags) expect(Math.abs(lag)).toBeLessThan(2 / 15 + 0.01);
});

test('video: Cancel keeps the results so far, and the app goes on', async ({ page }) => {
  const clip = astronautClip({ container: 'mp4', seconds: 40, fps: 10 });
  await page.goto('/');
  await cancelVideoAfter(page, clip.path, 5);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked');
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
});

test('video: a second file dropped mid-way waits its turn; both results are kept', async ({ page }) => {
  const long = astronautClip({ container: 'mp4', seconds: 40, fps: 10 });
  const short = astronautClip({ container: 'vp9.webm' });
  await page.goto('/');
  await pick(page, long.path);
  await expect(page.getByTestId('frames-done')).toBeVisible({ timeout: 90_000 });
  await pick(page, short.path);
  await expect(page.getByTestId('file-status')).toHaveText(['analysing…', 'waiting']);
  // The file just picked is shown, saying it waits.
  await expect(page.getByTestId('queued')).toContainText('astronaut_4s');
  await expect(page.getByTestId('queued')).toContainText('1 file ahead');
  // The user goes back to the long one and stops it: it keeps what it has, and the queued one runs.
  await page.getByTestId('file-entry').nth(0).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('file-status')).toHaveText(['done', 'done'], { timeout: 90_000 });
  await page.getByTestId('file-entry').nth(1).getByRole('button').first().click();
  await expect(page.getByTestId('summary')).toContainText('astronaut_4s');
  await expect(page.getByTestId('summary')).toContainText('1 person tracked');
  await page.getByTestId('file-entry').nth(0).getByRole('button').first().click();
  await expect(page.getByTestId('stopped')).toBeVisible();
});


import { expect, test, type Page } from '@playwright/test';
import { astronautClip, astronautPath, videoContainers, type VideoContainer } from './generated';

async function pick(page: Page, path: string) {
  await page.getByTestId('file-input').setInputFiles(path);
}

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

test('video: every frame on request, and the timeline seeks the player', async ({ page }) => {
  const clip = astronautClip({ container: 'mp4' });
  await page.goto('/');
  await page.getByTestId('sampling').selectOption('all');
  await pick(page, clip.path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  await expect(page.getByTestId('summary')).toContainText('Analysed 60 frames: every frame');
  const box = (await page.getByTestId('timeline').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  await expect.poll(() => page.getByTestId('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(3, 0);
});

test('video: Cancel keeps the results so far, and the app goes on', async ({ page }) => {
  const clip = astronautClip({ container: 'mp4', seconds: 40, fps: 10 });
  await page.goto('/');
  await page.getByTestId('sampling').selectOption('all');
  await pick(page, clip.path);
  await expect.poll(async () => Number((await page.getByTestId('frames-done').textContent())?.split(' ')[0]), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(5);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('stopped')).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('1 person tracked');
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
});

test('video: a second file dropped mid-way replaces the first cleanly', async ({ page }) => {
  const long = astronautClip({ container: 'mp4', seconds: 40, fps: 10 });
  const short = astronautClip({ container: 'vp9.webm' });
  await page.goto('/');
  await pick(page, long.path);
  await expect(page.getByTestId('frames-done')).toBeVisible({ timeout: 90_000 });
  await pick(page, short.path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  await expect(page.getByTestId('summary')).toContainText('astronaut_4s');
  const points = await timelinePoints(page);
  expect(Math.max(...points.map(([x]) => x))).toBeLessThanOrEqual(1000);
});

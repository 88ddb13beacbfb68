// Keyboard, screen-reader and axe checks in every state of the page, and its layout at phone,
// tablet and desktop widths (screenshots in test-results/screenshots/).
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, pick } from './app-page';
import { astronautClip, astronautPath, plainGreyImage, truncatedPng } from './generated';

test('the file picker is reached and opened with the keyboard alone (Enter and Space)', async ({ page }) => {
  // Playwright intercepts the chooser only once a listener exists, and turns that on asynchronously:
  // a bare key press can beat it, so listen from the start.
  page.on('filechooser', () => {});
  await page.goto('/');
  const picker = page.getByRole('button', { name: 'Choose a photo or video' });
  for (let tabs = 0; tabs < 10 && !(await picker.evaluate((el) => el === document.activeElement)); tabs++) await page.keyboard.press('Tab');
  await expect(picker).toBeFocused();
  await expect(picker).toHaveCSS('outline-style', 'solid');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(astronautPath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await expect(page.getByTestId('announcer')).toContainText('astronaut.png: 1 face found');

  await picker.focus();
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await again.setFiles(plainGreyImage());
  await expect(page.getByTestId('summary')).toContainText('No face found');
});

test('a face is zoomed with the keyboard, and focus shows on the box alone', async ({ page }) => {
  await page.goto('/');
  await pick(page, astronautPath);
  const box = page.getByTestId('face-box');
  await box.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.stage-inner')).toHaveAttribute('style', /scale\(/);
  await expect(box).toHaveAttribute('aria-pressed', 'true');
  // Clicked, the box draws no outline of its own (it used to add a second, offset frame).
  await box.click();
  await expect(box).toHaveCSS('outline-style', 'none');
});

test('axe finds no serious or critical violation: empty, loading, image result, no face, error', async ({ page }) => {
  await page.goto('/');
  await expectNoSeriousViolations(page, 'empty page');

  // Hold the models back so the loading state stays on screen while axe looks at it.
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/*.onnx', async (route) => {
    await held;
    await route.continue();
  });
  await pick(page, astronautPath);
  await expect(page.getByTestId('engine-loading')).toBeVisible();
  await expect(page.getByTestId('announcer')).toContainText('Loading the analysis engine');
  await expectNoSeriousViolations(page, 'loading');
  release();

  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await expect(page.getByTestId('why')).toBeVisible();
  await expectNoSeriousViolations(page, 'image result');

  await pick(page, plainGreyImage());
  await expect(page.getByTestId('no-face')).toBeVisible();
  await expectNoSeriousViolations(page, 'no face');

  await pick(page, truncatedPng());
  await expect(page.getByTestId('error')).toBeVisible();
  // A failed file shows no (broken) image.
  await expect(page.locator('.stage img')).toHaveCount(0);
  await expect(page.getByTestId('announcer')).toContainText('truncated.png:');
  await expectNoSeriousViolations(page, 'error');
});

test('a video result: axe, a labelled timeline with time ticks and a probability axis', async ({ page }) => {
  await page.goto('/');
  await pick(page, astronautClip().path);
  await expect(page.getByTestId('video-progress').or(page.getByTestId('summary'))).toBeVisible({ timeout: 90_000 });
  await expectNoSeriousViolations(page, 'video analysing');
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  await expectNoSeriousViolations(page, 'video result');
  const timeline = page.getByRole('slider', { name: /Timeline position/ });
  await expect(timeline).toHaveAttribute('aria-valuetext', /^0:00 of 0:04$/);
  await expect(page.getByTestId('time-ticks').locator('span')).toHaveText(['0:00', '0:01', '0:02', '0:03', '0:04']);
  await expect(page.locator('.probability-axis span')).toHaveText(['0', '0.25', '0.5', '0.75', '1']);
  await timeline.focus();
  await page.keyboard.press('End');
  await expect.poll(() => page.getByTestId('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(3.5);
});

for (const width of [360, 768, 1280]) {
  test(`the layout fits ${width} px: nothing runs off the side (screenshots)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const select = await page.getByTestId('sampling').boundingBox();
    expect(select!.x + select!.width).toBeLessThanOrEqual(width);

    await pick(page, astronautPath);
    await expect(page.getByTestId('summary')).toContainText('1 face found');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screenshots/image-${width}.png`, fullPage: true });

    await pick(page, astronautClip().path);
    await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screenshots/video-${width}.png`, fullPage: true });
  });
}

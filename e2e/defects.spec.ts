// Defects a newcomer hit trying the app (issue 36), each with the behaviour it should have had.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openControlled, pick } from './app-page';
import { astronautClip, astronautPath, coffeePath, croppedCopyOfAstronaut, plainGreyImage, tightFaceCrop, truncatedClip, truncatedPng } from './generated';

const currentTime = (page: Page) => page.getByTestId('video').evaluate((v: HTMLVideoElement) => v.currentTime);

/** Per-frame scores as the timeline draws them: [seconds, probability], x running 0-1000 over `duration`. */
async function frameScores(page: Page, duration: number): Promise<[number, number][]> {
  const points = await page.getByTestId('track-line').evaluateAll((lines) => lines.flatMap((line) => (line.getAttribute('points') ?? '')
    .split(' ').filter(Boolean).map((p) => p.split(',').map(Number))));
  return points.map(([x, y]) => [(x / 1000) * duration, 1 - y / 100]);
}

test.describe('a video with a self-blended stretch', () => {
  const clip = () => astronautClip({ container: 'mp4', fakeFrom: 1.4, fakeUntil: 2.6 });

  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('sampling').selectOption('all');
    await pick(page, clip().path);
    await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  });

  test('a jump to a highest-scoring moment shows that moment\'s score over the video (defect 1)', async ({ page }) => {
    const scores = await frameScores(page, 4);
    const moment = page.getByTestId('segments').locator('button').first();
    const [, minutes, seconds] = /^(\d+):(\d+\.\d)/.exec((await moment.textContent())!)!;
    await moment.click();
    await expect.poll(() => currentTime(page)).toBeCloseTo(Number(minutes) * 60 + Number(seconds), 1);
    // The moment's exact start (its label rounds to a tenth).
    const start = await currentTime(page);
    const nearest = scores.reduce((best, point) => (Math.abs(point[0] - start) < Math.abs(best[0] - start) ? point : best));
    const [, expected] = nearest;
    const message = `the frame at ${nearest[0].toFixed(2)} s (${await moment.textContent()}); timeline ${JSON.stringify(scores.map(([t, p]) => [+t.toFixed(2), +p.toFixed(2)]))}`;
    await expect.poll(async () => Number((await page.getByTestId('face-label').textContent())?.split('·')[1]), { message })
      .toBeCloseTo(expected, 1.7);
  });

  test('the timeline\'s arrow keys move a second per press, however fast they come (defect 2)', async ({ page }) => {
    const timeline = page.getByTestId('timeline');
    await timeline.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => currentTime(page)).toBeCloseTo(3, 1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => currentTime(page)).toBeCloseTo(1, 1);
  });
});

test('an H.264 MP4 cut short is said to be damaged, not in a format the browser cannot play (defect 4)', async ({ page }) => {
  await page.goto('/');
  await pick(page, truncatedClip());
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  // The analysis ends where the data does, and says so.
  await expect(page.getByTestId('result-note').filter({ hasText: 'Decoding stopped early' })).toContainText('damaged or truncated');
  // The player opens it (H.264 plays here) and fails where the data stops.
  const video = page.getByTestId('video');
  await video.evaluate((v: HTMLVideoElement) => {
    v.currentTime = 3;
    void v.play().catch(() => undefined);
  });
  const said = page.getByTestId('unplayable');
  await expect(said).toContainText('damaged or cut short');
  await expect(said).not.toContainText('format');
});

/** WCAG contrast ratio of two computed CSS colours (rgb() or rgba(), opaque). */
function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

test('the score over the video reads clearly at 1280 and 360 px, and stays on the picture (defect 7)', async ({ page }) => {
  await page.goto('/');
  await pick(page, astronautClip({ container: 'mp4' }).path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  await page.getByTestId('video').evaluate((v: HTMLVideoElement) => { v.currentTime = 2; });
  const label = page.getByTestId('video-stage').getByText(/^1 · \d/);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(label).toBeVisible();
    const look = await label.evaluate((el) => {
      const style = getComputedStyle(el);
      // An SVG label's size is in the picture's units, scaled with the picture.
      const scale = el instanceof SVGGraphicsElement ? el.getScreenCTM()!.d : 1;
      return { colour: el instanceof SVGElement ? style.fill : style.color, background: style.backgroundColor, fontPx: parseFloat(style.fontSize) * scale };
    });
    // Over a picture, only a solid background of its own gives the text a known contrast.
    expect(look.background, `${width} px: the label's own background`).toMatch(/^rgb\(/);
    expect(contrastRatio(look.colour, look.background), `${width} px: ${look.colour} on ${look.background}`).toBeGreaterThanOrEqual(4.5);
    expect(look.fontPx, `${width} px: font size`).toBeGreaterThanOrEqual(12);
    const frame = (await page.getByTestId('video').boundingBox())!;
    const box = (await label.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.y).toBeGreaterThanOrEqual(frame.y);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
  }
});

test('under load, a video picked while a photo is still being analysed is shown and analysed in its turn (defect 13)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  // Both cores busy, as in the npm test run that stalled: the page runs four times slower.
  await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await pick(page, astronautPath);
  await pick(page, astronautClip({ container: 'vp9.webm' }).path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 180_000 });
  await page.getByTestId('file-entry').first().getByRole('button').first().click();
  await expect(page.getByTestId('summary')).toContainText('astronaut.png: 1 face found');
});

test('Escape leaves the face zoom (defect 10)', async ({ page }) => {
  await page.goto('/');
  await pick(page, astronautPath);
  await page.getByTestId('face-box').click();
  await expect(page.locator('.stage-inner')).toHaveAttribute('style', /scale\(/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.stage-inner')).not.toHaveAttribute('style', /scale\(/);
  await expect(page.getByTestId('face-box')).toHaveAttribute('aria-pressed', 'false');
});

test('an error card does not look like strong evidence (defect 6)', async ({ page }) => {
  await page.goto('/');
  await pick(page, truncatedPng());
  const card = page.getByTestId('error');
  await expect(card).toBeVisible();
  const look = await card.evaluate((el) => {
    const style = getComputedStyle(el);
    const strong = getComputedStyle(document.documentElement).getPropertyValue('--strong').trim();
    const probe = document.createElement('div');
    probe.style.color = strong;
    document.body.append(probe);
    const strongColour = getComputedStyle(probe).color;
    probe.remove();
    return { colour: style.borderLeftColor, strongColour, style: style.borderLeftStyle };
  });
  expect(look.colour).not.toBe(look.strongColour);
  // Its own mark beside the colour, so it reads as a failure without colour vision too.
  await expect(card.locator('[data-testid="error-mark"]')).toBeVisible();
});

test('"Make available offline" states the size it downloads, and its progress never reads 0 / 0 MB (defect 12)', async ({ page }) => {
  test.setTimeout(300_000);
  await openControlled(page);
  const button = page.getByTestId('make-offline');
  const stated = /\((\d+) MB\)$/.exec((await button.textContent())!)?.[1];
  expect(stated, 'a size in MB, measured from the files').toBeDefined();
  await button.click();
  const progress = page.locator('.offline-loading');
  await expect(progress.or(page.getByTestId('offline-ready'))).toBeVisible();
  if (await progress.isVisible()) await expect(progress).toContainText(new RegExp(`\\d+ / ${stated} MB`));
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
});

test('offline before the engine was ever downloaded: the error says so, and how to get it (defect 3)', async ({ page, context }) => {
  await openControlled(page);
  await context.setOffline(true);
  await pick(page, astronautPath);
  await expect(page.getByTestId('error')).toContainText('The analysis engine has not been downloaded yet');
  await expect(page.getByTestId('error')).not.toContainText('Failed to fetch');
});

test('at 360 px, five files in the list leave the verdict in view (defect 8)', async ({ page }) => {
  // A phone's file names, long enough to fill a chip each.
  const files = [astronautPath, coffeePath, plainGreyImage(), tightFaceCrop(), croppedCopyOfAstronaut()].map((path, i) => {
    const named = join(dirname(path), `IMG_20261204_09301${i}_HDR_portrait.png`);
    copyFileSync(path, named);
    return named;
  });
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('file-status')).toHaveText(['done', 'done', 'done', 'done', 'done'], { timeout: 90_000 });
  await page.getByTestId('file-entry').last().getByRole('button').first().click();
  const summary = (await page.getByTestId('summary').boundingBox())!;
  expect(summary.y + 24).toBeLessThanOrEqual(640);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), wide.join(', ')).toBeLessThanOrEqual(0);
});

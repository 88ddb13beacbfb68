// "Compare with an original…" on the astronaut photo and an edited, resized, recompressed copy.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { compareWith, expectNoSeriousViolations, pick } from './app-page';
import { astronautClip, astronautPath, boxIoU, coffeePath, croppedCopyOfAstronaut, editedCopyOfAstronaut } from './generated';

test('an edited copy: the edited face is outlined (IoU >= 0.5 with the edit) and said to have changed', async ({ page }) => {
  const { path, editBox } = editedCopyOfAstronaut();
  await page.goto('/');
  await pick(page, path);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await compareWith(page, astronautPath);
  await expect(page.getByTestId('compare-summary')).toContainText('1 changed region outlined');
  await expect(page.getByTestId('compare-faces')).toContainText('Face 1: changed');
  await expect(page.getByTestId('compare-region')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const report = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(report.comparison).toMatchObject({ original: 'astronaut.png', status: 'compared', faces: [{ changed: true }] });
  expect(boxIoU(report.comparison.regions[0], editBox)).toBeGreaterThanOrEqual(0.5);
  // The slider reveals more or less of the aligned original, from the keyboard too.
  const slider = page.getByTestId('compare-slider');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveValue('100');
  await page.getByTestId('compare').screenshot({ path: 'test-results/screenshots/provenance-compare.png' });
  await expectNoSeriousViolations(page, 'comparison with an original');
});

test('an unrelated picture is refused, not differenced', async ({ page }) => {
  await page.goto('/');
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await compareWith(page, coffeePath);
  await expect(page.getByTestId('compare-refused')).toContainText('These do not look like the same picture');
  await expect(page.getByTestId('compare-region')).toHaveCount(0);
  await page.getByTestId('compare').screenshot({ path: 'test-results/screenshots/provenance-compare-refused.png' });
});

test('a cropped, shrunk copy is aligned on the faces, and no change is found', async ({ page }) => {
  await page.goto('/');
  await pick(page, croppedCopyOfAstronaut());
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await compareWith(page, astronautPath);
  await expect(page.getByTestId('compare-summary')).toContainText("Aligned on the faces' landmarks");
  await expect(page.getByTestId('compare-summary')).toContainText('No changed region found');
  await expect(page.getByTestId('compare-faces')).toContainText('Face 1: no change found');
  await page.getByTestId('compare').screenshot({ path: 'test-results/screenshots/provenance-compare-cropped.png' });
});

async function seek(page: Page, time: number) {
  await page.getByTestId('video').evaluate(async (video: HTMLVideoElement, t) => {
    const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    video.currentTime = t;
    await seeked;
  }, time);
}

test('a video: the frame on screen is compared; in the self-blended seconds the face has changed, before them not', async ({ page }) => {
  await page.goto('/');
  await pick(page, astronautClip().path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  await seek(page, 2);
  await compareWith(page, astronautPath);
  const compare = page.getByTestId('compare');
  await expect(compare).toContainText('Compared the frame at 0:02.0 with astronaut.png');
  await expect(page.getByTestId('compare-summary')).toContainText("Aligned on the faces' landmarks");
  await expect(page.getByTestId('compare-faces')).toContainText('Face 1: changed');
  await expect(page.getByTestId('compare-region')).toHaveCount(1);
  await compare.screenshot({ path: 'test-results/screenshots/provenance-compare-video.png' });
  await seek(page, 0.5);
  await compareWith(page, astronautPath);
  await expect(compare).toContainText('Compared the frame at 0:00.5 with astronaut.png');
  await expect(page.getByTestId('compare-faces')).toContainText('Face 1: no change found');
});

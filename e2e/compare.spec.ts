// "Compare with an original…" on the astronaut photo and an edited, resized, recompressed copy.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { compareWith, expectNoSeriousViolations, pick } from './app-page';
import { astronautPath, boxIoU, coffeePath, croppedCopyOfAstronaut, editedCopyOfAstronaut } from './generated';

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

import { expect, test } from '@playwright/test';
import { tightFaceCrop } from './generated';

test('a face that fills the whole picture (a tight face crop) is found and scored', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(tightFaceCrop());
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  const box = (await page.getByTestId('face-box').boundingBox())!;
  const stage = (await page.getByTestId('stage').boundingBox())!;
  expect(box.width).toBeGreaterThan(0.5 * Math.min(stage.width, stage.height));
});

test('on a tight crop the face box stays on the picture and its number is whole (defect 9)', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(tightFaceCrop());
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  const svg = (await page.locator('.stage .boxes').boundingBox())!;
  // 2 px: half the outline's stroke lies outside the rectangle.
  for (const part of [page.locator('.stage .face-box rect'), page.locator('.stage .face-label')]) {
    const box = (await part.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(svg.x - 2);
    expect(box.y).toBeGreaterThanOrEqual(svg.y - 2);
    expect(box.x + box.width).toBeLessThanOrEqual(svg.x + svg.width + 2);
    expect(box.y + box.height).toBeLessThanOrEqual(svg.y + svg.height + 2);
  }
});

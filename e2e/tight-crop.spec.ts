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

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Loads the app and waits until its service worker controls the page. */
export async function openControlled(page: Page) {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** Gives the app a file as the user's file picker would. */
export async function pick(page: Page, path: string) {
  await page.getByTestId('file-input').setInputFiles(path);
}

/** Analyses every frame of the video at `path`, and presses Cancel once `frames` are done: the results are then partial. */
export async function cancelVideoAfter(page: Page, path: string, frames: number) {
  await page.getByTestId('sampling').selectOption('all');
  await pick(page, path);
  await expect.poll(async () => Number((await page.getByTestId('frames-done').textContent())?.split(' ')[0]), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(frames);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('stopped')).toBeVisible();
}

/** Adds an original as a keyboard user does: the focused "Compare with an original…" button, Enter, the file. */
export async function compareWith(page: Page, path: string, buttonName = 'Compare with an original…') {
  page.on('filechooser', () => {});
  const button = page.getByRole('button', { name: buttonName });
  await button.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(path);
}

/** Fails on any serious or critical axe violation, naming the rule and the elements. */
export async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe, ${state}`).toEqual([]);
}

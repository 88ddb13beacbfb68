import type { Page } from '@playwright/test';

/** Gives the app a file as the user's file picker would. */
export async function pick(page: Page, path: string) {
  await page.getByTestId('file-input').setInputFiles(path);
}

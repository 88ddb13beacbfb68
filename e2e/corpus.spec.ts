// Every bad or hard input in the corpus (scripts/lib/corpus.mjs) gets its defined outcome, one
// after another in the same page: the app stays usable and keeps every earlier result.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildCorpus, corpusCases } from '../scripts/lib/corpus.mjs';

interface Expectation {
  kind: 'error' | 'no-face' | 'faces' | 'video';
  message?: string;
  min?: number;
  /** Decoded by ffmpeg.wasm but not playable by the browser's own player. */
  unplayable?: boolean;
}

test.describe.configure({ mode: 'serial' });

let page: Page;
let paths: Map<string, string>;

test.beforeAll(async ({ browser }) => {
  paths = new Map(buildCorpus(join(import.meta.dirname, '..', 'test-results', 'corpus')).map((c) => [c.name, c.path]));
  page = await browser.newPage();
  await page.goto('/');
});

test.afterAll(async () => {
  await page.close();
});

for (const { name, expect: expected } of corpusCases as { name: string; expect: Expectation }[]) {
  test(`corpus: ${name} → ${expected.kind}${expected.message ? ` (${expected.message})` : ''}`, async () => {
    test.setTimeout(180_000);
    await page.getByTestId('file-input').setInputFiles(paths.get(name)!);
    const status = page.getByTestId('error').or(page.getByTestId('summary')).filter({ hasText: name });
    await expect(status).toBeVisible({ timeout: 150_000 });
    const text = (await status.textContent()) ?? '';
    switch (expected.kind) {
      case 'error':
        await expect(page.getByTestId('error').filter({ hasText: name })).toContainText(new RegExp(expected.message!, 'i'));
        break;
      case 'no-face':
        expect(text).toContain('No face found');
        break;
      case 'faces': {
        const found = Number(/(\d+) faces? found/.exec(text)?.[1] ?? 0);
        expect(found).toBeGreaterThanOrEqual(expected.min!);
        break;
      }
      case 'video': {
        const people = Number(/(\d+) (person|people) tracked/.exec(text)?.[1] ?? 0);
        if (expected.min === 0) expect(text).toContain('cannot be assessed');
        else expect(people).toBeGreaterThanOrEqual(expected.min!);
        if (expected.unplayable) await expect(page.getByTestId('unplayable')).toBeVisible();
        break;
      }
    }
  });
}

test('corpus: every file is still listed with its outcome', async () => {
  const statuses = await page.getByTestId('file-status').allTextContents();
  expect(statuses).toHaveLength(corpusCases.length);
  expect(statuses.every((s) => s === 'done' || s === 'failed')).toBe(true);
});

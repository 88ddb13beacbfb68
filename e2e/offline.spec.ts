import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../scripts/lib/chromium.mjs';
import { jpegWithExif } from '../scripts/lib/provenance-fixtures.mjs';
import { astronautClip, astronautPath } from './generated';
import { compareWith, openControlled, pick } from './app-page';

async function analyseImageAndVideo(page: Page) {
  await pick(page, astronautPath);
  // Its own result: after another photo, that photo's "1 face found" is on screen until this one's comes.
  await expect(page.getByTestId('summary')).toContainText('astronaut.png: 1 face found');
  await expect(page.getByTestId('metadata-absent')).toBeVisible();
  await expect(page.getByTestId('credentials-absent')).toBeVisible();
  await pick(page, astronautClip({ container: 'vp9.webm' }).path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
}

test('@offline after one visit with an image and a video, both work again with the network off', async ({ page, context }) => {
  test.setTimeout(300_000);
  await openControlled(page);
  await analyseImageAndVideo(page);
  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await analyseImageAndVideo(page);
});

test('@offline "Make available offline" fetches the engine before any analysis', async ({ page, context }) => {
  test.setTimeout(300_000);
  await openControlled(page);
  await page.getByTestId('make-offline').click();
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-ready')).toBeVisible();
  await analyseImageAndVideo(page);
});

test('@offline a whole session sends no request to another origin', async ({ page, context }) => {
  test.setTimeout(300_000);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));
  await openControlled(page);
  // The provenance worker too: metadata, credentials, the thumbnail compared with the picture, the hash.
  await pick(page, jpegWithExif());
  await expect(page.getByTestId('thumbnail-mismatch')).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  // And the comparison with an original, in its own worker.
  await compareWith(page, astronautPath);
  await expect(page.getByTestId('compare-summary')).toContainText('No changed region found');
  await analyseImageAndVideo(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const report = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(report).toMatchObject({ app: 'Mikiwame', kind: 'video', tracks: [{ id: 1 }] });
  const origin = new URL(page.url()).origin;
  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url));
  expect(requests.length).toBeGreaterThan(10);
  expect(requests.some((url) => url.includes('provenance.worker'))).toBe(true);
  expect(requests.some((url) => url.includes('compare.worker'))).toBe(true);
  expect(requests.some((url) => /c2pa_bg-.*\.wasm$/.test(url))).toBe(true);
  expect(elsewhere).toEqual([]);
});

test('@offline the web app manifest and service worker make the app installable', async ({ baseURL }) => {
  // A normal (non-incognito) profile: Chromium never offers installation in incognito windows.
  const profile = mkdtempSync(join(tmpdir(), 'mikiwame-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: chromiumArgs(), baseURL });
  try {
    const page = await context.newPage();
    await openControlled(page);
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ name: expect.stringContaining('Mikiwame'), short_name: 'Mikiwame', start_url: '/', display: 'standalone' });
    expect(manifest.file_handlers[0].accept).toHaveProperty('video/*');
    expect(manifest.share_target).toMatchObject({ method: 'POST', enctype: 'multipart/form-data' });
    for (const icon of manifest.icons.filter((i: { type: string }) => i.type === 'image/png')) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, icon.src);
      expect(size).toBe(icon.sizes);
    }
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(/\/sw\.js$/);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('@offline a file shared to the app (share target) is analysed, then deleted from storage', async ({ page }) => {
  await openControlled(page);
  const bytes = [...readFileSync(astronautPath)];
  // What the operating system's share sheet does: a multipart POST to the manifest's share_target.
  const landed = await page.evaluate(async (data) => {
    const form = new FormData();
    form.append('media', new File([new Uint8Array(data)], 'shared-photo.png', { type: 'image/png' }));
    const response = await fetch('/share-target', { method: 'POST', body: form });
    return new URL(response.url).search;
  }, bytes);
  expect(landed).toBe('?shared');
  await page.goto('/?shared');
  await expect(page.getByTestId('summary')).toContainText('shared-photo.png');
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  expect(await page.evaluate(async () => (await caches.open('mikiwame-shared-file')).keys().then((k) => k.length))).toBe(0);
  expect(new URL(page.url()).search).toBe('');
});

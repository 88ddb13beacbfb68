// The Provenance panel in each of its states, on JPEGs made at test time (scripts/lib/provenance-fixtures.mjs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { c2paFixtureFacts, c2paSignedJpeg, c2paTamperedJpeg } from '../scripts/lib/c2pa-fixtures.mjs';
import { exifFixtureFacts, jpegWithBrokenExif, jpegWithExif, jpegWithoutMetadata } from '../scripts/lib/provenance-fixtures.mjs';
import { expectNoSeriousViolations, pick } from './app-page';
import { astronautClip, phoneClipTags, taggedPhoneClip } from './generated';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const screenshot = (page: Page, name: string) => page.getByTestId('provenance').screenshot({ path: `test-results/screenshots/provenance-${name}.png` });

async function downloadReport(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  return JSON.parse(readFileSync(await (await download).path(), 'utf8'));
}

test('metadata present: camera, software, edit history, disagreeing dates, the fingerprint, and a mismatching thumbnail', async ({ page }) => {
  const path = jpegWithExif();
  await page.goto('/');
  await pick(page, path);
  const panel = page.getByTestId('provenance');
  await expect(panel.getByRole('heading', { name: 'Provenance' })).toBeVisible();
  const metadata = panel.getByTestId('metadata');
  await expect(metadata).toContainText(`Camera${exifFixtureFacts.model}`);
  await expect(metadata).toContainText(`Software${exifFixtureFacts.software}`);
  await expect(metadata.locator('.provenance-history li')).toHaveText([
    'created · 2024-03-01 09:15:42 · Canon EOS 5D Mark IV',
    `saved · 2024-03-05 14:22:10 · ${exifFixtureFacts.creatorTool}`,
  ]);
  await expect(metadata).toContainText('Modified (ModifyDate)2024-03-05 14:22:10');
  await expect(panel.getByTestId('dates-note')).toContainText('last modified 4 days after it was taken');
  await expect(panel.getByTestId('sha256')).toHaveText(sha256(path));
  await expect(panel.getByTestId('file-facts')).toContainText(/JPEG qualityabout \d+/);
  const thumbnail = panel.getByTestId('exif-thumbnail');
  await expect(panel.getByTestId('thumbnail-mismatch')).toContainText('shows a different picture');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  // The face analysis is unaffected.
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await screenshot(page, 'exif');
  await expectNoSeriousViolations(page, 'provenance panel with metadata');
});

test('GPS stays hidden until asked for (keyboard), and reaches the report only then', async ({ page }) => {
  await page.goto('/');
  await pick(page, jpegWithExif());
  const location = page.getByTestId('location');
  await expect(location).toContainText('Hidden until you ask');
  await expect(page.getByTestId('provenance')).not.toContainText(exifFixtureFacts.latitude.toFixed(4));
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  expect((await downloadReport(page)).provenance.metadata).toMatchObject({ locationPresent: true, camera: exifFixtureFacts.model });
  expect((await downloadReport(page)).provenance.metadata).not.toHaveProperty('location');

  const button = page.getByRole('button', { name: 'Show location' });
  await button.focus();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(location).toContainText(`Latitude ${exifFixtureFacts.latitude.toFixed(5)}, longitude ${exifFixtureFacts.longitude.toFixed(5)}`);
  await expect(page.getByRole('button', { name: 'Hide location' })).toHaveAttribute('aria-expanded', 'true');
  const report = await downloadReport(page);
  expect(report.provenance.metadata.location.latitude).toBeCloseTo(exifFixtureFacts.latitude, 4);
  expect(report.provenance.fingerprint).toMatchObject({ sha256: sha256(jpegWithExif()), type: 'image/jpeg' });
  expect(report.provenance.thumbnail.differsFromImage).toBe(true);
  await screenshot(page, 'location-shown');
});

test('a thumbnail of the same picture is said to match, and is not shown', async ({ page }) => {
  await page.goto('/');
  await pick(page, jpegWithExif({ thumbnailOf: 'same' }));
  await expect(page.getByTestId('thumbnail-matches')).toBeVisible();
  await expect(page.getByTestId('thumbnail-mismatch')).toHaveCount(0);
});

test('metadata absent: said plainly, with what that means', async ({ page }) => {
  const path = jpegWithoutMetadata();
  await page.goto('/');
  await pick(page, path);
  await expect(page.getByTestId('metadata-absent')).toContainText('No camera or editing metadata');
  await expect(page.getByTestId('metadata-absent')).toContainText('its absence proves nothing');
  await expect(page.getByTestId('credentials-absent')).toContainText('No content credentials (C2PA)');
  await expect(page.getByTestId('sha256')).toHaveText(sha256(path));
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await screenshot(page, 'absent');
});

test('metadata unreadable: a broken EXIF block gets its line, the rest is read and analysed', async ({ page }) => {
  await page.goto('/');
  await pick(page, jpegWithBrokenExif());
  await expect(page.getByTestId('metadata-unreadable')).toContainText('Part of the metadata could not be read');
  // The XMP beside the broken EXIF is still read.
  await expect(page.getByTestId('metadata')).toContainText(exifFixtureFacts.creatorTool);
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await screenshot(page, 'unreadable');
  await expectNoSeriousViolations(page, 'provenance panel, metadata unreadable');
});

test("a video: its fingerprint, container and codec; the container's tags; no content credentials", async ({ page }) => {
  const clip = astronautClip();
  await page.goto('/');
  await pick(page, clip.path);
  // The content credentials reader does read MP4.
  await expect(page.getByTestId('credentials-absent')).toBeVisible();
  await expect(page.getByTestId('sha256')).toHaveText(sha256(clip.path));
  await expect(page.getByTestId('file-facts')).toContainText('ContainerQuickTime / MOV');
  await expect(page.getByTestId('file-facts')).toContainText('h264, 640x480, 15 frames per second');
  // ffmpeg, which made the clip, names itself.
  await expect(page.getByTestId('metadata')).toContainText(/SoftwareLavf/);
});

test("a phone's MOV: camera, software and date from its QuickTime tags; its place only when asked", async ({ page }) => {
  await page.goto('/');
  await pick(page, taggedPhoneClip());
  const metadata = page.getByTestId('metadata');
  await expect(metadata).toContainText(`Camera${phoneClipTags.make} ${phoneClipTags.model}`);
  await expect(metadata).toContainText(`Software${phoneClipTags.software}`);
  await expect(metadata).toContainText(`Created (creation_time)${phoneClipTags.created}`);
  await expect(page.getByTestId('location')).toContainText('Hidden until you ask');
  await page.getByRole('button', { name: 'Show location' }).click();
  await expect(page.getByTestId('location')).toContainText(`Latitude ${phoneClipTags.latitude.toFixed(5)}`);
  await expect(page.getByTestId('summary')).toContainText(/person|No face/, { timeout: 90_000 });
  const report = await downloadReport(page);
  expect(report.video).not.toHaveProperty('tags');
  expect(report.provenance.metadata).toMatchObject({ camera: `${phoneClipTags.make} ${phoneClipTags.model}`, location: { latitude: phoneClipTags.latitude } });
  await screenshot(page, 'video-tags');
});

test('content credentials: a manifest signed at test time says "generated by AI"; the signer is untrusted', async ({ page }) => {
  await page.goto('/');
  await pick(page, await c2paSignedJpeg());
  const credentials = page.getByTestId('credentials');
  await expect(page.getByTestId('credentials-validation')).toHaveText(/^signature and hashes valid; the signer is on no trust list this app knows \(untrusted\)$/);
  await expect(credentials).toContainText(`Signed by${c2paFixtureFacts.signer}, issued by Mikiwame tests`);
  await expect(credentials).toContainText(`Made with${c2paFixtureFacts.claimGenerator}`);
  await expect(credentials.locator('li')).toHaveText(['created · generated by AI · Mikiwame test image generator']);
  // The verdict's summary says it too, and why it does not outweigh the face score.
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await expect(page.getByTestId('credentials-line')).toHaveText(
    `The credentials say this was generated by AI, signed by ${c2paFixtureFacts.signer}: a signer on no trust list this app knows, so who made the claim is not vouched for.`,
  );
  const report = await downloadReport(page);
  expect(report.provenance.credentials).toMatchObject({ status: 'read', summary: { validation: 'valid', ai: 'generated', signer: c2paFixtureFacts.signer } });
  await screenshot(page, 'c2pa');
  await expectNoSeriousViolations(page, 'provenance panel with content credentials');
});

test('content credentials: one byte changed in the picture fails validation, and the panel and summary say so', async ({ page }) => {
  await page.goto('/');
  await pick(page, await c2paTamperedJpeg());
  await expect(page.getByTestId('credentials-validation')).toHaveText('invalid: the file was changed after it was signed (its hash does not match)');
  await expect(page.getByTestId('credentials-line')).toContainText('do not validate (the file was changed after it was signed');
  await expect(page.getByTestId('summary')).toContainText('1 face found');
  await screenshot(page, 'c2pa-tampered');
});

test('each reader is stopped at its time limit, and the rest is still read (the batch runner sets a 1 ms limit)', async ({ page }) => {
  const path = jpegWithExif();
  await page.goto('/runner.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const read = (limit?: number) => page.evaluate(async ({ bytes, limit }) => {
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
    const runner = (window as unknown as { mikiwame: { provenance(url: string, kind: 'image', limit?: number): Promise<unknown> } }).mikiwame;
    return JSON.parse(JSON.stringify(await runner.provenance(url, 'image', limit)));
  }, { bytes: [...readFileSync(path)], limit });
  const stopped = await read(1);
  expect(stopped.metadata).toEqual({ status: 'failed', failure: { id: 'timeUp', seconds: 0.001 } });
  expect(stopped.credentials.status).toBe('failed');
  expect(stopped.fingerprint.sha256).toBe(sha256(path));
  const unhurried = await read();
  expect(unhurried.metadata.summary.camera).toBe(exifFixtureFacts.model);
});

// Japanese and English: a Japanese browser gets the app in Japanese with no English left on screen but proper names,
// axe-clean; the footer switch changes the language at once and the choice survives a reload.
import { basename } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { c2paFixtureFacts, c2paSignedJpeg, c2paTamperedJpeg } from '../scripts/lib/c2pa-fixtures.mjs';
import { exifFixtureFacts, jpegWithExif } from '../scripts/lib/provenance-fixtures.mjs';
import { compareWith, expectNoSeriousViolations, pick } from './app-page';
import { astronautClip, astronautPath, coffeePath, plainGreyImage, truncatedPng } from './generated';

/** Latin-script words allowed in the Japanese page: proper names, formats, units and the English switch's own name. */
const properNames = new Set([
  'Mikiwame', 'WebGPU', 'WebAssembly', 'CPU', 'AI', 'MobileNetV2', 'MesoNet', 'Meso', 'GAN', 'C2PA', 'EXIF', 'XMP', 'GPS',
  'JPEG', 'PNG', 'WebP', 'MP4', 'H.264', 'JSON', 'PDF', 'SHA', 'MB', 'KiB', 'MiB', 'Ctrl', 'Page', 'Up', 'Down', 'SNS',
  // The switch names each language in itself, and itself in both.
  'English', 'Language',
  // What the test clip's container says of itself: its format, codec and writing software.
  'QuickTime', 'MOV', 'h264', 'Lavf59.27.100',
  // Metadata fields and codes, named as the file writes them.
  'DateTimeOriginal', 'CreateDate', 'ModifyDate', 'IPTC',
]);

/**
 * The English left on screen: Latin-script words of the page's visible text and accessible names that are not proper
 * names, once the files' own names, its MIME type, its digest and the model version identifiers are taken out.
 */
async function englishOnScreen(page: Page, fileNames: string[]): Promise<string[]> {
  const text = await page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label], [alt]')].map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('alt') ?? ''}`);
    return `${document.body.innerText} ${names.join(' ')}`;
  });
  const words = fileNames.reduce((rest, name) => rest.replaceAll(name, ' '), text)
    .split(/[\s、。()()「」:,・·]+/)
    // MIME types, version identifiers and SHA-256 digests are data, not words.
    .filter((token) => !/^[a-z]+\/[\w.+-]+$/.test(token) && !/^[a-z0-9]+(-[a-z0-9]+)+$/i.test(token) && !/^[0-9a-f]{32,}$/.test(token))
    .flatMap((token) => token.match(/[A-Za-z][A-Za-z.0-9]*[A-Za-z0-9]/g) ?? []);
  return [...new Set(words.filter((word) => !properNames.has(word) && !properNames.has(word.replace(/\.$/, ''))))];
}

test.describe('a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });

  test('gets a photo result, a no-face result and an error card in Japanese, axe-clean', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('button', { name: '写真・動画を選ぶ' })).toBeVisible();
    await page.getByText('スコアの意味と限界').click();
    expect(await englishOnScreen(page, [])).toEqual([]);
    await expectNoSeriousViolations(page, 'empty page, Japanese');

    await pick(page, astronautPath);
    await expect(page.getByTestId('summary')).toContainText('1件の顔が見つかりました');
    await expect(page.getByTestId('announcer')).toContainText('astronaut.png: 1件の顔が見つかりました');
    await expect(page.getByTestId('provenance-reading')).toHaveCount(0);
    expect(await englishOnScreen(page, ['astronaut.png'])).toEqual([]);
    await expectNoSeriousViolations(page, 'image result, Japanese');

    const plainGrey = plainGreyImage();
    await pick(page, plainGrey);
    await expect(page.getByTestId('no-face')).toContainText('対象外');
    await expect(page.getByTestId('summary')).toContainText('顔が見つかりませんでした');

    await pick(page, truncatedPng());
    await expect(page.getByTestId('error')).toBeVisible();
    expect(await englishOnScreen(page, ['astronaut.png', basename(plainGrey), 'truncated.png'])).toEqual([]);
    await expectNoSeriousViolations(page, 'error, Japanese');
  });

  test('gets a video result in Japanese', async ({ page }) => {
    await page.goto('/');
    await pick(page, astronautClip().path);
    await expect(page.getByTestId('summary')).toContainText('1人を追跡しました', { timeout: 90_000 });
    await expect(page.getByRole('slider', { name: /タイムラインの位置/ })).toBeVisible();
    await expect(page.getByTestId('provenance-reading')).toHaveCount(0);
    expect(await englishOnScreen(page, [basename(astronautClip().path)])).toEqual([]);
    await expectNoSeriousViolations(page, 'video result, Japanese');
  });
});

test.describe('a Japanese browser, on what a file says about itself', () => {
  test.use({ locale: 'ja-JP' });

  test('metadata: field names, disagreeing dates and the thumbnail in Japanese', async ({ page }) => {
    const path = jpegWithExif();
    await page.goto('/');
    await pick(page, path);
    const panel = page.getByTestId('provenance');
    await expect(panel.getByRole('heading', { name: '来歴' })).toBeVisible();
    await expect(panel.getByTestId('metadata')).toContainText('変更日時(ModifyDate)2024-03-05 14:22:10');
    await expect(panel.getByTestId('dates-note')).toContainText('最後に変更されたのは撮影の4日後です');
    await expect(panel.getByTestId('thumbnail-mismatch')).toContainText('別の画像を示しています');
    await expect(page.getByTestId('summary')).toContainText('1件の顔が見つかりました');
    // The file's own words (its camera, its programs, its edit history's actions, its colour profile) are data, not the app's.
    const written = [exifFixtureFacts.model, exifFixtureFacts.software, 'created', 'saved', 'sRGB IEC61966-2.1'];
    expect(await englishOnScreen(page, [basename(path), ...written])).toEqual([]);
    await expectNoSeriousViolations(page, 'provenance panel with metadata, Japanese');
  });

  test('content credentials: validation, signer, actions and the verdict\'s line in Japanese, and in English once switched', async ({ page }) => {
    const path = await c2paSignedJpeg();
    await page.goto('/');
    await pick(page, path);
    await expect(page.getByTestId('credentials-validation')).toHaveText(/^署名とハッシュは有効。ただし署名者は、このアプリが知るどの信頼リストにも載っていません/);
    await expect(page.getByTestId('credentials')).toContainText(`${c2paFixtureFacts.signer}, 発行者: Mikiwame tests`);
    await expect(page.getByTestId('credentials').locator('li')).toHaveText(['作成 · AIによる生成 · Mikiwame test image generator']);
    await expect(page.getByTestId('credentials-line')).toHaveText(
      `コンテンツ認証情報によると、これはAIで生成されたものです。署名者は${c2paFixtureFacts.signer}で、このアプリが知るどの信頼リストにも載っていない署名者のため、誰の主張なのかは保証されていません。`,
    );
    await expect(page.getByTestId('summary')).toContainText('1件の顔が見つかりました');
    const written = [c2paFixtureFacts.signer, c2paFixtureFacts.claimGenerator, 'Mikiwame tests', 'Mikiwame test image generator'];
    expect(await englishOnScreen(page, [basename(path), ...written])).toEqual([]);

    // Said from data: the switch re-says what was read, without reading it again.
    await page.getByRole('group', { name: '言語 / Language' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('credentials-line')).toHaveText(/^The credentials say this was generated by AI, signed by /);
  });

  test('content credentials that fail validation say why in Japanese', async ({ page }) => {
    await page.goto('/');
    await pick(page, await c2paTamperedJpeg());
    await expect(page.getByTestId('credentials-validation')).toHaveText('無効: 署名の後にファイルが変更されています(ハッシュが一致しません)');
    await expect(page.getByTestId('credentials-line')).toContainText('検証に通りません(署名の後にファイルが変更されています');
  });

  test('a comparison with an unrelated picture is refused in Japanese', async ({ page }) => {
    await page.goto('/');
    await pick(page, astronautPath);
    await expect(page.getByTestId('summary')).toContainText('1件の顔が見つかりました');
    await compareWith(page, coffeePath, '元画像と比べる…');
    await expect(page.getByTestId('compare-refused')).toContainText(/同じ画像には見えません。.*相関は0\.\d\dしかありません/);
    expect(await englishOnScreen(page, ['astronaut.png', basename(coffeePath)])).toEqual([]);
  });
});

test('the footer switch changes the language at once, mid-session, and the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await pick(page, astronautPath);
  await expect(page.getByTestId('summary')).toContainText('1 face found');

  await page.getByRole('group', { name: 'Language / 言語' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('summary')).toContainText('1件の顔が見つかりました');
  await expect(page.getByTestId('face-card')).toContainText('顔1');
  await expect(page.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
  expect(await englishOnScreen(page, ['astronaut.png'])).toEqual([]);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('button', { name: '写真・動画を選ぶ' })).toBeVisible();
  await expect(page).toHaveTitle(/見極め/);

  await page.getByRole('group', { name: '言語 / Language' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Choose a photo or video' })).toBeVisible();
});

test('the header\'s 見極め needs no Japanese font: drawn from outlines, named by its text', async ({ page }) => {
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveAccessibleName('Mikiwame 見極め');
  // No character of the heading is left for a system font to draw but the Latin name.
  expect(await heading.evaluate((h1) => h1.textContent)).toBe('Mikiwame ');
  const wordmark = page.getByTestId('wordmark');
  await expect(wordmark).toHaveAttribute('lang', 'ja');
  const { width, height } = (await wordmark.boundingBox())!;
  expect(width / height).toBeGreaterThan(1.5);
  await heading.screenshot({ path: 'test-reports/header-wordmark.png' });
});

test.describe('Japanese at phone and desktop widths', () => {
  test.use({ locale: 'ja-JP' });
  for (const width of [360, 1280]) {
    test(`${width} px: nothing runs off the side (screenshot)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await pick(page, astronautPath);
      await expect(page.getByTestId('summary')).toContainText('1件の顔が見つかりました');
      await expect(page.getByTestId('provenance-reading')).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-reports/ja-image-${width}.png`, fullPage: true });
    });
  }
});

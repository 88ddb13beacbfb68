// The fonts the PDF report embeds when it has Japanese (or any text outside the standard PDF fonts):
// Noto Sans JP (OFL, @expo-google-fonts/noto-sans-jp, full TrueType files) cut down with subset-font
// (HarfBuzz's hb-subset) to what a report can hold. pdf-lib then embeds only the glyphs a report uses.
//  - regular: JIS X 0208 (kana, symbols, the 6,355 kanji of levels 1 and 2: file names, metadata), Latin,
//    punctuation, half-width kana and every character of the app's words (src/i18n);
//  - bold (headings and labels, which are the app's words): Latin and the app's words only; a bold
//    line with a character outside it is set in the regular font (src/report/pdf-fonts.ts).
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const notoSansJp = (weight) => require.resolve(`@expo-google-fonts/noto-sans-jp/${weight}/NotoSansJP_${weight}.ttf`);

/** Code points from..to as a string. */
const range = (from, to) => String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));

/** Every character of JIS X 0208, read through the Shift_JIS decoder (Node's ICU). */
function jisX0208() {
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  let chars = '';
  for (let lead = 0x81; lead <= 0xef; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      try {
        chars += decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        // an unassigned code
      }
    }
  }
  return chars;
}

async function appWords(root) {
  const dir = join(root, 'src', 'i18n');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  return (await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')))).join('');
}

const unique = (text) => [...new Set(text)].filter((ch) => ch.codePointAt(0) >= 0x20).sort().join('');

/**
 * Writes public/vendor/fonts/noto-sans-jp-{regular,bold}.ttf unless they were made from the same
 * characters already; returns whether it wrote them.
 */
export async function writeReportFonts(root) {
  const words = await appWords(root);
  const latin = range(0x20, 0x24f) + range(0x2000, 0x206f) + range(0x2190, 0x21ff) + range(0x2200, 0x22ff);
  const subsets = {
    regular: { font: notoSansJp('400Regular'), text: unique(latin + jisX0208() + range(0xff61, 0xff9f) + words) },
    bold: { font: notoSansJp('700Bold'), text: unique(latin + words) },
  };
  const dir = join(root, 'public', 'vendor', 'fonts');
  const stamp = join(dir, 'characters.sha256');
  const digest = createHash('sha256').update(JSON.stringify(subsets)).digest('hex');
  if ((await readFile(stamp, 'utf8').catch(() => '')) === digest) return false;
  await mkdir(dir, { recursive: true });
  for (const [weight, { font, text }] of Object.entries(subsets)) {
    await writeFile(join(dir, `noto-sans-jp-${weight}.ttf`), await subsetFont(await readFile(font), text, { targetFormat: 'sfnt', noHinting: true }));
  }
  await writeFile(stamp, digest);
  return true;
}

// Writes src/app/wordmark.json: the outlines of 見極め from Noto Sans JP (OFL, @expo-google-fonts/noto-sans-jp), so the
// header shows them on a machine without Japanese fonts and no font file is downloaded for three glyphs.
// Run: node scripts/wordmark.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

const text = '見極め';
const require = createRequire(import.meta.url);
const font = fontkit.create(readFileSync(require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf')));

let x = 0;
let ascent = 0;
let descent = 0;
const paths = [];
for (const char of text) {
  const [glyph] = font.glyphsForString(char);
  ascent = Math.max(ascent, font.ascent);
  descent = Math.min(descent, font.descent);
  paths.push({ x, d: glyph.path.scale(1, -1).toSVG() });
  x += glyph.advanceWidth;
}
const height = ascent - descent;
const d = paths.map((p) => p.d.replace(/(-?[\d.]+) (-?[\d.]+)/g, (_, px, py) => `${Math.round(+px + p.x)} ${Math.round(+py + ascent)}`)).join('');
writeFileSync(join(import.meta.dirname, '../src/app/wordmark.json'), `${JSON.stringify({ text, width: x, height, d })}\n`);
console.log(`wordmark: ${text}, ${d.length} characters of path`);

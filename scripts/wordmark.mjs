// Writes src/app/wordmark.json: the outlines of 見極め from Noto Sans JP (OFL, @fontsource/noto-sans-jp), so the
// header shows them on a machine without Japanese fonts and no font file is downloaded for three glyphs.
// Run: node scripts/wordmark.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';

const text = '見極め';
const require = createRequire(import.meta.url);
const fontDir = dirname(require.resolve('@fontsource/noto-sans-jp/400.css'));
const css = readFileSync(join(fontDir, '400.css'), 'utf8');

/** The Fontsource chunk whose unicode-range holds `char`. */
function fontFor(char) {
  const code = char.codePointAt(0);
  for (const [, block] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const ranges = /unicode-range:\s*([^;]+);/.exec(block)[1].split(',').map((r) => r.trim().slice(2).split('-').map((x) => parseInt(x, 16)));
    if (ranges.some(([from, to = from]) => code >= from && code <= to)) {
      return fontkit.create(readFileSync(join(fontDir, /url\(([^)]+\.woff2)\)/.exec(block)[1])));
    }
  }
  throw new Error(`no Noto Sans JP chunk holds ${char}`);
}

let x = 0;
let ascent = 0;
let descent = 0;
const paths = [];
for (const char of text) {
  const font = fontFor(char);
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

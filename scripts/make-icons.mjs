// Draws the app icons (an eye: "to see through") into public/icons. Run once after changing the
// design: node scripts/make-icons.mjs. The PNGs are committed; icon.svg is the same drawing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const out = join(import.meta.dirname, '..', 'public', 'icons');
const background = [17, 24, 39];
const white = [240, 244, 248];
const iris = [76, 201, 240];
const pupil = [17, 24, 39];

/** `content` is the fraction of the side the drawing spans (maskable icons keep a safe margin). */
function draw(size, content) {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const sum = [0, 0, 0];
    for (let sy = 0; sy < samples; sy++) for (let sx = 0; sx < samples; sx++) {
      // Coordinates in [-1, 1] across the drawing.
      const u = ((x + (sx + 0.5) / samples) / size - 0.5) * 2 / content;
      const v = ((y + (sy + 0.5) / samples) / size - 0.5) * 2 / content;
      // The eye: the intersection of two circles (an almond), the iris and pupil inside it.
      const almond = Math.hypot(u, v - 1.05) < 1.55 && Math.hypot(u, v + 1.05) < 1.55;
      const r = Math.hypot(u, v);
      const colour = !almond ? background : r < 0.18 ? pupil : r < 0.42 ? iris : white;
      for (let c = 0; c < 3; c++) sum[c] += colour[c];
    }
    png.data.set([...sum.map((s) => Math.round(s / samples ** 2)), 255], (y * size + x) * 4);
  }
  return PNG.sync.write(png);
}

for (const size of [48, 192, 512]) writeFileSync(join(out, `icon-${size}.png`), draw(size, 0.9));
writeFileSync(join(out, 'icon-maskable-512.png'), draw(512, 0.62));
writeFileSync(join(out, 'apple-touch-icon-180.png'), draw(180, 0.8));
console.log('icons written to public/icons');

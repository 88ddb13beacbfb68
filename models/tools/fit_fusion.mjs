// Fits the logistic-regression fusion of the app's models on an eval report of the validation
// split (files carry each model's probability in `parts`) and writes it to models/manifest.json.
//   npm run eval -- --input VAL_DIR --out val.json && node models/tools/fit_fusion.mjs val.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const manifestPath = join(import.meta.dirname, '..', 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const names = [manifest.app.classifier, manifest.app.multitask];
if (!names[1]) throw new Error('the manifest names no multi-task model: nothing to fuse');

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const logit = (p) => Math.log(Math.min(1 - 1e-6, Math.max(1e-6, p)) / (1 - Math.min(1 - 1e-6, Math.max(1e-6, p))));
const rows = report.files.filter((f) => f.parts && names.every((n) => typeof f.parts[n] === 'number'));
const x = rows.map((f) => [1, ...names.map((n) => logit(f.parts[n]))]);
const y = rows.map((f) => (f.label === 'fake' ? 1 : 0));

// Newton's method on the L2-regularised log-likelihood (3 parameters: bias and one weight per model).
const l2 = 1e-3;
let w = [0, 1, 0];
for (let iteration = 0; iteration < 50; iteration++) {
  const gradient = w.map((wi) => l2 * wi);
  const hessian = w.map((_, i) => w.map((__, j) => (i === j ? l2 : 0)));
  x.forEach((xi, k) => {
    const p = 1 / (1 + Math.exp(-xi.reduce((s, v, i) => s + v * w[i], 0)));
    xi.forEach((v, i) => {
      gradient[i] += (p - y[k]) * v;
      xi.forEach((u, j) => { hessian[i][j] += p * (1 - p) * v * u; });
    });
  });
  const step = solve(hessian, gradient);
  w = w.map((wi, i) => wi - step[i]);
  if (Math.max(...step.map(Math.abs)) < 1e-8) break;
}

function solve(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    const pivot = m.slice(c).reduce((best, row, r) => (Math.abs(row[c]) > Math.abs(m[best][c]) ? r + c : best), c);
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

const round = (v) => Math.round(v * 1e5) / 1e5;
manifest.fusion = {
  bias: round(w[0]),
  weights: Object.fromEntries(names.map((n, i) => [n, round(w[i + 1])])),
  threshold: 0.5,
  fittedOn: `${rows.length} validation images (${process.argv[2].split('/').pop()})`,
};
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log('fusion', manifest.fusion);

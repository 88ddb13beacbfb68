// Per-clip verdicts from an eval report over dev-video frames (OUT/{real,fake}/<clip>/frame_N.png):
// the clip's score is the mean of its frames' scores (as in the MesoNet paper), frames without a
// face left out.  Usage: node models/tools/clip_scores.mjs REPORT.json
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const clips = new Map();
for (const file of report.files) {
  const clip = file.path.split('/').slice(0, -1).join('/');
  if (!clips.has(clip)) clips.set(clip, { label: file.label, scores: [], frames: 0 });
  const entry = clips.get(clip);
  entry.frames++;
  if (typeof file.score === 'number') entry.scores.push(file.score);
}
const rows = [...clips].map(([clip, { label, scores, frames }]) => {
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const correct = mean !== null && (mean >= report.threshold) === (label === 'fake');
  return { clip, label, frames, withFace: scores.length, mean: mean && Math.round(mean * 1000) / 1000, aboveThreshold: scores.filter((s) => s >= report.threshold).length, correct };
});
console.table(rows);
console.log(`threshold ${report.threshold}: ${rows.filter((r) => r.correct).length}/${rows.length} clips on the right side`);

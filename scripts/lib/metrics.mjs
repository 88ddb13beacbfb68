// Detection metrics over scored files; label 1 = fake (positive), 0 = real.

/** Area under the ROC curve (ties count half), or null without both classes. */
export function auc(scores, labels) {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  if (pos.length === 0 || neg.length === 0) return null;
  const ranked = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  for (let i = 0; i < ranked.length;) {
    let j = i;
    while (j < ranked.length && ranked[j].s === ranked[i].s) j++;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (ranked[k].y === 1) rankSumPos += averageRank;
    i = j;
  }
  return (rankSumPos - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Equal error rate: where the false positive and false negative rates cross. */
export function eer(scores, labels) {
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return null;
  const thresholds = [...new Set(scores)].sort((a, b) => a - b);
  let best = { gap: Infinity, rate: 1 };
  for (const t of [...thresholds, Infinity]) {
    let fp = 0;
    let fn = 0;
    scores.forEach((s, i) => {
      if (labels[i] === 0 && s >= t) fp++;
      if (labels[i] === 1 && s < t) fn++;
    });
    const fpr = fp / neg;
    const fnr = fn / pos;
    const gap = Math.abs(fpr - fnr);
    if (gap < best.gap) best = { gap, rate: (fpr + fnr) / 2 };
  }
  return best.rate;
}

/** Upper median; does not modify `values`. */
export function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * Speed of one video analysis (the runner's analyzeVideo result): frames analysed per wall second,
 * video seconds per wall second (realtimeFactor), and milliseconds per frame by stage.
 */
export function videoSpeed({ start, end }) {
  const { framesDone, elapsedMs, mediaTime } = end.progress;
  const wallSeconds = elapsedMs / 1000;
  return {
    frames: framesDone,
    wallSeconds,
    framesPerSecond: framesDone / wallSeconds,
    realtimeFactor: (start.info.duration ?? mediaTime) / wallSeconds,
    msPerFrame: Object.fromEntries(Object.entries(end.timings).map(([k, v]) => [k, Math.round((v / framesDone) * 10) / 10])),
  };
}

export function accuracy(scores, labels, threshold) {
  if (scores.length === 0) return null;
  return scores.filter((s, i) => (s >= threshold ? 1 : 0) === labels[i]).length / scores.length;
}

/**
 * Per label, the share of scored files in each evidence band or above: { real: { weak, moderate, strong, n }, fake: ... }.
 * For authentic files these are the false-alarm rates the bands were set to keep under.
 */
export function bandShares(files) {
  const order = ['none', 'weak', 'moderate', 'strong'];
  const out = {};
  for (const label of ['real', 'fake']) {
    const bands = files.filter((f) => f.label === label && order.includes(f.band)).map((f) => order.indexOf(f.band));
    if (bands.length === 0) continue;
    const share = (least) => Math.round((bands.filter((b) => b >= order.indexOf(least)).length / bands.length) * 10000) / 10000;
    out[label] = { weak: share('weak'), moderate: share('moderate'), strong: share('strong'), n: bands.length };
  }
  return out;
}

/** Per label, the share of files whose strongest face has heat over at least 5 % of its crop (issue 35's measure). */
export function heatShares(files) {
  const out = {};
  for (const label of ['real', 'fake']) {
    const areas = files.filter((f) => f.label === label && typeof f.heatArea === 'number').map((f) => f.heatArea);
    if (areas.length) out[label] = { atLeast5pc: Math.round((areas.filter((a) => a >= 0.05).length / areas.length) * 10000) / 10000, n: areas.length };
  }
  return out;
}

/** Metrics over the files that have a score; files without a face count in noFace. */
export function summarizeRun(files, threshold) {
  const scored = files.filter((f) => typeof f.score === 'number');
  const scores = scored.map((f) => f.score);
  const labels = scored.map((f) => (f.label === 'fake' ? 1 : 0));
  const round = (x) => (x === null ? null : Math.round(x * 10000) / 10000);
  return {
    auc: round(auc(scores, labels)),
    eer: round(eer(scores, labels)),
    accuracy: round(accuracy(scores, labels, threshold)),
    n: scored.length,
    noFace: files.filter((f) => f.error === null && f.score === null).length,
  };
}

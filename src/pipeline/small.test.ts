import { noteText } from '../i18n';
import { describe, expect, it } from 'vitest';
import { faceNotes, minAssessableFacePx, smallFacePx, summarize, type FaceResult } from './analysis';
import { cropSpec } from './crop';
import { bandMeaning, evidenceBand, evidenceBands, formatProbability, noEvidenceCaveat, statusNotes } from './evidence';
import { modelManifest } from './model-manifest';
import { fuseProbabilities, logit, sigmoid } from './fusion';
import { heatArea, heatLegendMidpoint, heatStrength, heatToImage, maskIoU } from './heatmap';
import { cropsToTensor } from './tensor';

const cuts = modelManifest.bands;

describe('evidence bands', () => {
  it('start at the cut-offs measured on authentic faces (models/manifest.json), each on a hundredth', () => {
    expect(cuts.weak).toBeGreaterThanOrEqual(0.5);
    expect(cuts.weak).toBeLessThan(cuts.moderate);
    expect(cuts.moderate).toBeLessThan(cuts.strong);
    expect(cuts.strong).toBeLessThan(1);
    for (const cut of [cuts.weak, cuts.moderate, cuts.strong]) expect(Number(formatProbability(cut))).toBe(cut);
    const probe = [0, cuts.weak - 0.001, cuts.weak, cuts.moderate - 0.001, cuts.moderate, cuts.strong - 0.001, cuts.strong, 1];
    expect(probe.map(evidenceBand)).toEqual(['none', 'none', 'weak', 'weak', 'moderate', 'moderate', 'strong', 'strong']);
  });
  it('say what they mean as a measured false-alarm rate', () => {
    expect(cuts.limits).toEqual({ weak: 0.15, moderate: 0.05, strong: 0.01 });
    expect(bandMeaning('strong')).toBe(`In our tests, at most 1 authentic face in 100 scored ${formatProbability(cuts.strong)} or more (authentic faces from four sources, clean, recompressed and small).`);
    expect(bandMeaning('moderate')).toMatch(/^In our tests, at most 5 authentic faces in 100 scored/);
    expect(bandMeaning('weak')).toMatch(/^In our tests, at most 15 authentic faces in 100 scored/);
    expect(bandMeaning('none')).toMatch(/^In our tests, at least 85 in 100 authentic faces of every source scored under/);
  });
});

describe('formatProbability', () => {
  it('shows two digits that stay on the side of every band boundary that the probability is on', () => {
    expect([0, 0.29, 0.4996, 0.5, 0.5049, 0.6999, 0.7, 0.9899, 0.99, 0.9987, 0.999, 0.99987, 1].map(formatProbability))
      .toEqual(['0.00', '0.29', '0.49', '0.50', '0.50', '0.69', '0.70', '0.98', '0.990', '0.998', '0.9990', '0.9998', '1.0000']);
    for (const { from } of evidenceBands.slice(1)) {
      for (const p of [from - 1e-4, from - 1e-7, from, from + 1e-7]) expect(evidenceBand(Number(formatProbability(p)))).toBe(evidenceBand(p));
    }
  });
});

describe('summaries', () => {
  const face = (probability: number, assessable = true) => ({ probability, band: evidenceBand(probability), assessable }) as FaceResult;
  it('says plainly when no face was found', () => {
    const { probability, status, summary } = summarize([]);
    expect(probability).toBeNull();
    expect(status).toBe('NOT_APPLICABLE');
    expect(summary).toMatch(/No face found/);
    expect(summary).toMatch(/not a verdict that it is real/);
  });
  it('reports the strongest face', () => {
    expect(summarize([face(0.2), face(cuts.strong)])).toEqual({
      probability: cuts.strong,
      status: 'EVIDENCE_STRONG',
      summary: `2 faces found. Highest score ${formatProbability(cuts.strong)} (face 2): strong evidence of manipulation.`,
    });
  });
  it('never calls a low score authentic, and carries the caveat', () => {
    const { status, summary } = summarize([face(0.46)]);
    expect(status).toBe('NO_EVIDENCE_FOUND');
    expect(summary).toBe('1 face found. Highest score 0.46: no evidence found.');
    expect(statusNotes(status).map((note) => noteText(note, 'en'))).toEqual([noEvidenceCaveat]);
    expect(statusNotes('EVIDENCE_WEAK')).toEqual([]);
  });
  it('leaves faces too small to assess out of the headline, and says how many', () => {
    expect(summarize([face(0.76, false), face(0.3), face(0.7, false)])).toEqual({
      probability: 0.3,
      status: 'NO_EVIDENCE_FOUND',
      summary: `3 faces found. Highest score 0.30 (face 2): no evidence found. 2 faces were too small to assess (under ${minAssessableFacePx} px) and not counted.`,
    });
  });
  it('cannot assess a photo whose faces are all too small', () => {
    const { probability, status, summary } = summarize([face(0.76, false), face(0.64, false)]);
    expect(probability).toBeNull();
    expect(status).toBe('UNABLE_TO_EVALUATE');
    expect(summary).toMatch(/^2 faces found, all too small to assess .*cannot be assessed. This is not a verdict that it is real.$/);
  });
  it('flags small faces', () => {
    expect(noteText(faceNotes({ x: 0, y: 0, width: minAssessableFacePx, height: 100 })[0], 'en')).toMatch(new RegExp(`Small face \\(${minAssessableFacePx} px\\)`));
    expect(noteText(faceNotes({ x: 0, y: 0, width: minAssessableFacePx - 1, height: 100 })[0], 'en')).toMatch(/Too small to assess/);
    expect(faceNotes({ x: 0, y: 0, width: smallFacePx, height: smallFacePx })).toEqual([]);
  });
});

describe('fusion', () => {
  it('is logistic regression on model logits', () => {
    const p = fuseProbabilities({ a: 0.8, b: 0.3 }, { bias: 0.5, weights: { a: 1.2, b: 0.7 } });
    expect(p).toBeCloseTo(sigmoid(0.5 + 1.2 * logit(0.8) + 0.7 * logit(0.3)));
    expect(() => fuseProbabilities({ a: 0.8 }, { bias: 0, weights: { b: 1 } })).toThrow(/b model/);
  });
});

describe('cropsToTensor', () => {
  it('packs RGB planes scaled to [0, 1]', () => {
    const size = cropSpec.outputSize;
    const data = new Uint8ClampedArray(size * size * 4);
    data.set([255, 51, 0, 255], 0);
    const t = cropsToTensor([{ width: size, height: size, data }]);
    expect(t.length).toBe(3 * size * size);
    expect(t[0]).toBeCloseTo(1);
    expect(t[size * size]).toBeCloseTo(0.2);
    expect(t[2 * size * size]).toBe(0);
  });

  it('fills a buffer of the same length in place, every value overwritten, and never one of another length', () => {
    const size = cropSpec.outputSize;
    const crop = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(51) };
    const used = new Float32Array(3 * size * size).fill(7);
    expect(cropsToTensor([crop], used)).toBe(used);
    expect(used.every((v) => Math.abs(v - 0.2) < 1e-6)).toBe(true);
    const two = cropsToTensor([crop, crop], used);
    expect(two).not.toBe(used);
    expect(two.length).toBe(2 * used.length);
  });
});

describe('heatmap', () => {
  it("maps a face's heat back into image coordinates", () => {
    const size = 4;
    const data = new Float32Array(size * size).fill(1);
    // The crop covers image pixels 10..19 (scale 10/256 per crop pixel).
    const s = 10 / cropSpec.outputSize;
    const heat = heatToImage([{ heat: { size, data }, toImage: [s, 0, 10, 0, s, 10] }], 30, 30);
    expect(heat[15 * 30 + 15]).toBeCloseTo(1);
    expect(heat[5 * 30 + 5]).toBe(0);
    expect(heat[25 * 30 + 25]).toBe(0);
    const reference = new Uint8ClampedArray(30 * 30 * 4);
    for (let y = 10; y < 20; y++) for (let x = 10; x < 20; x++) reference[(y * 30 + x) * 4] = 255;
    expect(maskIoU(heat, reference)).toBeGreaterThan(0.9);
  });

  it('counts heat above the legend midpoint only from the moderate band up: none below weak, the lower half at weak', () => {
    // A quarter of the map at 0.9, the rest at 0.3.
    const data = new Float32Array(64).map((_, i) => (i < 16 ? 0.9 : 0.3));
    const heat = { size: 8, data };
    expect(heatStrength.none).toBe(0);
    expect(heatArea(heat, heatStrength.none)).toBe(0);
    expect(Math.max(...data) * heatStrength.weak).toBeLessThanOrEqual(heatLegendMidpoint);
    expect(heatArea(heat, heatStrength.weak)).toBe(0);
    expect(heatArea(heat, heatStrength.moderate)).toBeCloseTo(0.25);
    expect(heatArea(heat, heatStrength.strong)).toBeCloseTo(0.25);
  });
});

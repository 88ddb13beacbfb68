import { noteText } from '../i18n';
import { describe, expect, it } from 'vitest';
import { modelManifest } from '../pipeline/model-manifest';
import { defaultVerdictOptions, heaviestSegments, robustMean, trackSummaries, videoVerdict } from './aggregate';
import type { AnalysedFrame } from './types';

const face = (trackId: number, probability: number, side = 100) => ({
  trackId, probability, parts: [probability], scored: true, detectionScore: 0.9,
  box: { x: 0, y: 0, width: side, height: side }, toImage: [1, 0, 0, 0, 1, 0] as const,
});

/** Frames at 5 per second: person 1 throughout, person 2 only in two frames. */
function frames(scores: number[], extra: Record<number, number> = {}): AnalysedFrame[] {
  return scores.map((p, i) => ({
    index: i, time: i / 5,
    faces: [face(1, p), ...(i in extra ? [face(2, extra[i])] : [])],
  }));
}

describe('video verdict', () => {
  const { weak, moderate } = modelManifest.bands;

  it('scores each track by the mean of its frames less the highest and lowest, and the video by its worst person', () => {
    const mid = (weak + moderate) / 2;
    const verdict = videoVerdict(frames([0.2, mid - 0.01, mid, mid + 0.01, 0.995], { 1: 0.99, 2: 0.99 }));
    expect(verdict.tracks.map((t) => [t.id, t.brief])).toEqual([[1, false], [2, true]]);
    expect(verdict.probability).toBeCloseTo(mid);
    expect(verdict.tracks[0].aboveThreshold).toBeCloseTo(0.8);
    expect(verdict.summary).toMatch(/^1 person tracked. Highest score 0.\d\d, averaged over 5 frames: weak evidence/);
    expect(verdict.status).toBe('EVIDENCE_WEAK');
    expect(verdict.notes).toEqual([]);
  });

  it('lets no single odd frame carry a person into a band', () => {
    expect(videoVerdict(frames([0.1, 0.1, 0.99])).status).toBe('NO_EVIDENCE_FOUND');
    expect(videoVerdict(frames([0.1, 0.2, 0.1, 0.2, 0.99, 0.1])).status).toBe('NO_EVIDENCE_FOUND');
    expect(robustMean([0.1, 0.2])).toBeCloseTo(0.15);
    expect(robustMean(Array.from({ length: 20 }, (_, i) => i))).toBeCloseTo(9.5);
    expect(robustMean([...Array(18).fill(0.5), 0, 1])).toBe(0.5);
  });

  it('says what kind of forgery a person looks like from the mean over their frames, only from moderate evidence up', () => {
    const withKind = (scores: number[], synthesised: number[]) =>
      frames(scores).map((frame, i) => ({ ...frame, faces: frame.faces.map((f) => ({ ...f, synthesised: synthesised[i] })) }));
    const m = moderate;
    expect(trackSummaries(withKind([m, m, m], [0.95, 0.85, 0.9]))[0].kind).toEqual({ label: 'synthesised', synthesised: expect.closeTo(0.9) });
    expect(trackSummaries(withKind([m, m, m], [0.1, 0.9, 0.5]))[0].kind?.label).toBe('undecided');
    expect(trackSummaries(withKind([weak, weak, weak], [0.95, 0.95, 0.95]))[0].kind?.label).toBe('not-applicable');
    expect(trackSummaries(withKind([0.2, 0.3, 0.1], [0.95, 0.95, 0.95]))[0].kind?.label).toBe('not-applicable');
    expect(trackSummaries(frames([m, m]))[0].kind).toBeUndefined();
    const small = withKind([m, m, m], [0.95, 0.95, 0.95]).map((frame) => ({ ...frame, faces: frame.faces.map((f) => ({ ...f, box: { ...f.box, width: 20, height: 20 } })) }));
    expect(trackSummaries(small)[0].kind?.label).toBe('not-applicable');
  });

  it('below the threshold finds no evidence, and says a low score is not authenticity', () => {
    const verdict = videoVerdict(frames([0.4, 0.45, 0.42]));
    expect(verdict.status).toBe('NO_EVIDENCE_FOUND');
    expect(verdict.summary).toContain('no evidence found');
    expect(noteText(verdict.notes[0], 'en')).toMatch(/not evidence of authenticity/);
  });

  it('leaves out a person too small to assess in most frames', () => {
    const small = [0.9, 0.9, 0.9, 0.9].map((p, i): AnalysedFrame => ({
      index: i, time: i / 5, faces: [face(1, 0.3), face(2, p, i === 0 ? 100 : 20)],
    }));
    const verdict = videoVerdict(small);
    expect(verdict.tracks.map((t) => t.tooSmall)).toEqual([false, true]);
    expect(verdict.probability).toBeCloseTo(0.3);
    expect(verdict.summary).toMatch(/1 person was too small to assess \(under \d+ px\) and not counted/);
    expect(heaviestSegments(verdict.tracks).every((s) => s.trackId === 1)).toBe(true);
    const onlySmall = videoVerdict(small.map((f) => ({ ...f, faces: f.faces.slice(1) })));
    expect(onlySmall.status).toBe('UNABLE_TO_EVALUATE');
    expect(onlySmall.summary).toMatch(/No face was large enough to assess.*cannot be assessed/);
  });

  it('is not applicable without a face tracked long enough', () => {
    expect(videoVerdict([]).probability).toBeNull();
    expect(videoVerdict([]).status).toBe('NOT_APPLICABLE');
    const brief = videoVerdict(frames([0.9, 0.9]));
    expect(brief.probability).toBeNull();
    expect(brief.summary).toContain('faces appeared only briefly');
    expect(brief.status).toBe('UNABLE_TO_EVALUATE');
  });

  it('lists the highest-scoring windows without overlap, highest first', () => {
    const scores = [0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.5, 0.5, 0.5];
    const segments = heaviestSegments(trackSummaries(frames(scores)), { ...defaultVerdictOptions, threshold: 0.5, maxSegments: 2 });
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ trackId: 1, start: 1, end: 1.8, mean: 0.9 });
    expect(segments[1].start).toBeGreaterThan(segments[0].end);
  });

  it('scores a person on the frames the multi-task net saw, and traces the classifier on every frame', () => {
    // Every frame: the multi-task net on frames 0 and 3, its values standing between; MesoNet on all four.
    const held = (probability: number, classifier: number, scored: boolean) => ({ ...face(1, probability), classifier, scored });
    const analysed: AnalysedFrame[] = [held(0.2, 0.5, true), held(0.2, 0.52, false), held(0.2, 0.6, false), held(0.8, 0.61, true)]
      .map((f, i) => ({ index: i, time: i / 30, faces: [f] }));
    const [track] = trackSummaries(analysed);
    expect(track.points.map((p) => p.probability)).toEqual([0.2, 0.8]);
    expect(track.trace.map((p) => p.probability)).toEqual([0.5, 0.52, 0.6, 0.61]);
    expect(track.mean).toBeCloseTo(0.5);
    expect(track.last).toBeCloseTo(3 / 30);
  });
});

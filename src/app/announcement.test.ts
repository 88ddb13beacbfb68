import { describe, expect, it } from 'vitest';
import type { ImageAnalysis } from '../pipeline/analysis';
import { noEvidenceCaveat } from '../pipeline/evidence';
import { announcement } from './announcement';
import type { CurrentFile } from './store';

const file = (update: Partial<CurrentFile>) => ({ id: 1, name: 'a.png', kind: 'image', status: 'analyzing', ...update }) as CurrentFile;
const progress = (framesDone: number) => ({ framesDone, framesTotal: 100, mediaTime: 0, elapsedMs: 1 });

describe('announcement', () => {
  it('says what is happening, in coarse steps', () => {
    expect(announcement(undefined, false)).toBe('');
    expect(announcement(file({}), true)).toBe('Loading the analysis engine (first time only), then analysing a.png.');
    expect(announcement(file({}), false)).toBe('Analysing a.png.');
    expect(announcement(file({ kind: 'video', video: { frames: [], progress: progress(10) } }), false)).toBe('Analysing a.png.');
    expect(announcement(file({ kind: 'video', video: { frames: [], progress: progress(60) } }), false)).toBe('Analysing a.png: 50 % done.');
    expect(announcement(file({ status: 'error', error: 'It could not be decoded.' }), false)).toBe('a.png: It could not be decoded.');
  });

  it('reads the verdict with its caveat', () => {
    const analysis = { summary: '1 face found. Highest probability of manipulation 0.46: no evidence found.', status: 'NO_EVIDENCE_FOUND' } as ImageAnalysis;
    expect(announcement(file({ status: 'done', analysis }), false)).toBe(`a.png: ${analysis.summary} ${noEvidenceCaveat}`);
    expect(announcement(file({ status: 'done', kind: 'video', video: { frames: [] } }), false)).toMatch(/^a.png: No face was tracked .* cannot be assessed/);
  });
});

import { describe, expect, it } from 'vitest';
import { summarize, type FaceResult, type ImageAnalysis } from '../pipeline/analysis';
import { noEvidenceCaveat } from '../pipeline/evidence';
import { announcement } from './announcement';
import type { CurrentFile } from '../files/current-file';

const file = (update: Partial<CurrentFile>) => ({ id: 1, name: 'a.png', kind: 'image', status: 'analyzing', ...update }) as CurrentFile;
const progress = (framesDone: number) => ({ framesDone, framesTotal: 100, mediaTime: 0, elapsedMs: 1 });

describe('announcement', () => {
  it('says what is happening, in coarse steps', () => {
    expect(announcement(undefined, false)).toBe('');
    expect(announcement(file({}), true)).toBe('Loading the analysis engine (first time only), then analysing a.png.');
    expect(announcement(file({}), false)).toBe('Analysing a.png.');
    expect(announcement(file({ kind: 'video', video: { frames: [], progress: progress(10) } }), false)).toBe('Analysing a.png.');
    expect(announcement(file({ kind: 'video', video: { frames: [], progress: progress(60) } }), false)).toBe('Analysing a.png: 50 % done.');
    expect(announcement(file({ status: 'error', error: { id: 'engineStopped', stop: { id: 'silent' } } }), false)).toBe('a.png: The analysis engine stopped responding. It has been restarted.');
  });

  it('reads the verdict with its caveat', () => {
    const faces = [{ assessable: true, probability: 0.1 } as FaceResult];
    const analysis = { faces } as ImageAnalysis;
    expect(announcement(file({ status: 'done', analysis }), false)).toBe(`a.png: ${summarize(faces).summary} ${noEvidenceCaveat}`);
    expect(announcement(file({ status: 'done', kind: 'video', video: { frames: [] } }), false)).toMatch(/^a.png: No face was tracked .* cannot be assessed/);
  });

  it('speaks the language on screen', () => {
    expect(announcement(file({}), false, 'ja')).toBe('a.pngを分析中。');
    expect(announcement(file({ status: 'error', error: { id: 'cancelled' } }), false, 'ja')).toBe('a.png: 分析を中止しました。');
    expect(announcement(file({ status: 'error', error: { id: 'engineStopped', stop: { id: 'crashed', detail: 'Aborted(OOM)' } } }), false, 'ja'))
      .toBe('a.png: 分析エンジンが予期せず止まりました(Aborted(OOM))。再起動しました。');
  });
});

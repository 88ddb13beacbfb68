import { words } from '../i18n';
import { describe, expect, it } from 'vitest';
import type { FaceResult, ImageAnalysis } from '../pipeline/analysis';
import { noEvidenceCaveat } from '../pipeline/evidence';
import type { AnalysedFrame, VideoAnalysisStart } from '../video/types';
import { analysisReport } from './analysis-report';
import type { CurrentFile } from '../files/current-file';

const box = (side: number) => ({ x: 0, y: 0, width: side, height: side });
const face = (probability: number, assessable: boolean) => ({
  box: box(assessable ? 100 : 20), probability, band: probability >= 0.5 ? 'weak' : 'none', assessable, detectionScore: 0.9, parts: [], notes: [],
}) as unknown as FaceResult;
const file = (update: Partial<CurrentFile>) => ({ id: 1, name: 'x', file: new File([], 'x'), status: 'done', ...update }) as CurrentFile;

describe('analysisReport', () => {
  it('gives an image its status, each face its own, and the caveat in the notes', () => {
    const analysis = {
      status: 'NO_EVIDENCE_FOUND', probability: 0.3, notes: [{ id: 'noEvidenceCaveat' }], faces: [face(0.3, true), face(0.8, false)],
    } as unknown as ImageAnalysis;
    const report = analysisReport(file({ kind: 'image', analysis })) as Record<string, unknown>;
    expect(report.status).toBe('NO_EVIDENCE_FOUND');
    expect(report.notes).toEqual([noEvidenceCaveat]);
    expect((report.faces as { status: string }[]).map((f) => f.status)).toEqual(['NO_EVIDENCE_FOUND', 'TOO_SMALL_TO_ASSESS']);
  });

  it('gives a video its verdict status and caveat, and each person theirs', () => {
    const frames: AnalysedFrame[] = [0, 1, 2].map((i) => ({
      index: i, time: i, faces: [{ trackId: 1, box: box(100), probability: 0.4, parts: [0.4], scored: true, detectionScore: 0.9, toImage: [1, 0, 0, 0, 1, 0] }],
    }));
    const start = { info: {}, plan: { width: 1, height: 1, sampleFps: null }, models: [], fusion: null } as unknown as VideoAnalysisStart;
    const report = analysisReport(file({ kind: 'video', video: { start, frames, end: { notes: [{ id: 'decodingStopped', failure: { id: 'videoDamaged' }, frames: 3 }] } as never } })) as Record<string, unknown>;
    expect(report.status).toBe('NO_EVIDENCE_FOUND');
    expect(report.notes).toEqual([noEvidenceCaveat, `Decoding stopped early (${words('en').refusal.videoDamaged({ id: 'videoDamaged' })}); the results cover the first 3 frames.`]);
    expect((report.tracks as { status: string }[])[0].status).toBe('NO_EVIDENCE_FOUND');
  });

  it('cannot evaluate a file that failed', () => {
    expect(analysisReport(file({ kind: 'image', status: 'error', error: { id: 'failed', detail: 'broken' } }))).toMatchObject({ status: 'UNABLE_TO_EVALUATE', error: 'The analysis failed: broken. The app is still usable: try another file.' });
  });

  it('keeps keys and statuses, and says its sentences in the language asked for', () => {
    const analysis = { status: 'NO_EVIDENCE_FOUND', probability: 0.3, notes: [{ id: 'noEvidenceCaveat' }], faces: [face(0.3, true)] } as unknown as ImageAnalysis;
    const report = analysisReport(file({ kind: 'image', analysis }), new Date(), 'ja') as Record<string, unknown>;
    expect(report).toMatchObject({ language: 'ja', status: 'NO_EVIDENCE_FOUND', summary: '1件の顔が見つかりました。最高スコアは0.30で、操作の証拠は見つかりませんでした。' });
    expect(report.notes).toEqual([words('ja').noEvidenceCaveat]);
  });
});

import { describe, expect, it } from 'vitest';
import { faceMark } from '../draw/face-mark';
import type { VideoFace } from '../video/types';
import { legendText } from './annotate';
import type { ExportRequest } from './types';

const request = (update: Partial<ExportRequest>): ExportRequest =>
  ({ frames: [], width: 640, height: 360, frameValidity: 0.5, heatOpacity: 0.5, stoppedAt: null, language: 'en', ...update });

describe('the annotated video\'s legend', () => {
  it('is in the language on screen, with the same numbers', () => {
    const [en, ja] = [legendText(request({ stoppedAt: 12.3 })), legendText(request({ stoppedAt: 12.3, language: 'ja' }))];
    expect(en).toMatchObject({ title: 'Mikiwame · box: person · probability of manipulation', stopped: 'Analysis stopped at 0:12.3: later frames not analysed', heat: 'heat' });
    expect(ja).toMatchObject({ title: 'Mikiwame · 枠: 人物 · 操作の確率', stopped: '分析は0:12.3で止まりました。以降のフレームは分析していません', heat: 'ヒートマップ' });
    expect(ja.bands).toEqual(en.bands);
  });

  it('leaves out what is not drawn: no stop line for a whole video, no heat scale when the heatmap is hidden', () => {
    expect(legendText(request({ heatOpacity: 0, language: 'ja' }))).toMatchObject({ stopped: null, heat: null });
  });
});

describe('a box\'s label', () => {
  const face = (side: number) => ({ trackId: 2, box: { x: 0, y: 0, width: side, height: side }, probability: 0.83 }) as VideoFace;

  it('says a face too small to assess in the language on screen', () => {
    expect(faceMark(face(20), 'en').label).toBe('2 · too small');
    expect(faceMark(face(20), 'ja').label).toBe('2 · 小さすぎ');
    expect(faceMark(face(200), 'ja').label).toBe('2 · 0.83');
  });
});

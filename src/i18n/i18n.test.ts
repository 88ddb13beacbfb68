import { describe, expect, it } from 'vitest';
import { summarize, type FaceResult } from '../pipeline/analysis';
import { bandMeaning, bands, evidenceLabel, formatProbability } from '../pipeline/evidence';
import { bandGuide } from '../report/wording';
import { videoVerdict, defaultVerdictOptions } from '../video/aggregate';
import { languageOf, noteText, refusalText } from '.';

const face = (probability: number, assessable = true) => ({ probability, assessable }) as FaceResult;

describe('languages', () => {
  it('follows the browser: any ja* tag is Japanese, anything else English', () => {
    expect(['ja', 'ja-JP', 'JA-jp'].map(languageOf)).toEqual(['ja', 'ja', 'ja']);
    expect(['en-GB', 'de', 'jv', undefined].map(languageOf)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('says the same verdict in Japanese, with the same numbers', () => {
    const faces = [face(0.3), face(bands.strong), face(0.1, false)];
    const [en, ja] = [summarize(faces, 'en'), summarize(faces, 'ja')];
    expect({ ...ja, summary: undefined }).toEqual({ ...en, summary: undefined });
    expect(ja.summary).toBe(`3件の顔が見つかりました。最高スコアは${formatProbability(bands.strong)}(顔2)で、操作の強い証拠。1件の顔は小さすぎて判定できず(72ピクセル未満)、数に入れていません。`);
    expect(summarize([], 'ja').summary).toMatch(/^顔が見つかりませんでした。/);
  });

  it('names and explains every band in both languages, with the measured numbers in each', () => {
    for (const band of ['none', 'weak', 'moderate', 'strong'] as const) {
      expect(evidenceLabel(band, 'ja')).not.toBe(evidenceLabel(band, 'en'));
      const numbers = (text: string) => [...new Set(text.match(/\d+(\.\d+)?/g))].sort();
      expect(numbers(bandMeaning(band, 'ja'))).toEqual(numbers(bandMeaning(band, 'en')));
    }
    expect(bandGuide('ja')).toHaveLength(4);
  });

  it('says a video verdict and its caveat in Japanese', () => {
    const frames = [0, 1, 2].map((time) => ({
      index: time, time, faces: [{ trackId: 1, box: { x: 0, y: 0, width: 100, height: 100 }, probability: 0.2, parts: [0.2], scored: true, detectionScore: 0.9, toImage: [1, 0, 0, 0, 1, 0] as const }],
    }));
    const verdict = videoVerdict(frames as never, { ...defaultVerdictOptions, language: 'ja' });
    expect(verdict.summary).toBe('1人を追跡しました。最高スコアは0.20、3フレームの平均で、操作の証拠は見つかりませんでした。');
    expect(noteText(verdict.notes[0], 'ja')).toMatch(/本物である証拠にはなりません/);
  });

  it('says in Japanese that the video decoder stopped, before any frame and after some', () => {
    const stopped = { id: 'decoderStopped', detail: 'Out of memory' } as const;
    expect(refusalText(stopped, 'ja')).toBe('動画のデコード処理が止まりました(Out of memory)。ファイルが壊れているか、このブラウザのメモリには大きすぎる可能性があります。短いか小さいコピーをお試しください。');
    expect(refusalText({ id: 'decoderStopped', detail: null }, 'en')).toMatch(/^The video decoder stopped: /);
    expect(noteText({ id: 'decodingStopped', failure: stopped, frames: 12 }, 'ja')).toMatch(/^デコードが途中で止まりました\(動画のデコード処理が止まりました\(Out of memory\)。.*結果は最初の12フレームの分です。$/);
  });
});

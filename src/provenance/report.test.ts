import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../scripts/lib/provenance-fixtures.mjs';
import { fingerprint } from './fingerprint';
import { readMetadata } from './metadata';
import { provenanceReport } from './report';
import type { CurrentFile } from '../files/current-file';
import type { Provenance } from './types';

async function provenanceOfExifFixture(): Promise<Provenance> {
  const bytes = readFileSync(jpegWithExif());
  const { reading, thumbnail } = await readMetadata(new Uint8Array(bytes));
  return {
    fingerprint: await fingerprint(new Blob([bytes], { type: 'image/jpeg' })),
    metadata: reading,
    credentials: { status: 'absent' },
    thumbnail: { jpeg: thumbnail!, difference: 40, differs: true },
  };
}

const photo = (provenance: Provenance | undefined, locationShown: boolean) => ({ kind: 'image', provenance, locationShown }) as CurrentFile;

describe('provenanceReport', () => {
  it('carries the fingerprint, the metadata summary and the thumbnail check, without pixels', async () => {
    const report = JSON.parse(JSON.stringify(provenanceReport(photo(await provenanceOfExifFixture(), false))));
    expect(report.fingerprint.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.metadata).toMatchObject({ status: 'read', camera: 'Canon EOS 5D Mark IV', software: ['Adobe Photoshop 25.0 (Windows)'] });
    expect(report.thumbnail).toEqual({ differsFromImage: true, difference: 40, bytes: expect.any(Number) });
  });

  it('says its labels and sentences in the language asked for, keeping the keys', async () => {
    const provenance = await provenanceOfExifFixture();
    const report = JSON.parse(JSON.stringify(provenanceReport(photo(provenance, false), 'ja')));
    expect(report.metadata.dates[0]).toEqual({ label: '撮影日時(DateTimeOriginal)', value: '2024-03-01 09:15:42' });
    expect(report.metadata.datesNote).toMatch(/^これらの日時は一致しません。/);
    const unread = { ...provenance, metadata: { status: 'failed', failure: { id: 'timeUp', seconds: 10 } }, credentials: { status: 'unsupported', format: 'image/gif' } } as Provenance;
    expect(provenanceReport(photo(unread, false), 'ja')).toMatchObject({
      metadata: { status: 'failed', message: '読み取りに10秒以上かかったため中止しました(ファイルの形式が正しくない可能性があります)' },
      credentials: { status: 'unsupported', message: 'image/gifのコンテンツ認証情報は読めません。' },
    });
    expect(provenanceReport(photo(unread, false))).toMatchObject({ metadata: { message: expect.stringMatching(/^reading it took longer than 10 s/) } });
  });

  it('holds the GPS position back until the user has chosen to see it', async () => {
    const provenance = await provenanceOfExifFixture();
    const hidden = JSON.parse(JSON.stringify(provenanceReport(photo(provenance, false))));
    expect(hidden.metadata.locationPresent).toBe(true);
    expect(hidden.metadata).not.toHaveProperty('location');
    const shown = JSON.parse(JSON.stringify(provenanceReport(photo(provenance, true))));
    expect(shown.metadata.location.latitude).toBeCloseTo(35.6586, 4);
  });

  it('is null while the provenance is still being read', () => {
    expect(provenanceReport(photo(undefined, false))).toBeNull();
  });
});

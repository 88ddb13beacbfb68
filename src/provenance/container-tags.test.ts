import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { phoneClipTags, taggedPhoneClip } from '../../e2e/generated';
import { parseProbe } from '../video/video-info';
import { summarizeContainerTags } from './container-tags';
import { metadataInWords } from './wording';

/** ffprobe's JSON for a file, as the app's decoder worker asks for it (there from ffmpeg.wasm). */
const probe = (path: string) => execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path], { encoding: 'utf8' });

describe('summarizeContainerTags on a MOV tagged as an iPhone tags it', () => {
  it('reads camera, software, date and place', () => {
    const info = parseProbe(probe(taggedPhoneClip()));
    expect(info.container).toBe('QuickTime / MOV');
    const summary = summarizeContainerTags(info.tags);
    expect(summary).toMatchObject({
      found: true,
      camera: `${phoneClipTags.make} ${phoneClipTags.model}`,
      dates: [{ field: 'creation_time', value: phoneClipTags.created }],
      location: { latitude: phoneClipTags.latitude, longitude: phoneClipTags.longitude },
    });
    expect(summary.software).toEqual([phoneClipTags.software, expect.stringMatching(/^Lavf/)]);
    expect(metadataInWords(summary, 'ja').dates[0].label).toBe('作成日時(creation_time)');
  });

  it('finds nothing in the brand tags every MP4 has', () => {
    expect(summarizeContainerTags({ major_brand: 'isom', minor_version: '512', compatible_brands: 'isomiso2avc1mp41' }).found).toBe(false);
  });

  it('reads Matroska tags, written in capitals', () => {
    expect(summarizeContainerTags({ ENCODER: 'Lavf61.7.100' }).software).toEqual(['Lavf61.7.100']);
  });

  it('ignores a position out of range', () => {
    expect(summarizeContainerTags({ location: '+135.0+200.0/' }).location).toBeNull();
  });
});

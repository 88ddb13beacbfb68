import type { CurrentFile } from '../files/current-file';
import { cameraName, present } from './metadata';
import type { GeoPosition, MetadataReading, MetadataSummary, Provenance } from './types';

/** A tag's value under the first of `keys` the file has (MP4/MOV writers name the same thing differently). */
const tag = (tags: Record<string, string>, ...keys: string[]) => keys.map((k) => tags[k]?.trim()).find((v) => v) ?? null;

/** An ISO 6709 position as QuickTime and Android write it: "+35.6586+139.7454+010.000/". */
function iso6709(text: string | null): GeoPosition | null {
  const m = text && /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/.exec(text);
  if (!m) return null;
  const [latitude, longitude] = [Number(m[1]), Number(m[2])];
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? { latitude, longitude } : null;
}

/** What a video container's tags (read by ffprobe) say, in the fields the Provenance panel shows. */
export function summarizeContainerTags(written: Record<string, string>): MetadataSummary {
  // Matroska writes its tags in capitals (ENCODER), MP4 in lower case.
  const tags = Object.fromEntries(Object.entries(written).map(([key, value]) => [key.toLowerCase(), value]));
  const make = tag(tags, 'com.apple.quicktime.make', 'make');
  const model = tag(tags, 'com.apple.quicktime.model', 'model');
  const android = tag(tags, 'com.android.version');
  const dates = present([
    { field: 'creation_time', value: tag(tags, 'creation_time') },
    { field: 'com.apple.quicktime.creationdate', value: tag(tags, 'com.apple.quicktime.creationdate') },
  ]);
  const software = [tag(tags, 'com.apple.quicktime.software', 'software'), android && `Android ${android}`, tag(tags, 'encoder')];
  return {
    camera: cameraName(make, model),
    software: [...new Set(software.filter((s): s is string => s !== null))],
    history: [],
    dates,
    datesDisagree: null,
    sourceType: null,
    credits: present([{ field: 'Artist', value: tag(tags, 'artist', 'com.apple.quicktime.author') }, { field: 'Copyright', value: tag(tags, 'copyright') }]),
    colourProfile: null,
    location: iso6709(tag(tags, 'com.apple.quicktime.location.iso6709', 'location')),
    unreadable: [],
    found: Object.keys(tags).some((key) => !['major_brand', 'minor_version', 'compatible_brands'].includes(key)),
  };
}

/** The file's metadata: a photo's (read by exifr), or, once the video's analysis has probed it, its container tags. */
export function metadataOf(current: CurrentFile, provenance: Provenance): MetadataReading {
  const info = current.video?.start?.info;
  return info ? { status: 'read', summary: summarizeContainerTags(info.tags) } : provenance.metadata;
}

// Test JPEGs for the Provenance panel, made at test time from the committed public-domain photos:
// Debian's ffmpeg encodes them, piexifjs writes their EXIF.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import piexif from 'piexifjs';

const fixtures = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures');
const astronautPhoto = join(fixtures, 'astronaut.png');
const coffeePhoto = join(fixtures, 'coffee.png');
const outputDir = join(import.meta.dirname, '..', '..', 'test-results', 'generated', 'provenance');

/** What the EXIF fixture says, for the tests to compare with what the app shows. */
export const exifFixtureFacts = {
  make: 'Canon',
  model: 'Canon EOS 5D Mark IV',
  software: 'Adobe Photoshop 25.0 (Windows)',
  creatorTool: 'Adobe Photoshop 25.0 (Windows)',
  dateTimeOriginal: '2024:03:01 09:15:42',
  modifyDate: '2024:03:05 14:22:10',
  latitude: 35.6586,
  longitude: 139.7454,
};

/** @param {string} input @param {string} output @param {string[]} filters */
function encodeJpeg(input, output, filters = []) {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', input, ...(filters.length ? ['-vf', filters.join(',')] : []),
    '-q:v', '3', '-frames:v', '1', output]);
  return readFileSync(output);
}

/** @param {number} value degrees @returns {[number, number][]} degrees, minutes, seconds as EXIF rationals */
const dms = (value) => {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 100);
  return [[degrees, 1], [minutes, 1], [seconds, 100]];
};

/** An XMP packet in an APP1 segment: the edit history an editor such as Photoshop writes. */
function xmpSegment() {
  const { creatorTool, modifyDate } = exifFixtureFacts;
  const when = `${modifyDate.slice(0, 10).replaceAll(':', '-')}T${modifyDate.slice(11)}`;
  const xml = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" xmp:CreatorTool="${creatorTool}">
<xmpMM:History><rdf:Seq>
<rdf:li stEvt:action="created" stEvt:when="2024-03-01T09:15:42" stEvt:softwareAgent="Canon EOS 5D Mark IV"/>
<rdf:li stEvt:action="saved" stEvt:when="${when}" stEvt:softwareAgent="${creatorTool}" stEvt:changed="/"/>
</rdf:Seq></xmpMM:History>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
  const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xml, 'utf8')]);
  const header = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([header, body]);
}

/** Where the EXIF APP1 segment's "Exif\0\0" header starts. */
const exifHeaderAt = (jpeg) => jpeg.indexOf('Exif\0\0', 0, 'latin1');

/** Puts `segment` right after the EXIF segment, where editors write their XMP. */
const insertAfterExif = (jpeg, segment) => {
  const lengthAt = exifHeaderAt(jpeg) - 2;
  const exifEnd = lengthAt + ((jpeg[lengthAt] << 8) | jpeg[lengthAt + 1]);
  return Buffer.concat([jpeg.subarray(0, exifEnd), segment, jpeg.subarray(exifEnd)]);
};

/**
 * The astronaut photo as a JPEG with EXIF (camera, Photoshop as Software, dates that disagree,
 * GPS) and XMP edit history, and an EXIF thumbnail of another picture (the coffee cup), as an edit
 * that forgot to refresh the thumbnail leaves it. With `thumbnailOf: 'same'`, the thumbnail is the
 * astronaut's own.
 * @param {{ thumbnailOf?: 'other' | 'same' }} [options]
 */
export function jpegWithExif({ thumbnailOf = 'other' } = {}) {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, `astronaut_exif_thumb_${thumbnailOf}.jpg`);
  if (existsSync(path)) return path;
  const main = encodeJpeg(astronautPhoto, join(outputDir, 'astronaut_plain_for_exif.jpg'));
  const thumbnail = encodeJpeg(thumbnailOf === 'same' ? astronautPhoto : coffeePhoto,
    join(outputDir, `thumb_${thumbnailOf}.jpg`), ['scale=160:160']);
  const f = exifFixtureFacts;
  const exif = {
    '0th': {
      [piexif.ImageIFD.Make]: f.make,
      [piexif.ImageIFD.Model]: f.model,
      [piexif.ImageIFD.Software]: f.software,
      [piexif.ImageIFD.DateTime]: f.modifyDate,
    },
    Exif: {
      [piexif.ExifIFD.DateTimeOriginal]: f.dateTimeOriginal,
      [piexif.ExifIFD.DateTimeDigitized]: f.dateTimeOriginal,
    },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: dms(f.latitude),
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: dms(f.longitude),
    },
    '1st': { [piexif.ImageIFD.Compression]: 6 },
    thumbnail: thumbnail.toString('latin1'),
  };
  const withExif = Buffer.from(piexif.insert(piexif.dump(exif), main.toString('latin1')), 'latin1');
  writeFileSync(path, insertAfterExif(withExif, xmpSegment()));
  return path;
}

/** The astronaut photo as a JPEG with no metadata at all (ffmpeg writes only a JFIF header). */
export function jpegWithoutMetadata() {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, 'astronaut_no_metadata.jpg');
  if (!existsSync(path)) encodeJpeg(astronautPhoto, path);
  return path;
}

/**
 * The EXIF fixture with its first directory's offset pointing far outside the file, as a damaged
 * or hostile file has it: the picture itself and the XMP beside it are intact.
 */
export function jpegWithBrokenExif() {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, 'astronaut_broken_exif.jpg');
  const bytes = Buffer.from(readFileSync(jpegWithExif()));
  // The TIFF header follows "Exif\0\0": byte order (2), magic number (2), then IFD0's offset (4).
  bytes.writeUInt32BE(0xfffffff0, exifHeaderAt(bytes) + 6 + 4);
  writeFileSync(path, bytes);
  return path;
}

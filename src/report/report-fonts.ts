import type { PDFDocument } from '@cantoo/pdf-lib';
import { assetUrl } from '../pipeline/engine-assets';
import type { Fonts } from './pdf';

export type ReportFontWeight = 'regular' | 'bold';

/** The bytes of a Noto Sans JP subset the app serves (scripts/lib/report-fonts.mjs writes them). */
export type ReportFontFile = (weight: ReportFontWeight) => Promise<Uint8Array<ArrayBuffer>>;

/** The report's Japanese font is not in this browser and cannot be fetched (offline before it was ever downloaded). */
export class ReportFontMissingError extends Error {
  constructor(cause: unknown) {
    super('the PDF report font could not be fetched', { cause });
    this.name = 'ReportFontMissingError';
  }
}

/** Served by the app from public/vendor/fonts and precached by its service worker (vite.config.ts). */
const fontPaths: Record<ReportFontWeight, string> = { regular: 'vendor/fonts/noto-sans-jp-regular.ttf', bold: 'vendor/fonts/noto-sans-jp-bold.ttf' };

/** Fetches a font from the app (from the service worker's precache once it is installed). */
export const fetchReportFont: ReportFontFile = async (weight) => {
  try {
    const response = await fetch(assetUrl(fontPaths[weight]));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new ReportFontMissingError(error);
  }
};

/**
 * Embeds both subsets, of which the PDF keeps only the glyphs it uses; their names carry a subset
 * tag (six capitals and "+", PDF 32000 9.6.4), so readers and pdffonts know them as subsets.
 */
export async function embedReportFonts(doc: PDFDocument, fontFile: ReportFontFile): Promise<Omit<Fonts, 'mono'>> {
  // fontkit (a chunk of its own) loads only for a report that needs the fonts.
  doc.registerFontkit(await import('fontkit'));
  const [regular, bold] = await Promise.all([fontFile('regular'), fontFile('bold')]);
  return {
    regular: await doc.embedFont(regular, { subset: true, customName: 'MKWJPR+NotoSansJP-Regular' }),
    bold: await doc.embedFont(bold, { subset: true, customName: 'MKWJPB+NotoSansJP-Bold' }),
  };
}

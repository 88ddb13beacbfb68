import { fetchReportFont } from '../report/report-fonts';

const family = 'Mikiwame Noto Sans JP';

/** The annotated video's font stack: Noto Sans JP where it was loaded into this worker (loadLegendFont), else the system's. */
export const legendFont = (weight: number, size: number) => `${weight} ${size}px "${family}", sans-serif`;

/**
 * Japanese needs glyphs a machine may not have (no CJK system font): the PDF report's Noto Sans JP subsets,
 * precached with the app, registered as fonts of this worker. Without them (never fetched, offline) the
 * system's font draws the legend.
 */
export async function loadLegendFont(): Promise<void> {
  try {
    const faces = await Promise.all((['regular', 'bold'] as const).map(async (weight) => {
      const bytes = await fetchReportFont(weight);
      return new FontFace(family, bytes, { weight: weight === 'bold' ? '700' : '400' }).load();
    }));
    const { fonts } = self as unknown as { fonts: FontFaceSet };
    for (const face of faces) fonts.add(face);
  } catch {
    // The system's font stands in.
  }
}

import { comparisonFailureText, type Language } from '../i18n';
import type { ComparisonState } from './types';

/** The comparison part of the JSON report: what was compared and what differed; no pixels. A refusal is said in `language`. */
export function comparisonReport(comparison: ComparisonState | undefined, language: Language = 'en') {
  if (!comparison || comparison.status === 'comparing') return null;
  const frameTime = comparison.frame?.time;
  if (comparison.status === 'failed') return { original: comparison.originalName, frameTime, status: 'failed' as const, message: comparisonFailureText(comparison.failure, language) };
  const { originalName, alignment, correlation, regions, faces } = comparison;
  return { original: originalName, frameTime, status: 'compared' as const, alignment, correlation, regions, faces };
}

export type ComparisonReport = NonNullable<ReturnType<typeof comparisonReport>>;

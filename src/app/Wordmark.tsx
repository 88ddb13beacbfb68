import wordmark from './wordmark.json';

/**
 * 見極め drawn from its glyph outlines (scripts/wordmark.mjs), so it shows on a machine without Japanese fonts; its text
 * is its accessible name.
 */
export function Wordmark() {
  return (
    <svg
      className="wordmark" role="img" aria-label={wordmark.text} lang="ja" data-testid="wordmark"
      viewBox={`0 0 ${wordmark.width} ${wordmark.height}`} style={{ width: `${wordmark.width / wordmark.height}em`, height: '1em' }}
    >
      <path d={wordmark.d} fill="currentColor" />
    </svg>
  );
}

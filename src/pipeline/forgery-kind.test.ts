import { describe, expect, it } from 'vitest';
import { forgeryKind, forgeryKindText } from './forgery-kind';

describe('forgery kind', () => {
  it('names a kind only when its probability is clear and the face shows evidence', () => {
    expect(forgeryKind(0.93, true).label).toBe('synthesised');
    expect(forgeryKind(0.1, true).label).toBe('replaced');
    expect(forgeryKind(0.5, true).label).toBe('undecided');
    expect(forgeryKind(0.93, false).label).toBe('not-applicable');
  });

  it('says the probability of the kind it names', () => {
    expect(forgeryKindText(forgeryKind(0.93, true))).toBe('a synthesised whole face (GAN-like), 0.93');
    expect(forgeryKindText(forgeryKind(0.1, true))).toBe('a replaced or blended face (face swap, blend), 0.90');
    expect(forgeryKindText(forgeryKind(0.6, true))).toBe('not decided (synthesised 0.60, replaced or blended 0.40)');
    expect(forgeryKindText(forgeryKind(0.7996, true))).toBe('not decided (synthesised 0.79, replaced or blended 0.20)');
    expect(forgeryKindText(forgeryKind(0.6, false))).toMatch(/^not decided: no evidence/);
  });
});

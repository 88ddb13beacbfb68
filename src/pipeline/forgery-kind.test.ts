import { describe, expect, it } from 'vitest';
import { forgeryKind, forgeryKindText } from './forgery-kind';

describe('forgery kind', () => {
  it('names a kind only when its probability is clear and the face shows at least moderate evidence', () => {
    expect(forgeryKind(0.93, 'moderate').label).toBe('synthesised');
    expect(forgeryKind(0.1, 'strong').label).toBe('replaced');
    expect(forgeryKind(0.5, 'moderate').label).toBe('undecided');
    expect(forgeryKind(0.01, 'weak').label).toBe('not-applicable');
    expect(forgeryKind(0.93, 'none').label).toBe('not-applicable');
    expect(forgeryKind(0.93, 'na').label).toBe('not-applicable');
  });

  it('says the probability of the kind it names', () => {
    expect(forgeryKindText(forgeryKind(0.93, 'strong'))).toBe('a synthesised whole face (GAN-like), 0.93');
    expect(forgeryKindText(forgeryKind(0.1, 'strong'))).toBe('a replaced or blended face (face swap, blend), 0.90');
    expect(forgeryKindText(forgeryKind(0.6, 'strong'))).toBe('not decided (synthesised 0.60, replaced or blended 0.40)');
    expect(forgeryKindText(forgeryKind(0.7996, 'strong'))).toBe('not decided (synthesised 0.79, replaced or blended 0.20)');
    expect(forgeryKindText(forgeryKind(0.6, 'weak'))).toMatch(/^not said below moderate/);
  });
});

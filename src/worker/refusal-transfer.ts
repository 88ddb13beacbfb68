import * as Comlink from 'comlink';
import type { Refusal } from '../i18n';

/**
 * Comlink sends a thrown error's name, message and stack; this sends an UnsupportedInputError's `refusal` along, so the
 * page can say why in its own language (Comlink's receiving side copies every field it gets onto the Error).
 */
export function sendRefusalsWithErrors(): void {
  const standard = Comlink.transferHandlers.get('throw')!;
  Comlink.transferHandlers.set('throw', {
    ...standard,
    serialize(thrown: unknown) {
      const [wire, transfer] = standard.serialize(thrown);
      const refusal = ((thrown as { value?: { refusal?: Refusal } }).value)?.refusal;
      const value = (wire as { value: object }).value;
      return [refusal ? { ...(wire as object), value: { ...value, refusal } } : wire, transfer];
    },
  });
}

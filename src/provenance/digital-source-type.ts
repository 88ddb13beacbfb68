import { words, type Language } from '../i18n';

/** The code at the end of a digital source type URI, e.g. "trainedAlgorithmicMedia". */
export const digitalSourceTypeCode = (uri: string) => uri.split('/').pop() || uri;

/** IPTC's digital source type (cv.iptc.org/newscodes/digitalsourcetype) in words; an unknown one as its code. */
export const describeDigitalSourceType = (code: string, language: Language = 'en') => words(language).provenance.digitalSourceType[code] ?? code;

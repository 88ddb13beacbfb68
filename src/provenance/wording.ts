import { words, type Language } from '../i18n';
import type { CredentialAction, CredentialsSummary } from './credentials';
import type { VideoInfo } from '../video/video-info';
import { describeDigitalSourceType } from './digital-source-type';

/** Provenance findings in words, shared by the panel and the PDF report. */

export const noMetadataMeaning = words('en').provenance.noMetadataMeaning;

export const noCredentialsText = words('en').provenance.noCredentials;

export function formatBytes(bytes: number, language: Language = 'en'): string {
  const say = words(language).provenance;
  if (bytes < 1024) return say.bytes(bytes);
  const [size, unit] = bytes < 1024 ** 2 ? [1024, 'KiB'] : bytes < 1024 ** 3 ? [1024 ** 2, 'MiB'] : [1024 ** 3, 'GiB'];
  return say.bytesExact(`${(bytes / size).toFixed(1)} ${unit}`, bytes);
}

const validationWords: Record<CredentialsSummary['validation'], string> = {
  trusted: 'valid, signed by a trusted signer',
  valid: 'signature and hashes valid; the signer is on no trust list this app knows (untrusted)',
  invalid: 'invalid',
};

export function validationText(summary: CredentialsSummary): string {
  return summary.validation === 'invalid' ? `invalid: ${summary.problems.join('; ')}` : validationWords[summary.validation];
}

export function signerText(summary: CredentialsSummary): string {
  return [summary.signer, summary.issuer && `issued by ${summary.issuer}`].filter(Boolean).join(', ') || 'not named';
}

export function actionText(action: CredentialAction): string {
  return [action.action, action.digitalSourceType && describeDigitalSourceType(action.digitalSourceType), action.softwareAgent, action.when]
    .filter(Boolean).join(' · ');
}

/** A video's stream in a line: "h264, 640x480, 15 frames per second, 4.0 s". */
export function videoStreamText(video: Pick<VideoInfo, 'codec' | 'width' | 'height' | 'fps' | 'duration'>, language: Language = 'en'): string {
  return words(language).provenance.stream(video.codec, video.width, video.height, video.fps ? +video.fps.toFixed(2) : null, video.duration || null);
}

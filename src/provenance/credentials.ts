import type { Manifest, ManifestStore, ValidationStatus } from '@contentauth/c2pa-web';
import { words, type Language, type ReadFailure } from '../i18n';
import type { CredentialProblem } from '../i18n/notes';
import { digitalSourceTypeCode } from './digital-source-type';

export interface CredentialAction {
  /** The C2PA action, e.g. "c2pa.edited" (actionName says it). */
  code: string;
  softwareAgent: string | null;
  when: string | null;
  /** The IPTC digital source type's last part, e.g. "trainedAlgorithmicMedia". */
  digitalSourceType: string | null;
}

export interface CredentialsSummary {
  /** trusted: valid and signed by a trusted signer; valid: valid, but the signer is not on a trust list; invalid: a check failed. */
  validation: 'trusted' | 'valid' | 'invalid';
  /** What failed, each once: a known problem, or the C2PA status code of another (empty unless invalid). */
  problems: (CredentialProblem | string)[];
  signer: string | null;
  issuer: string | null;
  /** The signing time from a time-stamp, when there is one. */
  signedAt: string | null;
  claimGenerator: string | null;
  actions: CredentialAction[];
  /** What the credentials say about generative AI, from the actions' digital source types. */
  ai: 'generated' | 'edited' | null;
  /** Some action changed the picture's content (more than creating, opening or re-encoding it). */
  edited: boolean;
  ingredients: { title: string | null; relationship: string | null }[];
}

export type CredentialsReading =
  | { status: 'absent' }
  | { status: 'read'; summary: CredentialsSummary }
  /** format: the file's MIME type ('' when unknown), which the reader does not take. */
  | { status: 'unsupported'; format: string }
  | { status: 'failed'; failure: ReadFailure };

/** A C2PA action in words: "c2pa.edited" is "edited"; an action without words is shown as its code, less "c2pa.". */
export function actionName(code: string, language: Language = 'en'): string {
  const name = code.replace(/^c2pa\./, '');
  return (code.startsWith('c2pa.') && words(language).provenance.credentialAction[name]) || name;
}

/** Actions that do not change what the picture shows. */
const nonEditing = new Set(['c2pa.created', 'c2pa.opened', 'c2pa.published', 'c2pa.converted', 'c2pa.transcoded', 'c2pa.repackaged']);

const problemCodes: [RegExp, CredentialProblem][] = [
  [/^assertion\.(dataHash|bmffHash|boxesHash|collectionHash)\.mismatch$/, 'changedAfterSigning'],
  [/^claimSignature\.mismatch$/, 'signatureMismatch'],
  [/^claimSignature\.missing$/, 'unsigned'],
  [/^signingCredential\.expired$/, 'certificateExpired'],
  [/^signingCredential\.revoked$/, 'certificateRevoked'],
  [/^signingCredential\.invalid$/, 'certificateInvalid'],
  [/^assertion\.hashedURI\.mismatch$/, 'manifestChanged'],
];

const untrusted = 'signingCredential.untrusted';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null);

function failures(store: ManifestStore): ValidationStatus[] {
  return store.validation_results?.activeManifest?.failure ?? (store.validation_status ?? []).filter((s) => s.success !== true);
}

function problemOf(code: string): CredentialProblem | string {
  return problemCodes.find(([pattern]) => pattern.test(code))?.[1] ?? code;
}

/** A problem in words; a C2PA status code without words is shown as it is. */
export function problemText(problem: CredentialProblem | string, language: Language = 'en'): string {
  return (words(language).provenance.credentialProblem as Record<string, string>)[problem] ?? problem;
}

function manifestActions(manifest: Manifest): CredentialAction[] {
  return (manifest.assertions ?? [])
    .filter((a) => a.label.startsWith('c2pa.actions'))
    .flatMap((a) => {
      const list = (a.data as { actions?: unknown } | null)?.actions;
      return Array.isArray(list) ? list : [];
    })
    .flatMap((entry: Record<string, unknown>) => {
      const code = text(entry.action);
      if (!code) return [];
      const agent = entry.softwareAgent;
      const source = text(entry.digitalSourceType);
      return [{
        code,
        softwareAgent: text(agent) ?? text((agent as { name?: unknown } | null)?.name),
        when: text(entry.when),
        digitalSourceType: source && digitalSourceTypeCode(source),
      }];
    });
}

function aiClaim(actions: CredentialAction[]): CredentialsSummary['ai'] {
  const sources = actions.map((a) => a.digitalSourceType);
  if (sources.includes('trainedAlgorithmicMedia')) return 'generated';
  if (sources.some((s) => s === 'compositeWithTrainedAlgorithmicMedia' || s === 'algorithmicallyEnhanced')) return 'edited';
  return null;
}

/** The active manifest of a C2PA manifest store (as c2pa-rs reads it), summarised for people. */
export function summarizeCredentials(store: ManifestStore): CredentialsSummary {
  const manifest = (store.active_manifest && store.manifests?.[store.active_manifest]) || {};
  const failed = failures(store);
  const problems = failed.filter((s) => s.code !== untrusted).map((s) => problemOf(s.code));
  const actions = manifestActions(manifest);
  const signature = manifest.signature_info;
  return {
    validation: problems.length ? 'invalid' : store.validation_state === 'Trusted' ? 'trusted' : 'valid',
    problems: [...new Set(problems)],
    signer: text(signature?.common_name),
    issuer: text(signature?.issuer),
    signedAt: text(signature?.time),
    claimGenerator: text(manifest.claim_generator_info?.[0]?.name) ?? text(manifest.claim_generator),
    actions,
    ai: aiClaim(actions),
    edited: actions.some((a) => !nonEditing.has(a.code)),
    ingredients: (manifest.ingredients ?? []).map((i) => ({ title: text(i.title), relationship: text(i.relationship) })),
  };
}

export interface CredentialsHeadline {
  text: string;
  /** A trusted credential of AI generation or of an edit: it weighs more than the face models' score. */
  outweighsFaces: boolean;
}

/** The line the verdict's summary carries about a file's content credentials, in `language`. */
export function credentialsHeadline(summary: CredentialsSummary, language: Language = 'en'): CredentialsHeadline {
  const say = words(language).provenance;
  if (summary.validation === 'invalid') {
    return { text: say.headlineInvalid(summary.problems.map((p) => problemText(p, language))), outweighsFaces: false };
  }
  const trusted = summary.validation === 'trusted';
  const named = (actions: CredentialAction[]) => [...new Set(actions.map((a) => actionName(a.code, language)))];
  const claim = summary.ai === 'generated' ? say.claimGenerated
    : summary.ai === 'edited' ? say.claimEditedWithAi
      : summary.edited ? say.claimEdits(named(summary.actions.filter((a) => !nonEditing.has(a.code))))
        : say.claimValid(summary.actions.map((a) => actionName(a.code, language)));
  const outweighsFaces = trusted && (summary.ai !== null || summary.edited);
  return { text: say.headline({ claim, signer: summary.signer, trusted, outweighsFaces }), outweighsFaces };
}

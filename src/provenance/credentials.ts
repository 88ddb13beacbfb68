import type { Manifest, ManifestStore, ValidationStatus } from '@contentauth/c2pa-web';
import { digitalSourceTypeCode } from './digital-source-type';

export interface CredentialAction {
  /** The C2PA action in words, e.g. "created", "edited". */
  action: string;
  code: string;
  softwareAgent: string | null;
  when: string | null;
  /** The IPTC digital source type's last part, e.g. "trainedAlgorithmicMedia". */
  digitalSourceType: string | null;
}

export interface CredentialsSummary {
  /** trusted: valid and signed by a trusted signer; valid: valid, but the signer is not on a trust list; invalid: a check failed. */
  validation: 'trusted' | 'valid' | 'invalid';
  /** What failed, in words (empty unless invalid). */
  problems: string[];
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
  ingredients: { title: string; relationship: string }[];
}

export type CredentialsReading =
  | { status: 'absent' }
  | { status: 'read'; summary: CredentialsSummary }
  | { status: 'unsupported'; message: string }
  | { status: 'failed'; message: string };

const actionWords: Record<string, string> = {
  'c2pa.created': 'created',
  'c2pa.opened': 'opened (an existing file)',
  'c2pa.edited': 'edited',
  'c2pa.placed': 'placed (another picture added into it)',
  'c2pa.removed': 'removed (part of the picture)',
  'c2pa.cropped': 'cropped',
  'c2pa.resized': 'resized',
  'c2pa.filtered': 'filtered',
  'c2pa.drawing': 'drawn on',
  'c2pa.color_adjustments': 'colours adjusted',
  'c2pa.converted': 'converted to another format',
  'c2pa.transcoded': 'transcoded',
  'c2pa.published': 'published',
};

/** Actions that do not change what the picture shows. */
const nonEditing = new Set(['c2pa.created', 'c2pa.opened', 'c2pa.published', 'c2pa.converted', 'c2pa.transcoded', 'c2pa.repackaged']);

const problemWords: [RegExp, string][] = [
  [/^assertion\.(dataHash|bmffHash|boxesHash|collectionHash)\.mismatch$/, 'the file was changed after it was signed (its hash does not match)'],
  [/^claimSignature\.mismatch$/, 'the signature does not match the claim'],
  [/^claimSignature\.missing$/, 'the claim is not signed'],
  [/^signingCredential\.expired$/, "the signer's certificate had expired"],
  [/^signingCredential\.revoked$/, "the signer's certificate was revoked"],
  [/^signingCredential\.invalid$/, "the signer's certificate is not valid for signing"],
  [/^assertion\.hashedURI\.mismatch$/, 'a part of the manifest was changed after it was signed'],
];

const untrusted = 'signingCredential.untrusted';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null);

function failures(store: ManifestStore): ValidationStatus[] {
  return store.validation_results?.activeManifest?.failure ?? (store.validation_status ?? []).filter((s) => s.success !== true);
}

function describeProblem(code: string): string {
  return problemWords.find(([pattern]) => pattern.test(code))?.[1] ?? code;
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
        action: actionWords[code] ?? code.replace(/^c2pa\./, ''),
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
  const problems = failed.filter((s) => s.code !== untrusted).map((s) => describeProblem(s.code));
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
    ingredients: (manifest.ingredients ?? []).map((i) => ({ title: text(i.title) ?? 'untitled', relationship: i.relationship ?? 'unknown' })),
  };
}

export interface CredentialsHeadline {
  text: string;
  /** A trusted credential of AI generation or of an edit: it weighs more than the face models' score. */
  outweighsFaces: boolean;
}

/** The line the verdict's summary carries about a file's content credentials. */
export function credentialsHeadline(summary: CredentialsSummary): CredentialsHeadline {
  const signedBy = summary.signer ? `signed by ${summary.signer}` : 'signed';
  if (summary.validation === 'invalid') {
    return {
      text: `The file's content credentials do not validate (${summary.problems.join('; ')}): what they say cannot be relied on.`,
      outweighsFaces: false,
    };
  }
  const trusted = summary.validation === 'trusted';
  const edits = summary.actions.filter((a) => !nonEditing.has(a.code)).map((a) => a.action);
  const claim = summary.ai === 'generated' ? 'the credentials say this was generated by AI'
    : summary.ai === 'edited' ? 'the credentials say this was edited with generative AI'
      : summary.edited ? `the credentials record edits (${[...new Set(edits)].join(', ')})`
        : `the file has valid content credentials (${summary.actions.map((a) => a.action).join(', ') || 'no actions recorded'})`;
  const sentence = claim.charAt(0).toUpperCase() + claim.slice(1);
  if (trusted && (summary.ai || summary.edited)) {
    return { text: `${sentence}, ${signedBy}, a trusted signer: this outweighs the face models' score.`, outweighsFaces: true };
  }
  const trust = trusted ? 'a trusted signer' : 'a signer on no trust list this app knows, so who made the claim is not vouched for';
  return { text: `${sentence}, ${signedBy}: ${trust}.`, outweighsFaces: false };
}

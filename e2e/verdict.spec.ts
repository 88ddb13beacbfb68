// The verdict reads right: no colour or word says "authentic", a low score carries its caveat on
// the result and in the report, and faces too small to judge are shown but not scored.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { minAssessableFacePx } from '../src/pipeline/analysis';
import { words } from '../src/i18n';
import { bandMeaning, evidenceBand, formatProbability, noEvidenceCaveat } from '../src/pipeline/evidence';
import manifestJson from '../models/manifest.json' with { type: 'json' };
import { pick } from './app-page';
import { astronautClip, astronautPath, groupPhoto, selfBlendedAstronaut, speakerAndCrowd } from './generated';

interface ForgeryKind {
  label: string;
  synthesised: number;
}

interface Report {
  status: string;
  bands: { band: string; from: number; authenticAtOrAboveAtMost: number; meaning: string }[];
  notes: string[];
  faces?: { status: string; probability: number; band: string; bandMeaning: string; kind: ForgeryKind | null; parts: { model: string; label: string; probability: number }[] }[];
  tracks?: { status: string; mean: number; band: string; bandMeaning: string; kind: ForgeryKind | null }[];
}

const manifest = manifestJson as {
  app: { multitask: string; classifier?: string }; models: Record<string, { label: string }>;
  bands: { weak: number; moderate: number; strong: number; limits: Record<string, number> };
};

async function downloadedReport(page: Page): Promise<Report> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as Report;
}

/** The colour a CSS custom property on :root resolves to, as getComputedStyle writes colours. */
async function themeColour(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, name);
}

/**
 * Below the weak band's cut-off (the manifest's, measured on authentic faces): neutral, "No evidence found" and the
 * caveat; from it up: a warm colour, no caveat. The card and the report say what the band means.
 */
async function expectVerdictColourAndCaveat(page: Page, probability: number, report: Report) {
  const summary = page.getByTestId('summary');
  const band = evidenceBand(probability);
  await expect(page.getByTestId('band-meaning')).toHaveText(bandMeaning(band));
  expect((report.faces ?? report.tracks)![0].bandMeaning).toBe(bandMeaning(band));
  expect(report.bands.map((b) => [b.band, b.from, b.authenticAtOrAboveAtMost])).toEqual(
    (['weak', 'moderate', 'strong'] as const).map((b) => [b, manifest.bands[b], manifest.bands.limits[b]]),
  );
  if (probability < manifest.bands.weak) {
    await expect(summary).toContainText('no evidence found');
    await expect(summary).toHaveCSS('border-left-color', await themeColour(page, '--none'));
    await expect(page.getByTestId('result-note').first()).toHaveText(noEvidenceCaveat);
    expect(report.status).toBe('NO_EVIDENCE_FOUND');
    expect(report.notes).toContain(noEvidenceCaveat);
  } else {
    await expect(summary).toContainText('evidence of manipulation');
    const warm = await Promise.all(['--weak', '--moderate', '--strong'].map((name) => themeColour(page, name)));
    expect(warm).toContain(await summary.evaluate((el) => getComputedStyle(el).borderLeftColor));
    await expect(summary).not.toContainText(noEvidenceCaveat);
    expect(report.status).toMatch(/^EVIDENCE_(WEAK|MODERATE|STRONG)$/);
    expect(report.notes).not.toContain(noEvidenceCaveat);
  }
  // The verdict never calls this face authentic; only the band's meaning speaks of other, authentic faces.
  const card = page.getByTestId('face-card').or(page.getByTestId('track-card'));
  const verdictWords = [await summary.innerText(), ...await card.locator('.band, .note, .why').allInnerTexts()];
  expect(verdictWords.filter((text) => /\b(authentic|genuine)\b/i.test(text))).toEqual([]);
}

/** The card's "looks like" names a kind of forgery only from moderate evidence up, as the report does; below, nothing. */
async function expectForgeryKind(page: Page, probability: number, kind: ForgeryKind | null | undefined) {
  expect(kind).toBeTruthy();
  const shown = page.getByTestId('forgery-kind');
  if (probability < manifest.bands.moderate) {
    expect(kind!.label).toBe('not-applicable');
    await expect(shown).toHaveCount(0);
  } else {
    expect(kind!.label).toMatch(/^(synthesised|replaced|undecided)$/);
    await expect(shown).toHaveText(/^(a synthesised whole face|a replaced or blended face|not decided \(synthesised)/);
  }
}

for (const [name, path] of [['the original photo', astronautPath], ['a self-blended fake', selfBlendedAstronaut().imagePath]]) {
  test(`image (${name}): colour, words and report follow the threshold, and the card says why`, async ({ page }) => {
    await page.goto('/');
    await pick(page, path);
    await expect(page.getByTestId('summary')).toContainText('1 face found');
    const shown = await page.getByTestId('face-probability').textContent();
    const report = await downloadedReport(page);
    // The report's unrounded value: the card's two digits read 0.50 for a score just under a cut-off of 0.50.
    await expectVerdictColourAndCaveat(page, report.faces![0].probability, report);
    await expectForgeryKind(page, report.faces![0].probability, report.faces![0].kind);
    // Unfused (models/manifest.json has no fusion) the score is the multi-task net's, and the card says so instead of a
    // weighing; a classifier the app also runs is listed after it, its output shown beside the score.
    const { multitask, classifier } = manifest.app;
    const { label } = manifest.models[multitask];
    const say = words('en');
    const beside = classifier ? [{ model: classifier, label: manifest.models[classifier].label, probability: expect.any(Number) }] : [];
    await expect(page.getByTestId('why')).toHaveText(say.scoreOneModel(label) + (classifier ? say.scoreBeside([beside[0].label]) : ''));
    expect(report.faces![0].parts).toEqual([{ model: multitask, label, probability: report.faces![0].probability }, ...beside]);
    for (const part of report.faces![0].parts) {
      await expect(page.locator('.details div').filter({ hasText: part.label }).locator('dd')).toHaveText(formatProbability(part.probability));
    }
    expect(formatProbability(report.faces![0].probability)).toBe(shown);
    // "What the scores mean": every band with its cut-off and its measured meaning.
    await expect(page.getByTestId('band-guide').locator('dd')).toHaveText((['none', 'weak', 'moderate', 'strong'] as const).map((band) => bandMeaning(band)));
  });
}

test('faces too small to assess are boxed, not scored, and counted in the headline', async ({ page }) => {
  const { path, faces } = groupPhoto();
  await page.goto('/');
  await pick(page, path);
  await expect(page.getByTestId('summary')).toContainText(`${faces} faces found`);
  const sizes = await page.getByTestId('face-card').evaluateAll((cards) => cards.map((card) => {
    const [width, height] = /(\d+)×(\d+) px/.exec(card.textContent ?? '')!.slice(1).map(Number);
    return Math.min(width, height);
  }));
  const tooSmall = sizes.filter((side) => side < minAssessableFacePx).length;
  // The group's faces are 29-34 px: at least one is under the limit.
  expect(tooSmall).toBeGreaterThan(0);
  await expect(page.getByTestId('face-too-small')).toHaveCount(tooSmall);
  await expect(page.locator('.face-box.too-small')).toHaveCount(tooSmall);
  await expect(page.getByTestId('face-probability')).toHaveCount(faces - tooSmall);
  const summary = page.getByTestId('summary');
  if (tooSmall === faces) {
    await expect(summary).toContainText('all too small to assess');
    await expect(summary).toContainText('cannot be assessed');
  } else {
    await expect(summary).toContainText(`${tooSmall === 1 ? '1 face was' : `${tooSmall} faces were`} too small to assess (under ${minAssessableFacePx} px) and not counted`);
  }
  const report = await downloadedReport(page);
  expect(report.faces!.filter((f) => f.status === 'TOO_SMALL_TO_ASSESS')).toHaveLength(tooSmall);
  expect(report.status).toMatch(tooSmall === faces ? /^UNABLE_TO_EVALUATE$/ : /^(NO_EVIDENCE_FOUND|EVIDENCE_\w+)$/);
});

test('a photo shows its assessable faces first, then the faces too small to assess once the small tiles are searched', async ({ page }) => {
  const { path, faces, tooSmall } = speakerAndCrowd();
  await page.goto('/');
  // Every summary the page shows, in order, from the drop on.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { summaries: string[] }).summaries = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=summary]')?.textContent ?? '';
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await pick(page, path);
  await expect(page.getByTestId('summary')).toContainText(`${faces} faces found`);
  await expect(page.getByTestId('small-face-search')).toHaveCount(0);
  const summaries = await page.evaluate(() => (window as unknown as { summaries: string[] }).summaries);
  // First the speaker alone, scored, while the crowd was still being searched; then everyone.
  expect(summaries[0]).toContain('1 face found');
  expect(summaries[0]).toContain(words('en').searchingSmallFaces);
  expect(summaries.at(-1)).toContain(`${tooSmall} faces were too small to assess`);
  await expect(page.getByTestId('face-too-small')).toHaveCount(tooSmall);
  await expect(page.getByTestId('face-probability')).toHaveCount(faces - tooSmall);
  const report = await downloadedReport(page);
  expect(report.faces!.filter((f) => f.status === 'TOO_SMALL_TO_ASSESS')).toHaveLength(tooSmall);
});

test('video: colour, caveat and report follow the threshold; the person card says why', async ({ page }) => {
  await page.goto('/');
  await pick(page, astronautClip().path);
  await expect(page.getByTestId('summary')).toContainText('1 person tracked', { timeout: 90_000 });
  const report = await downloadedReport(page);
  await expectVerdictColourAndCaveat(page, report.tracks![0].mean, report);
  expect(report.tracks![0].status).toBe(report.status);
  await expectForgeryKind(page, report.tracks![0].mean, report.tracks![0].kind);
  await expect(page.getByTestId('why')).toContainText("mean of the face's probability over its");
  await expect(page.getByTestId('why')).toContainText('leaving out the highest and lowest tenth');
});

"""Evidence bands set by measured false-alarm rates, not by fixed probabilities.

A band's cut-off is the lowest hundredth at which, in the *worst* authentic source and condition of the split, the
share of assessable authentic faces scoring at or above it stays within the band's budget:

  sources     DFDC actors, LFW news photos, FFHQ portraits, UTKFace web photos (authentic faces only)
  conditions  clean; halved + JPEG q40 (jpeg40-half); H.264 CRF 35 (h264-crf35); shrunk to a face of 64-128 px and
              scaled back up as the app's crop does (small; each face at its own seeded size, never under the app's
              smallest assessable face); retouched as cameras' beauty modes and editors do (retouched: skin smoothing,
              blur or sharpening, augment.retouch, each face its own seeded kind and strength; session 34)
  limits      weak 15 %, moderate 5 %, strong 1 % (issue 33); chosen on validation at MARGIN of each limit, so that an
              independent sample (the test split, a user's photos) has room for its own noise

A face the app would not assess (its side in the image, after the condition's resizing, under the smallest assessable
size) counts in neither the numerator nor the denominator. Reported per band, source and condition: the authentic
share at or above the cut-off, and the share of each source's fakes (DFDC, LFW swaps, GAN) caught; AUC per source.

  /usr/bin/python3 -m models.train.bands                          # the app's model (manifest), cut-offs on val, test report
  /usr/bin/python3 -m models.train.bands --write-manifest         # ... and the cut-offs become the app's bands
  /usr/bin/python3 -m models.train.bands --model new=models/work/RUN/last.pt --report val   # a candidate, never the test split

Writes models/work/bands/<model>.json and prints Markdown tables.
"""
import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from .common import MODELS_DIR, WORK_DIR, setup_cpu
from .augment import h264_each, jpeg40_half, retouch
from .data import EVAL_VARIANTS, build_eval_set, load_split
from .evaluate import load_model
from .export import fit_temperature
from .face_size import at_face_size
from .metrics import auc, probability
from .train import predict

BANDS = ('weak', 'moderate', 'strong')
LIMITS = {'weak': 0.15, 'moderate': 0.05, 'strong': 0.01}
MARGIN = 0.8
CONDITIONS = EVAL_VARIANTS + ('small', 'retouched')
# The authentic sources as the issue names them: FFHQ photos are the reals of the 'gan' source.
AUTHENTIC = {'dfdc': 'real/dfdc_faces_ishreyansh', 'lfw': 'real/lfw_rees451',
             'ffhq': ('real/ffhq_faceorfake', 'real/ffhq_realorfake'), 'utk': 'real/utkface_mohanish'}
FAKE_SOURCES = ('dfdc', 'lfw', 'gan')
SMALL_MAX_PX = 128
# The share of the image a condition keeps: jpeg40-half halves the whole image, so the face too.
SCALE = {'clean': 1.0, 'jpeg40-half': 0.5, 'h264-crf35': 1.0, 'small': 1.0, 'retouched': 1.0}
OUT_DIR = WORK_DIR / 'bands'
MANIFEST = MODELS_DIR / 'manifest.json'


def _sizes(count: int, min_face_px: int, seed: int) -> np.ndarray:
    return np.random.default_rng([seed, 64128]).integers(min_face_px, SMALL_MAX_PX + 1, count)


def _small(images: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    return np.concatenate([at_face_size(images[i:i + 1], int(side)) for i, side in enumerate(sizes)])


def condition_images(store, condition: str, min_face_px: int, split: str) -> np.ndarray:
    """The split's crops (reals and dataset fakes, no self-blends) under one condition, one condition in memory at a time."""
    clean = store.images
    if condition == 'clean':
        return clean
    if condition == 'jpeg40-half':
        return np.stack([jpeg40_half(np.asarray(x)) for x in clean])
    if condition == 'h264-crf35':
        return h264_each(clean, np.full(len(clean), 35))
    split_code = {'train': 0, 'val': 1, 'test': 2}[split]
    if condition == 'retouched':
        return np.stack([retouch(np.asarray(x), np.random.default_rng([split_code, 7301, i])) for i, x in enumerate(clean)])
    return _small(clean, _sizes(len(clean), min_face_px, split_code))


def assessable_faces(store, condition: str, min_face_px: int) -> np.ndarray:
    """Whether the app would assess each face of the split under a condition: its side in the image, after the
    condition's resizing, at least the smallest assessable face."""
    return np.array([r['boxWidth'] for r in store.records], np.float64) * SCALE[condition] >= min_face_px


def score_split(model, temperature: float, split: str, min_face_px: int, cache_key: str) -> dict:
    """Probabilities of the split's reals and dataset fakes under every condition, with what the app would assess;
    kept in models/work/bands/ under the model file's hash, so that reports with other choices cost no second pass."""
    cache = OUT_DIR / f'{cache_key}-{temperature:.6f}-{min_face_px}.{split}.npz'
    saved = dict(np.load(cache, allow_pickle=False)) if cache.exists() else {}
    store = load_split(split)
    scores, assessable = {}, {}
    for condition in CONDITIONS:
        # A cache written before a condition was added keeps its other conditions.
        scores[condition] = saved.get(f'scores-{condition}')
        if scores[condition] is None:
            scores[condition] = probability(predict(model, condition_images(store, condition, min_face_px, split))[0], temperature)
        assessable[condition] = assessable_faces(store, condition, min_face_px)
    groups, sources, labels = store.folders, store.sources, store.labels
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    np.savez(cache, groups=groups, sources=sources, labels=labels, **{f'scores-{c}': v for c, v in scores.items()},
             **{f'assessable-{c}': v for c, v in assessable.items()})
    return {'scores': scores, 'assessable': assessable, 'groups': groups, 'sources': sources, 'labels': labels}


def authentic_rows(scored: dict, condition: str) -> dict:
    """Authentic source -> the assessable authentic faces' scores under a condition."""
    ok = scored['assessable'][condition] & (scored['labels'] == 0)
    return {name: scored['scores'][condition][ok & np.isin(scored['groups'], folders)] for name, folders in AUTHENTIC.items()}


# The cut-offs the app can show exactly (src/pipeline/evidence.ts formatProbability): hundredths up to 0.99, then
# thousandths up to 0.999, then ten-thousandths; a calibrated net's authentic faces can crowd the top hundredth.
CUT_GRID = np.round(np.concatenate([np.arange(0.5, 0.99, 0.01), np.arange(0.99, 0.999, 0.001), np.arange(0.999, 0.99995, 0.0001)]), 4)


def lowest_cut(scores: np.ndarray, budget: float) -> float:
    """The lowest cut c of CUT_GRID with mean(scores >= c) <= budget."""
    for c in CUT_GRID:
        if (scores >= c).mean() <= budget + 1e-12:
            return float(c)
    return 1.0


def choose_bands(scored: dict, margin: float = MARGIN, without=()) -> dict:
    """Each band's cut-off (never below the band under it) and the source and condition that set it; `without`: authentic
    sources left out of the choice (leave-one-source-out: how the bands hold on faces from somewhere new)."""
    chosen, floor = {}, 0.5
    for band in BANDS:
        worst = max(((lowest_cut(s, LIMITS[band] * margin), source, condition)
                     for condition in CONDITIONS for source, s in authentic_rows(scored, condition).items()
                     if len(s) and source not in without))
        cut = max(worst[0], floor)
        chosen[band] = {'cut': cut, 'set_by': f'{worst[1]} {worst[2]}'}
        floor = float(CUT_GRID[min(np.searchsorted(CUT_GRID, cut) + 1, len(CUT_GRID) - 1)])
    return chosen


def report(scored: dict, cuts: dict) -> dict:
    """Per condition: authentic share at or above each cut-off per source (with n), fakes caught per source, AUC."""
    out = {}
    for condition in CONDITIONS:
        p, ok, labels, sources = scored['scores'][condition], scored['assessable'][condition], scored['labels'], scored['sources']
        authentic = {name: {'n': int(len(s)), **{band: float((s >= cuts[band]).mean()) if len(s) else None for band in BANDS}}
                     for name, s in authentic_rows(scored, condition).items()}
        fakes, aucs = {}, {}
        for source in FAKE_SOURCES:
            mine = ok & (sources == source)
            fake = p[mine & (labels == 1)]
            fakes[source] = {'n': int(len(fake)), 'assessed': float(mine[labels == 1].sum() / max((sources[labels == 1] == source).sum(), 1)),
                             **{band: float((fake >= cuts[band]).mean()) if len(fake) else None for band in BANDS}}
            aucs[source] = auc(labels[mine], p[mine]) if len(fake) else None
        aucs['dataset'] = auc(labels[ok], p[ok])
        out[condition] = {'authentic': authentic, 'fakes': fakes, 'auc': aucs}
    return out


def size_table(model, temperature: float, split: str, cuts: dict, sizes) -> list:
    """The split's clean crops with every face shrunk to S px (and back up, as the app's crop does), per S: AUC per
    source, and per authentic source the share at or above each cut-off: where the bands still hold."""
    store = load_split(split)
    images, labels, sources, groups = store.images, store.labels, store.sources, store.folders
    rows = []
    for side in sizes:
        p = probability(predict(model, at_face_size(images, side))[0], temperature)
        authentic = {name: {band: float((p[(labels == 0) & np.isin(groups, folders)] >= cuts[band]).mean()) for band in BANDS}
                     for name, folders in AUTHENTIC.items()}
        rows.append({'side': side, 'auc': {s: auc(labels[sources == s], p[sources == s]) for s in FAKE_SOURCES},
                     'authentic': authentic,
                     'holds': all(a[band] <= LIMITS[band] for a in authentic.values() for band in BANDS)})
    return rows


def _pct(x) -> str:
    return '–' if x is None else f'{100 * x:.1f} %'


def print_tables(name: str, split: str, rows: dict, cuts: dict) -> None:
    print(f'\n{name} on {split}: weak >= {cuts["weak"]}, moderate >= {cuts["moderate"]}, strong >= {cuts["strong"]}')
    print('| condition | ' + ' | '.join(f'authentic {s}: weak / moderate / strong (n)' for s in AUTHENTIC) + ' |')
    print('|---|' + '---|' * len(AUTHENTIC))
    for condition, r in rows.items():
        print(f'| {condition} | ' + ' | '.join(f'{_pct(a["weak"])} / {_pct(a["moderate"])} / {_pct(a["strong"])} ({a["n"]})'
                                              for a in r['authentic'].values()) + ' |')
    print('| condition | ' + ' | '.join(f'{s} fakes at moderate or above (assessed)' for s in FAKE_SOURCES) + ' | AUC dataset / '
          + ' / '.join(FAKE_SOURCES) + ' |')
    print('|---|' + '---|' * (len(FAKE_SOURCES) + 1))
    for condition, r in rows.items():
        aucs = ' / '.join('–' if r['auc'][k] is None else f'{r["auc"][k]:.3f}' for k in ('dataset',) + FAKE_SOURCES)
        print(f'| {condition} | ' + ' | '.join(f'{_pct(f["moderate"])} ({_pct(f["assessed"])})' for f in r['fakes'].values())
              + f' | {aucs} |')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--model', help='NAME=ARCH:FILE.onnx or NAME=CHECKPOINT.pt (default: the app model in the manifest)')
    parser.add_argument('--arch', default='mnv2-multitask-separable', help="the app model's architecture (its card says)")
    parser.add_argument('--report', default='test', choices=('val', 'test'), help='the split the chosen cut-offs are reported on')
    parser.add_argument('--min-face-px', type=int, help="smallest assessable face (default: the manifest's bands.minFacePx, else 72)")
    parser.add_argument('--choose-without', action='append', default=[], choices=tuple(AUTHENTIC),
                        help='an authentic source left out of choosing the cut-offs (still reported)')
    parser.add_argument('--cuts', help='weak,moderate,strong: report these cut-offs instead of choosing them')
    parser.add_argument('--sizes', help='e.g. 48,56,64,72,96,128: also the face-size table on the report split at the chosen cut-offs')
    parser.add_argument('--write-manifest', action='store_true', help="make the chosen cut-offs the app's bands")
    args = parser.parse_args()
    setup_cpu()
    manifest = json.loads(MANIFEST.read_text())
    min_face_px = args.min_face_px or manifest.get('bands', {}).get('minFacePx', 72)
    app_name = manifest['app']['multitask']
    spec = args.model or f'{app_name}={args.arch}:{MODELS_DIR / manifest["models"][app_name]["file"]}'
    name, model, _ = load_model(spec, fp32=False)
    model_file = spec.partition('=')[2].rpartition(':')[2] or str(WORK_DIR / name / 'best.pt')
    cache_key = hashlib.sha256(Path(model_file).read_bytes()).hexdigest()[:16]
    temperature = manifest['models'][app_name]['temperature'] if not args.model else None
    if temperature is None:
        # As export.py will calibrate it: every clean validation item, self-blends too; a source left out of the choice
        # is left out of the calibration as well (leave-one-source-out: the net trained without it never saw it).
        left_out = [str(f) for s in args.choose_without for f in np.atleast_1d(AUTHENTIC[s])]
        val_set = build_eval_set('val').without(left_out)
        temperature = fit_temperature(predict(model, val_set.images['clean'])[0], val_set.labels)
    val = score_split(model, temperature, 'val', min_face_px, cache_key)
    if args.cuts:
        cuts = dict(zip(BANDS, (float(c) for c in args.cuts.split(','))))
        chosen = {band: {'cut': cuts[band], 'set_by': 'given'} for band in BANDS}
    else:
        chosen = choose_bands(val, without=args.choose_without)
        cuts = {band: chosen[band]['cut'] for band in BANDS}
    out = {'model': name, 'temperature': temperature, 'minFacePx': min_face_px, 'limits': LIMITS, 'margin': MARGIN,
           'chosen_on': 'val', 'chosen_without': args.choose_without, 'bands': chosen, 'val': report(val, cuts)}
    print_tables(name, 'val', out['val'], cuts)
    if args.report == 'test':
        out['test'] = report(score_split(model, temperature, 'test', min_face_px, cache_key), cuts)
        print_tables(name, 'test', out['test'], cuts)
    if args.sizes:
        out['sizes'] = size_table(model, temperature, args.report, cuts, [int(s) for s in args.sizes.split(',')])
        print(f'\n| face size (px) on {args.report} | AUC ' + ' / '.join(FAKE_SOURCES) + ' | '
              + ' | '.join(f'authentic {s} weak / moderate / strong' for s in AUTHENTIC) + ' | bands hold |')
        print('|---|---|' + '---|' * len(AUTHENTIC) + '---|')
        for row in out['sizes']:
            print(f'| {row["side"]} | ' + ' / '.join(f'{row["auc"][s]:.3f}' for s in FAKE_SOURCES) + ' | '
                  + ' | '.join(' / '.join(_pct(a[b]) for b in BANDS) for a in row['authentic'].values())
                  + f' | {"yes" if row["holds"] else "no"} |')
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    suffix = ''.join(f'.without-{s}' for s in args.choose_without)
    (OUT_DIR / f'{name}{suffix}.json').write_text(json.dumps(out, indent=1))
    if args.write_manifest:
        manifest['bands'] = {**cuts, 'limits': LIMITS, 'minFacePx': min_face_px}
        MANIFEST.write_text(json.dumps(manifest, indent=2) + '\n')
        print(f'manifest: bands {cuts}')


if __name__ == '__main__':
    main()

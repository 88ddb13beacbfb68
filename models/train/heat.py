"""How well the heat shows where, and on which faces it shows at all (issue 35). The heat is what the app draws: the
multi-task net's mask and, where the mask is unsure, its class activation map (export.face_heat, the graph's `heat`
output), drawn (src/pipeline/heatmap.ts) not at all below the weak band and only in the legend's lower half at weak;
so heat over at least 5 % of a face's crop in the legend's upper half (the eval's `heatArea`) comes from the moderate
band up.

  /usr/bin/python3 -m models.train.heat [--split test]       the app's model, the manifest's bands and temperature

- DFDC fakes whose pair is one frame (dfdc_pairs.py): IoU of heat > 0.5 with the changed region, whatever the band (where
  the heat points; the band decides how strongly it is drawn); beside it the mask's alone, and two baselines that know
  nothing of the image: the whole crop, and the train split's mean changed region cut at 0.5.
- Self-blends (one per authentic crop, the eval set), each condition: IoU of heat > 0.5 and of the mask > 0.5.
- Per authentic source (bands.AUTHENTIC) and condition (bands.CONDITIONS), the share of assessable authentic faces with
  heat over at least 5 % of the crop; per fake source, the share of the assessable fakes at moderate or above that have it.

Each for the graph's heat and for maps relative to the face (RELATIVE_SHARES). Writes models/work/heat-<split>.json and
prints Markdown tables.
"""
import argparse
import json

import numpy as np
import torch

from .bands import AUTHENTIC, CONDITIONS, FAKE_SOURCES, MANIFEST, assessable_faces, condition_images
from .common import MODELS_DIR, WORK_DIR, setup_cpu
from .data import EVAL_VARIANTS, build_eval_set, load_split, to_input
from .dfdc_pairs import load_pairs
from .evaluate import load_model
from .export import Calibrated, face_heat
from .metrics import mask_iou
from .train import target_masks

MIN_AREA = 0.05
LEGEND_MIDPOINT = 0.5


@torch.no_grad()
def calibrated_outputs(calibrated: Calibrated, images: np.ndarray, batch_size: int = 64):
    """(probability, mask, evidence logits) as the app's graph has them before the heat: masks N x 64 x 64, the class
    activation map's logits N x 1 x 16 x 16."""
    probabilities, masks, evidences = [], [], []
    for start in range(0, len(images), batch_size):
        logit, mask, *_, evidence = calibrated.model(to_input(torch.from_numpy(np.ascontiguousarray(images[start:start + batch_size]))), evidence=True)
        probabilities.append(torch.sigmoid(logit[:, 0] / calibrated.temperature).numpy())
        masks.append(torch.sigmoid(mask[:, 0]).numpy())
        evidences.append(evidence.numpy())
    return np.concatenate(probabilities), np.concatenate(masks), np.concatenate(evidences)


# Heats compared: the graph's (`app`: the activation map as a probability, calibrated as the score; its part above 0.5 is
# where the map's logit is positive, whatever the temperature), and maps relative to the face (`top Q`: the share Q of
# the face's 16 x 16 locations where its map is highest, wherever its level), each beside the mask as face_heat joins them.
RELATIVE_SHARES = (0.2, 0.3, 0.4)


def heat_variants(mask: np.ndarray, evidence: np.ndarray, temperature: float) -> dict:
    """Variant name -> heat, N x 64 x 64."""
    joined = lambda e: face_heat(torch.from_numpy(mask[:, None]), torch.from_numpy(e.astype(np.float32)))[:, 0].numpy()
    flat = evidence.reshape(len(evidence), -1)
    out = {'app': joined(1 / (1 + np.exp(-evidence / temperature)))}
    for share in RELATIVE_SHARES:
        cut = np.quantile(flat, 1 - share, axis=1)[:, None, None, None]
        out[f'top {share:.0%}'] = joined((evidence >= cut).astype(np.float32))
    return out


def pair_figures(calibrated: Calibrated, split: str) -> dict:
    store = load_split(split)
    pairs = load_pairs(split, store)
    rows = np.flatnonzero(pairs.aligned & pairs.changed)
    probability, mask, evidence = calibrated_outputs(calibrated, store.images[pairs.fake[rows]])
    target = target_masks(pairs.masks[rows], mask.shape[-1])
    train_pairs = load_pairs('train', load_split('train'))
    prior = target_masks(train_pairs.masks[train_pairs.aligned & train_pairs.changed], mask.shape[-1]).mean(0, keepdims=True)
    return {'n': int(len(rows)), 'heat_iou': {k: mask_iou(h, target) for k, h in heat_variants(mask, evidence, calibrated.temperature).items()},
            'mask_iou': mask_iou(mask, target), 'whole_crop_iou': mask_iou(np.ones_like(target), target),
            'train_mean_region_iou': mask_iou(np.broadcast_to(prior, target.shape), target), 'target_area': float((target > 0.5).mean())}


def selfblend_figures(calibrated: Calibrated, split: str) -> dict:
    eval_set = build_eval_set(split)
    blends = eval_set.kinds == 'sbi'
    target = target_masks(eval_set.masks[blends], calibrated.model.mask_size)
    out = {}
    for variant in EVAL_VARIANTS:
        _, mask, evidence = calibrated_outputs(calibrated, eval_set.images[variant][blends])
        out[variant] = {'n': int(blends.sum()), 'heat_iou': {k: mask_iou(h, target) for k, h in heat_variants(mask, evidence, calibrated.temperature).items()},
                        'mask_iou': mask_iou(mask, target)}
    return out


def coverage_figures(calibrated: Calibrated, split: str, cuts: dict, min_face_px: int) -> dict:
    """Per condition and heat variant: the share of authentic faces (per source) and of fakes at moderate or above
    (per source) with heat over MIN_AREA of the crop in the legend's upper half. The app draws heat at full strength from
    the moderate band up only, so an authentic face below it counts as none."""
    store = load_split(split)
    out = {}
    for condition in CONDITIONS:
        probability, mask, evidence = calibrated_outputs(calibrated, condition_images(store, condition, min_face_px, split))
        assessable = assessable_faces(store, condition, min_face_px)
        moderate = probability >= cuts['moderate']
        out[condition] = {}
        for t, heat in heat_variants(mask, evidence, calibrated.temperature).items():
            covered = assessable & moderate & ((heat > LEGEND_MIDPOINT).mean((1, 2)) >= MIN_AREA)
            authentic = {}
            for name, folders in AUTHENTIC.items():
                mine = assessable & (store.labels == 0) & np.isin(store.folders, folders)
                authentic[name] = {'n': int(mine.sum()), 'covered': float(covered[mine].mean()) if mine.any() else None}
            fakes = {}
            for source in FAKE_SOURCES:
                caught = assessable & moderate & (store.labels == 1) & (store.sources == source)
                fakes[source] = {'moderate_or_above': int(caught.sum()), 'covered': float(covered[caught].mean()) if caught.any() else None}
            out[condition][t] = {'authentic': authentic, 'fakes': fakes}
    return out


def _pct(x) -> str:
    return '–' if x is None else f'{100 * x:.1f} %'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--split', default='test', choices=('val', 'test'))
    parser.add_argument('--arch', default='mnv2-multitask-separable', help="the app model's architecture (its card says)")
    args = parser.parse_args()
    setup_cpu()
    manifest = json.loads(MANIFEST.read_text())
    name = manifest['app']['multitask']
    entry = manifest['models'][name]
    _, model, _ = load_model(f'{name}={args.arch}:{MODELS_DIR / entry["file"]}', fp32=False)
    calibrated = Calibrated(model, entry['temperature']).eval()
    bands = manifest['bands']
    figures = {'model': entry['version'], 'split': args.split, 'bands': bands,
               'pairs': pair_figures(calibrated, args.split), 'selfblends': selfblend_figures(calibrated, args.split),
               'coverage': coverage_figures(calibrated, args.split, bands, bands['minFacePx'])}
    (WORK_DIR / f'heat-{args.split}.json').write_text(json.dumps(figures, indent=1))
    p = figures['pairs']
    variants = list(p['heat_iou'])
    print(f'{entry["version"]} on {args.split}\n')
    print(f'One-frame DFDC pairs (n {p["n"]}, changed region {_pct(p["target_area"])} of the crop): mask alone IoU {p["mask_iou"]:.3f}; '
          f'baselines: whole crop {p["whole_crop_iou"]:.3f}, train mean region {p["train_mean_region_iou"]:.3f}\n')
    print('| heat | DFDC pairs IoU | ' + ' | '.join(f'self-blends {v} IoU' for v in EVAL_VARIANTS) + ' |\n|---|---|' + '---|' * len(EVAL_VARIANTS))
    for k in variants:
        print(f'| {k} | {p["heat_iou"][k]:.3f} | ' + ' | '.join(f'{figures["selfblends"][v]["heat_iou"][k]:.3f}' for v in EVAL_VARIANTS) + ' |')
    print('| mask alone | ' + f'{p["mask_iou"]:.3f} | ' + ' | '.join(f'{figures["selfblends"][v]["mask_iou"]:.3f}' for v in EVAL_VARIANTS) + ' |')
    for k in variants:
        print(f'\nheat: {k}\n\n| condition | ' + ' | '.join(f'authentic {s}: heat >= 5 % (n)' for s in AUTHENTIC) + ' | '
              + ' | '.join(f'{s} fakes at moderate+: with heat (n)' for s in FAKE_SOURCES) + ' |')
        print('|---|' + '---|' * (len(AUTHENTIC) + len(FAKE_SOURCES)))
        for condition, by_variant in figures['coverage'].items():
            c = by_variant[k]
            print(f'| {condition} | ' + ' | '.join(f'{_pct(a["covered"])} ({a["n"]})' for a in c['authentic'].values()) + ' | '
                  + ' | '.join(f'{_pct(f["covered"])} ({f["moderate_or_above"]})' for f in c['fakes'].values()) + ' |')


if __name__ == '__main__':
    main()

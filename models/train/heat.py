"""How well the heat shows where, and on which faces it shows at all (issue 35). The heat is what the app draws: the
multi-task net's mask and, where the mask is unsure, its class activation map (export.face_heat, the graph's `heat`
output), drawn (src/pipeline/heatmap.ts) not at all below the weak band and only in the legend's lower half at weak;
so heat over at least 5 % of a face's crop in the legend's upper half (the eval's `heatArea`) comes from the moderate
band up.

  /usr/bin/python3 -m models.train.heat [--split test] [--heat-temperatures 0.5,1,1.65]   the app's model, the manifest's bands

- DFDC fakes whose pair is one frame (dfdc_pairs.py): IoU of heat > 0.5 with the changed region, whatever the band (where
  the heat points; the band decides how strongly it is drawn); beside it the mask's alone, and two baselines that know
  nothing of the image: the whole crop, and the train split's mean changed region cut at 0.5.
- Self-blends (one per authentic crop, the eval set), each condition: IoU of heat > 0.5 and of the mask > 0.5.
- Per authentic source (bands.AUTHENTIC) and condition (bands.CONDITIONS), the share of assessable authentic faces with
  heat over at least 5 % of the crop; per fake source, the share of the assessable fakes at moderate or above that have it.

Writes models/work/heat-<split>.json and prints Markdown tables.
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


def heat_at(mask: np.ndarray, evidence: np.ndarray, heat_temperature: float) -> np.ndarray:
    """The graph's heat output (export.face_heat) with the activation map divided by heat_temperature, N x 64 x 64."""
    return face_heat(torch.from_numpy(mask[:, None]), torch.sigmoid(torch.from_numpy(evidence) / heat_temperature))[:, 0].numpy()


def pair_figures(calibrated: Calibrated, split: str, temperatures) -> dict:
    store = load_split(split)
    pairs = load_pairs(split, store)
    rows = np.flatnonzero(pairs.aligned & pairs.changed)
    probability, mask, evidence = calibrated_outputs(calibrated, store.images[pairs.fake[rows]])
    target = target_masks(pairs.masks[rows], mask.shape[-1])
    train_pairs = load_pairs('train', load_split('train'))
    prior = target_masks(train_pairs.masks[train_pairs.aligned & train_pairs.changed], mask.shape[-1]).mean(0, keepdims=True)
    return {'n': int(len(rows)), 'heat_iou': {t: mask_iou(heat_at(mask, evidence, t), target) for t in temperatures},
            'mask_iou': mask_iou(mask, target), 'whole_crop_iou': mask_iou(np.ones_like(target), target),
            'train_mean_region_iou': mask_iou(np.broadcast_to(prior, target.shape), target), 'target_area': float((target > 0.5).mean())}


def selfblend_figures(calibrated: Calibrated, split: str, temperatures) -> dict:
    eval_set = build_eval_set(split)
    blends = eval_set.kinds == 'sbi'
    target = target_masks(eval_set.masks[blends], calibrated.model.mask_size)
    out = {}
    for variant in EVAL_VARIANTS:
        _, mask, evidence = calibrated_outputs(calibrated, eval_set.images[variant][blends])
        out[variant] = {'n': int(blends.sum()), 'heat_iou': {t: mask_iou(heat_at(mask, evidence, t), target) for t in temperatures},
                        'mask_iou': mask_iou(mask, target)}
    return out


def coverage_figures(calibrated: Calibrated, split: str, cuts: dict, min_face_px: int, temperatures) -> dict:
    """Per condition and heat temperature: the share of authentic faces (per source) and of fakes at moderate or above
    (per source) with heat over MIN_AREA of the crop in the legend's upper half. The app draws heat at full strength from
    the moderate band up only, so an authentic face below it counts as none."""
    store = load_split(split)
    out = {}
    for condition in CONDITIONS:
        probability, mask, evidence = calibrated_outputs(calibrated, condition_images(store, condition, min_face_px, split))
        assessable = assessable_faces(store, condition, min_face_px)
        moderate = probability >= cuts['moderate']
        out[condition] = {}
        for t in temperatures:
            covered = assessable & moderate & ((heat_at(mask, evidence, t) > LEGEND_MIDPOINT).mean((1, 2)) >= MIN_AREA)
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
    parser.add_argument('--heat-temperatures', help="e.g. 0.5,1,1.65: the activation map's temperature to compare (choose on val; "
                                                    "default: the manifest's heatTemperature, else the model's T)")
    args = parser.parse_args()
    setup_cpu()
    manifest = json.loads(MANIFEST.read_text())
    name = manifest['app']['multitask']
    entry = manifest['models'][name]
    _, model, _ = load_model(f'{name}={args.arch}:{MODELS_DIR / entry["file"]}', fp32=False)
    calibrated = Calibrated(model, entry['temperature']).eval()
    temperatures = ([float(t) for t in args.heat_temperatures.split(',')] if args.heat_temperatures
                    else [entry.get('heatTemperature', entry['temperature'])])
    bands = manifest['bands']
    figures = {'model': entry['version'], 'split': args.split, 'bands': bands, 'heat_temperatures': temperatures,
               'pairs': pair_figures(calibrated, args.split, temperatures), 'selfblends': selfblend_figures(calibrated, args.split, temperatures),
               'coverage': coverage_figures(calibrated, args.split, bands, bands['minFacePx'], temperatures)}
    suffix = '' if not args.heat_temperatures else '-grid'
    (WORK_DIR / f'heat-{args.split}{suffix}.json').write_text(json.dumps(figures, indent=1))
    p = figures['pairs']
    print(f'{entry["version"]} on {args.split}; T {entry["temperature"]}\n')
    print(f'One-frame DFDC pairs (n {p["n"]}, changed region {_pct(p["target_area"])} of the crop): mask IoU {p["mask_iou"]:.3f}; '
          f'baselines: whole crop {p["whole_crop_iou"]:.3f}, train mean region {p["train_mean_region_iou"]:.3f}\n')
    print('| heat temperature | DFDC pairs heat IoU | ' + ' | '.join(f'self-blends {v} heat IoU' for v in EVAL_VARIANTS) + ' |\n|---|---|' + '---|' * len(EVAL_VARIANTS))
    for t in temperatures:
        print(f'| {t} | {p["heat_iou"][t]:.3f} | ' + ' | '.join(f'{figures["selfblends"][v]["heat_iou"][t]:.3f}' for v in EVAL_VARIANTS) + ' |')
    print('| (mask alone) | ' + f'{p["mask_iou"]:.3f} | ' + ' | '.join(f'{figures["selfblends"][v]["mask_iou"]:.3f}' for v in EVAL_VARIANTS) + ' |')
    for t in temperatures:
        print(f'\nheat temperature {t}\n\n| condition | ' + ' | '.join(f'authentic {s}: heat >= 5 % (n)' for s in AUTHENTIC) + ' | '
              + ' | '.join(f'{s} fakes at moderate+: with heat (n)' for s in FAKE_SOURCES) + ' |')
        print('|---|' + '---|' * (len(AUTHENTIC) + len(FAKE_SOURCES)))
        for condition, by_t in figures['coverage'].items():
            c = by_t[t]
            print(f'| {condition} | ' + ' | '.join(f'{_pct(a["covered"])} ({a["n"]})' for a in c['authentic'].values()) + ' | '
                  + ' | '.join(f'{_pct(f["covered"])} ({f["moderate_or_above"]})' for f in c['fakes'].values()) + ' |')


if __name__ == '__main__':
    main()

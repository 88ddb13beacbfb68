"""DFDC fakes paired with the real crop of their source video, and where the fake changed it.

Where a DFDC group holds one real and one fake image, the two are the same frame of the same video (the fake made
from the real), nearly pixel-aligned: their difference, after a sub-pixel shift, shows the swapped region. It gives
the fake a manipulation mask (ClassNSeg's masks came from such differences on FaceForensics++), and the pair in one
batch shows the net what the fake changed rather than whose face it is. A pair whose difference stays large over the
whole frame is not one frame (a different moment or a moved camera): it keeps its pairing but gets no mask.

  /usr/bin/python3 -m models.train.dfdc_pairs --sheet PNG   build the train split's pairs and draw a sample of masks

How well the app's heat finds the changed region of the one-frame fakes: heat.py.
"""
import argparse
import json
import os

import cv2
import numpy as np

from .common import CROPS_DIR, DATASET_DIR, INPUT_SIZE, SEED, WORK_DIR, label_of, setup_cpu
from .data import DfdcPairs, load_split
from .splits import dfdc_groups

# Median of the blurred difference (grey levels) above which the pair is not one frame: aligned pairs measured
# 3-7, pairs from different moments 15-30 (session 30, a sample of 16 looked at).
ALIGNED_NOISE = 8.0
# A difference counts as a change above this many grey levels, or 2.5 times the pair's own median, whichever is more.
CHANGE_LEVEL = 8.0
# Changed areas smaller than this share of the frame are compression noise; a fake with none of them shows no change.
MIN_REGION = 0.005


def difference_mask(real: np.ndarray, fake: np.ndarray):
    """(mask float HxW in [0, 1] in the fake image's pixels, the pair's median difference, any changed region)."""
    real_f, fake_f = real.astype(np.float32), fake.astype(np.float32)
    (dx, dy), _ = cv2.phaseCorrelate(cv2.cvtColor(real_f, cv2.COLOR_BGR2GRAY), cv2.cvtColor(fake_f, cv2.COLOR_BGR2GRAY))
    height, width = real.shape[:2]
    shifted = cv2.warpAffine(real_f, np.float32([[1, 0, dx], [0, 1, dy]]), (width, height), borderMode=cv2.BORDER_REPLICATE)
    scale = width / 224
    difference = cv2.GaussianBlur(np.abs(shifted - fake_f).mean(2), (0, 0), 3 * scale)
    noise = float(np.median(difference))
    changed = (difference > max(CHANGE_LEVEL, 2.5 * noise)).astype(np.uint8)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (int(15 * scale) | 1,) * 2)
    changed = cv2.morphologyEx(changed, cv2.MORPH_CLOSE, kernel)
    count, labels, stats, centres = cv2.connectedComponentsWithStats(changed)
    # Changes centred near the frame's edge are re-encoding at the border, not the face.
    inner = lambda k: (np.abs(centres[k] / (width, height) - 0.5) < 0.35).all()
    regions = [k for k in range(1, count) if stats[k, cv2.CC_STAT_AREA] >= MIN_REGION * width * height and inner(k)]
    mask = np.zeros((height, width), np.float32)
    if regions:
        points = np.concatenate([np.argwhere(labels == k)[:, ::-1] for k in regions]).astype(np.int32)
        # The swapped region is one face-shaped area; the raw difference is patchy where source and target look alike.
        cv2.fillConvexPoly(mask, cv2.convexHull(points), 1.0)
        mask = cv2.GaussianBlur(mask, (0, 0), 2 * scale)
    return mask, noise, bool(regions)


def _crop_meta(source: str) -> dict:
    return json.loads((CROPS_DIR / (os.path.splitext(source)[0] + '__f0.json')).read_text())


def _to_crop(mask: np.ndarray, meta: dict) -> np.ndarray:
    """A mask in image pixels -> the app's crop (the crop's `toImage` maps crop pixels to image pixels)."""
    to_image = np.array(meta['toImage'], np.float64).reshape(2, 3)
    return cv2.warpAffine(mask, to_image, (INPUT_SIZE, INPUT_SIZE), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP)


def build_pairs(store) -> DfdcPairs:
    index = {record['source']: i for i, record in enumerate(store.records)}
    fakes, reals, aligned, changed, masks = [], [], [], [], []
    for members in dfdc_groups().values():
        real_paths = [path for path in members if not label_of(path)]
        if len(real_paths) != 1:
            continue
        real = real_paths[0]
        for fake in (path for path in members if label_of(path)):
            if real not in index or fake not in index:
                continue
            mask, noise, any_change = difference_mask(cv2.imread(str(DATASET_DIR / real)), cv2.imread(str(DATASET_DIR / fake)))
            one_frame = noise <= ALIGNED_NOISE
            fakes.append(index[fake])
            reals.append(index[real])
            aligned.append(one_frame)
            changed.append(any_change or not one_frame)
            crop_mask = _to_crop(mask, _crop_meta(fake)) if one_frame else np.zeros((INPUT_SIZE, INPUT_SIZE), np.float32)
            masks.append(np.round(crop_mask * 255).astype(np.uint8))
    return DfdcPairs(np.array(fakes, np.int64), np.array(reals, np.int64), np.array(aligned), np.array(changed),
                     np.stack(masks) if masks else np.zeros((0, INPUT_SIZE, INPUT_SIZE), np.uint8))


def load_pairs(split: str, store) -> DfdcPairs:
    """build_pairs, cached in models/work/cache next to the split's crops."""
    path = WORK_DIR / 'cache' / f'{split}-dfdc-pairs.npz'
    if not path.exists() or path.stat().st_mtime < (WORK_DIR / 'cache' / f'{split}.json').stat().st_mtime:
        pairs = build_pairs(store)
        np.savez(path, fake=pairs.fake, real=pairs.real, aligned=pairs.aligned, changed=pairs.changed, masks=pairs.masks)
    saved = np.load(path)
    return DfdcPairs(saved['fake'], saved['real'], saved['aligned'], saved['changed'], saved['masks'])


def _sheet(store, pairs: DfdcPairs, path: str, count: int = 12) -> None:
    """Real crop, fake crop, fake with its mask in red: a sample of aligned pairs, for looking at."""
    rows = []
    for row in np.random.default_rng(SEED).choice(np.flatnonzero(pairs.aligned), count, replace=False):
        real, fake = np.asarray(store.images[pairs.real[row]]), np.asarray(store.images[pairs.fake[row]])
        overlay = fake.copy()
        overlay[..., 0] = np.maximum(overlay[..., 0], pairs.masks[row])
        rows.append(np.hstack([real, fake, overlay]))
    sheet = np.vstack([np.hstack(rows[i:i + 2]) for i in range(0, len(rows) - 1, 2)])
    cv2.imwrite(path, cv2.resize(sheet, None, fx=0.5, fy=0.5)[..., ::-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--split', default='train')
    parser.add_argument('--sheet', help='write a contact sheet of aligned pairs and their masks here (PNG)')
    args = parser.parse_args()
    setup_cpu()
    store = load_split(args.split)
    pairs = load_pairs(args.split, store)
    print(f'{args.split}: {len(pairs.fake)} DFDC fakes paired with their real crop; one frame: {int(pairs.aligned.sum())}; '
          f'one frame and no visible change: {int((~pairs.changed).sum())}; mean mask area of aligned pairs '
          f'{pairs.masks[pairs.aligned].mean() / 255:.3f}')
    if args.sheet:
        _sheet(store, pairs, args.sheet)


if __name__ == '__main__':
    main()

"""Face crops made by the app (`npm run crops`), the training set with on-the-fly self-blending,
and the fixed validation / test sets."""
import json
import os
from dataclasses import dataclass

import cv2
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

from .augment import DEGRADATIONS, H264_CRF_RANGE, h264, h264_each, jpeg40_half, retouch
from .common import CROPS_DIR, INPUT_SIZE, SEED, SOURCES, WORK_DIR, group_of, label_of, source_of
from .sbi import self_blend
from .splits import read_split

EVAL_VARIANTS = ('clean', 'jpeg40-half', 'h264-crf35')


def _points(items) -> np.ndarray:
    return np.array([[p['x'], p['y']] for p in items], np.float32)


@dataclass
class CropStore:
    """Face f0 of every source in a split that has one: images N x 256 x 256 x 3 uint8 RGB."""
    images: np.ndarray
    records: list  # dicts: source, group, label, keypoints, corners, detectionScore, boxWidth, imageWidth
    skipped: dict  # group -> sources without a face (or with a crop error)

    @property
    def labels(self) -> np.ndarray:
        return np.array([r['label'] for r in self.records], np.int64)

    @property
    def sources(self) -> np.ndarray:
        return np.array([source_of(r['source']) for r in self.records])

    @property
    def folders(self) -> np.ndarray:
        return np.array([r['group'] for r in self.records])


def _read_crop(source: str):
    stem = CROPS_DIR / (os.path.splitext(source)[0] + '__f0')
    image = cv2.imread(str(stem.with_suffix('.png')), cv2.IMREAD_COLOR)[..., ::-1]
    if image.shape[:2] != (INPUT_SIZE, INPUT_SIZE):
        raise ValueError(f'{stem}.png is {image.shape}, expected {INPUT_SIZE}x{INPUT_SIZE}')
    meta = json.loads(stem.with_suffix('.json').read_text())
    record = {'source': source, 'group': group_of(source), 'label': label_of(source),
              'keypoints': _points(meta['cropKeypoints']).tolist(), 'corners': _points(meta['cropBoxCorners']).tolist(),
              'detectionScore': meta['detectionScore'], 'boxWidth': meta['box']['width'], 'imageWidth': meta['imageWidth']}
    return image, record


@dataclass
class DfdcPairs:
    """Rows of paired crops in a CropStore: the fake's and the real's index, whether the two are one frame, whether the
    fake visibly differs from the real, and the fake's mask in crop pixels (uint8 0-255; zero where not aligned)."""
    fake: np.ndarray
    real: np.ndarray
    aligned: np.ndarray
    changed: np.ndarray
    masks: np.ndarray

    def row_of_fake(self) -> dict:
        return {int(f): row for row, f in enumerate(self.fake)}


def load_split(split: str) -> CropStore:
    """Reads the crops of a split once, then serves them from a cache in models/work/cache."""
    manifest_path = CROPS_DIR / 'manifest.json'
    cache = WORK_DIR / 'cache'
    images_path, records_path = cache / f'{split}.npy', cache / f'{split}.json'
    if records_path.exists() and records_path.stat().st_mtime > manifest_path.stat().st_mtime:
        saved = json.loads(records_path.read_text())
        return CropStore(np.load(images_path, mmap_mode='r'), saved['records'], saved['skipped'])
    faces = {f['source']: (f['faces'] if not f.get('error') else 0) for f in json.loads(manifest_path.read_text())['files']}
    images, records, skipped = [], [], {}
    for source in read_split(split):
        if faces.get(source, 0) < 1:
            skipped[group_of(source)] = skipped.get(group_of(source), 0) + 1
            continue
        image, record = _read_crop(source)
        images.append(image)
        records.append(record)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(images_path, np.stack(images))
    records_path.write_text(json.dumps({'records': records, 'skipped': skipped}))
    return CropStore(np.load(images_path, mmap_mode='r'), records, skipped)


@dataclass
class H264Pool:
    """The training crops re-encoded as H.264 video (each at its own CRF in H264_CRF_RANGE), and for
    every real crop one seeded self-blend re-encoded at the same CRF, with its mask: video-like
    degradation costs an ffmpeg run, so it is made once per split and cached."""
    images: np.ndarray      # N x 256 x 256 x 3, row i = store.images[i] through H.264
    blends: np.ndarray      # R x 256 x 256 x 3, one self-blend per real crop, through H.264
    blend_masks: np.ndarray  # R x 256 x 256 uint8
    blend_row: dict         # store index of a real crop -> row in blends


def load_h264_pool(split: str, store: CropStore) -> H264Pool:
    cache = WORK_DIR / 'cache'
    paths = {k: cache / f'{split}-h264-{k}.npy' for k in ('images', 'blends', 'masks')}
    reals = np.flatnonzero(store.labels == 0)
    records_time = (cache / f'{split}.json').stat().st_mtime
    if not all(p.exists() and p.stat().st_mtime > records_time for p in paths.values()):
        rng = np.random.default_rng([SEED, 264])
        crfs = rng.integers(H264_CRF_RANGE[0], H264_CRF_RANGE[1] + 1, len(store.records))
        np.save(paths['images'], h264_each(store.images, crfs))
        blends, masks = zip(*(_blend(store, i, np.random.default_rng([SEED, 264, int(i)])) for i in reals))
        np.save(paths['blends'], h264_each(np.stack(blends), crfs[reals]))
        np.save(paths['masks'], np.round(np.stack(masks) * 255).astype(np.uint8))
    load = lambda k: np.load(paths[k], mmap_mode='r')
    return H264Pool(load('images'), load('blends'), load('masks'), {int(i): row for row, i in enumerate(reals)})


def _blend(store: CropStore, index: int, rng: np.random.Generator, strong: bool = False):
    record = store.records[index]
    return self_blend(np.asarray(store.images[index]), np.array(record['keypoints'], np.float32),
                      np.array(record['corners'], np.float32), rng, strong=strong)


def _draw(pool: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """count items from pool, each as evenly often as possible, in random order."""
    reps = -(-count // max(len(pool), 1))
    return np.concatenate([rng.permutation(pool) for _ in range(reps)])[:count]


def _draw_by_source(pool: np.ndarray, sources: np.ndarray, shares, count: int, rng: np.random.Generator) -> np.ndarray:
    """_draw() with each source's share of the count fixed (shares: source -> weight; None: as the pool is).
    Sources absent from the pool give their share to the others."""
    if not shares:
        return _draw(pool, count, rng)
    present = {s: w for s, w in shares.items() if (sources[pool] == s).any()}
    total = sum(present.values())
    counts = {s: int(round(count * w / total)) for s, w in present.items()}
    last = max(present, key=present.get)
    counts[last] += count - sum(counts.values())
    drawn = np.concatenate([_draw(pool[sources[pool] == s], n, rng) for s, n in counts.items()])
    return rng.permutation(drawn)


REAL, DATASET_FAKE, SBI_FAKE, PAIR, DFDC_PAIR = 0, 1, 2, 3, 4


class TrainSet(Dataset):
    """One epoch = epoch_size samples: half real crops, a quarter dataset fakes, a quarter
    self-blended fakes made on the fly from real crops; a share degraded (augment.DEGRADATIONS).
    An item is a stack of samples (image uint8 K x H x W x 3, label K, mask K x 1 x M x M, mask weight K,
    forgery kind K: 1 for a GAN face, kind weight K: 1 for fakes, class weight K: fake_weights[source] for a dataset fake,
    real_weights[source] for an authentic face, else 1); dataset fakes have no known mask. K is 1, or 2 for a paired self-blend: the real crop and its
    blend, degraded alike, so the only difference the pair shows is the blend itself (as in SBI's batches); likewise,
    with dfdc_pairs, a DFDC fake drawn with a real crop of its source frame comes with that crop and its difference
    mask (dfdc_pairs.py), and one DFDC real fewer is drawn on its own."""

    def __init__(self, store: CropStore, epoch_size: int, mask_size: int = 64, seed: int = SEED,
                 clean_epochs: int = 0, degrade_prob: float = 1.0, sbi_share: float = 0.5,
                 strong_sbi_epochs: int = 0, degradation: str = 'standard', paired_sbi: bool = False,
                 h264_pool: H264Pool = None, h264_prob: float = 0.0, source_shares: dict = None, exclude=(),
                 dfdc_pairs: DfdcPairs = None, retouch_prob: float = 0.0, fake_weights: dict = None,
                 real_weights: dict = None, pair_mask_weight: float = 1.0):
        self.store, self.epoch_size, self.mask_size, self.seed = store, epoch_size, mask_size, seed
        # Video-like degradation: a share of the samples (after warm-up) comes from the H.264 pool.
        self.h264_pool, self.h264_prob = h264_pool, h264_prob
        self.sources, self.source_shares = store.sources, source_shares
        # Fine-tuning options (defaults = the original recipe): the share of the fakes that are
        # self-blends, the first epochs with strong (ratio 1, always colour-jittered) blends, and
        # the degradation (augment.DEGRADATIONS).
        self.sbi_share, self.strong_sbi_epochs, self.degrade = sbi_share, strong_sbi_epochs, DEGRADATIONS[degradation]
        self.paired_sbi = paired_sbi
        # A share of the samples retouched (augment.retouch) before any degradation, a pair alike, so that smoothing and
        # sharpening are no sign of manipulation.
        self.retouch_prob = retouch_prob
        # A source's dataset fakes (or authentic faces) weigh more in the class loss: the net's prior on faces of that
        # source rises (or falls), so that its fakes use the false-alarm budget its authentic faces leave unused (issue 33).
        self.class_weights = {DATASET_FAKE: fake_weights or {}, REAL: real_weights or {}}
        # The difference masks of DFDC fakes with their source frame count this many times in the mask loss: the only
        # masks of real-world swaps, outnumbered by self-blends and authentic faces (issue 35).
        self.pair_mask_weight = pair_mask_weight
        # A small net learns nothing when every sample is hard from the start: the first
        # `clean_epochs` use real vs dataset fakes only, undegraded; then SBI and degradation join.
        self.clean_epochs, self.degrade_prob = clean_epochs, degrade_prob
        labels, kept = store.labels, ~np.isin(store.folders, list(exclude))
        self.reals, self.fakes = np.flatnonzero((labels == 0) & kept), np.flatnonzero((labels == 1) & kept)
        self.dfdc_pairs = dfdc_pairs
        if dfdc_pairs is not None:
            self.pair_row = dfdc_pairs.row_of_fake()
            # A fake that is one frame with its real and shows no change teaches the net a label it cannot see.
            self.fakes = np.setdiff1d(self.fakes, dfdc_pairs.fake[~dfdc_pairs.changed])
        self.set_epoch(0)

    def set_epoch(self, epoch: int) -> None:
        """Call before creating the epoch's DataLoader iterator (workers get a copy)."""
        self.epoch = epoch
        rng = np.random.default_rng([self.seed, epoch])
        self.warming_up = epoch <= self.clean_epochs
        n_fake = self.epoch_size // 2
        n_sbi = 0 if self.warming_up else (n_fake // 2 if self.sbi_share == 0.5 else int(round(n_fake * self.sbi_share)))
        self.strong_sbi = epoch <= self.strong_sbi_epochs
        n_real = self.epoch_size - n_fake
        # Reals are drawn for the real samples and the SBI sources together, so each is used evenly;
        # paired, the first n_sbi real samples are the sources of the blends.
        real_draw = _draw_by_source(self.reals, self.sources, self.source_shares, n_real + (0 if self.paired_sbi else n_sbi), rng)
        fake_draw = _draw_by_source(self.fakes, self.sources, self.source_shares, n_fake - n_sbi, rng)
        if self.paired_sbi:
            kinds = np.repeat([PAIR, REAL, DATASET_FAKE], [n_sbi, n_real - n_sbi, n_fake - n_sbi])
            indices = np.concatenate([real_draw, fake_draw])
        else:
            kinds = np.repeat([REAL, DATASET_FAKE, SBI_FAKE], [n_real, n_fake - n_sbi, n_sbi])
            indices = np.concatenate([real_draw[:n_real], fake_draw, real_draw[n_real:]])
        if self.dfdc_pairs is not None:
            paired = (kinds == DATASET_FAKE) & np.isin(indices, self.dfdc_pairs.fake)
            kinds[paired] = DFDC_PAIR
            lone_dfdc_reals = np.flatnonzero((kinds == REAL) & (self.sources[indices] == 'dfdc'))
            keep = np.ones(len(kinds), bool)
            keep[lone_dfdc_reals[:paired.sum()]] = False
            kinds, indices = kinds[keep], indices[keep]
        order = rng.permutation(len(kinds))
        self.kinds, self.indices = kinds[order], indices[order]

    def __len__(self):
        return len(self.kinds)

    def _sample(self, kind, index, rng, degrade_seed, known_mask=None, retouch_seed=None):
        """known_mask: uint8 0-255 mask of a dataset fake, when its pair gives one; retouch_seed: retouched with it (not
        the H.264 pool's crops, coded once beforehand)."""
        if degrade_seed in ('h264', 'h264-flipped'):
            pool = self.h264_pool
            if kind == SBI_FAKE:
                row = pool.blend_row[int(index)]
                image, mask = np.array(pool.blends[row]), pool.blend_masks[row].astype(np.float32) / 255
            else:
                image, mask = np.array(pool.images[index]), self._mask_or_empty(known_mask)
            if degrade_seed == 'h264-flipped':
                image, mask = np.ascontiguousarray(image[:, ::-1]), np.ascontiguousarray(mask[:, ::-1])
            degrade_seed = None
        elif kind == SBI_FAKE:
            image, mask = _blend(self.store, index, rng, strong=self.strong_sbi)
        else:
            image, mask = np.array(self.store.images[index]), self._mask_or_empty(known_mask)
        if retouch_seed is not None and degrade_seed not in ('h264', 'h264-flipped'):
            image = retouch(image, np.random.default_rng(retouch_seed))
        if degrade_seed is not None:
            image, mask = self.degrade(image, mask, np.random.default_rng(degrade_seed))
        small = cv2.resize(mask, (self.mask_size, self.mask_size), interpolation=cv2.INTER_AREA)
        gan = kind == DATASET_FAKE and self.sources[index] == 'gan'
        class_weight = self.class_weights.get(kind, {}).get(self.sources[index], 1.0)
        mask_weight = 1.0 if kind != DATASET_FAKE else 0.0 if known_mask is None else self.pair_mask_weight
        return (torch.from_numpy(image), torch.tensor(float(kind != REAL)), torch.from_numpy(small)[None],
                torch.tensor(mask_weight), torch.tensor(float(gan)),
                torch.tensor(float(kind != REAL)), torch.tensor(float(class_weight)))

    @staticmethod
    def _mask_or_empty(known_mask) -> np.ndarray:
        if known_mask is None:
            return np.zeros((INPUT_SIZE, INPUT_SIZE), np.float32)
        return known_mask.astype(np.float32) / 255

    def __getitem__(self, i):
        rng = np.random.default_rng([self.seed, self.epoch, i])
        kind, index = self.kinds[i], self.indices[i]
        degrade_seed = None
        if not self.warming_up:
            draw = rng.random()
            if draw < self.h264_prob:
                degrade_seed = 'h264-flipped' if rng.random() < 0.5 else 'h264'
            elif draw < self.h264_prob + self.degrade_prob:
                degrade_seed = int(rng.integers(2 ** 63))
        # Drawn only when asked for, so that the recipes without it draw what they always drew.
        retouch_seed = int(rng.integers(2 ** 63)) if self.retouch_prob and rng.random() < self.retouch_prob else None
        if kind == DFDC_PAIR:
            # Alike but for the H.264 pool, where each crop was coded once at its own CRF.
            pairs, row = self.dfdc_pairs, self.pair_row[int(index)]
            known_mask = pairs.masks[row] if pairs.aligned[row] else None
            samples = [self._sample(REAL, pairs.real[row], rng, degrade_seed, retouch_seed=retouch_seed),
                       self._sample(DATASET_FAKE, index, rng, degrade_seed, known_mask, retouch_seed)]
        else:
            samples = [self._sample(k, index, rng, degrade_seed, retouch_seed=retouch_seed)
                       for k in ((REAL, SBI_FAKE) if kind == PAIR else (kind,))]
        return tuple(torch.stack(parts) for parts in zip(*samples))


def _concat(items):
    return tuple(torch.cat(parts) for parts in zip(*items))


def _worker_init(_):
    torch.set_num_threads(1)
    cv2.setNumThreads(1)


def train_loader(dataset: TrainSet, batch_size: int) -> DataLoader:
    """Batches of batch_size items (more samples when items are pairs)."""
    return DataLoader(dataset, batch_size=batch_size, shuffle=False, num_workers=1, drop_last=True,
                      worker_init_fn=_worker_init, prefetch_factor=4, collate_fn=_concat)


def to_input(images: torch.Tensor) -> torch.Tensor:
    """N x H x W x 3 uint8 -> N x 3 x H x W float in [0, 1]; the permuted view is channels_last already."""
    return images.permute(0, 3, 1, 2).float().div_(255).contiguous(memory_format=torch.channels_last)


@dataclass
class EvalSet:
    """Real crops, dataset-fake crops and one seeded self-blend per real crop; no random augmentation.
    `images[variant]`: K x 256 x 256 x 3 uint8 for each of EVAL_VARIANTS."""
    images: dict
    labels: np.ndarray
    kinds: np.ndarray    # 'real' | 'fake' | 'sbi'
    groups: np.ndarray   # dataset folder; 'sbi/<folder of the real crop>' for self-blends
    sources: np.ndarray  # 'dfdc' | 'lfw' | 'gan' (common.SOURCES) of the image or of the self-blend's real crop
    paths: list
    masks: np.ndarray    # K x 256 x 256 uint8 (0-255); zeros for reals, unknown (zeros) for dataset fakes
    store: CropStore

    def without(self, folders) -> 'EvalSet':
        """The set less the images of these dataset folders and the self-blends made from them."""
        return self.subset(~np.isin(self.groups, [g for f in folders for g in (f, 'sbi/' + f)]))

    def sample(self, count: int, seed: int = SEED) -> 'EvalSet':
        """A seeded random subset of `count` items (all of them if count is 0 or larger than the set)."""
        if not count or count >= len(self.labels):
            return self
        keep = np.zeros(len(self.labels), bool)
        keep[np.random.default_rng(seed).choice(len(self.labels), count, replace=False)] = True
        return self.subset(keep)

    def subset(self, keep: np.ndarray) -> 'EvalSet':
        return EvalSet({k: v[keep] for k, v in self.images.items()}, self.labels[keep], self.kinds[keep], self.groups[keep],
                       self.sources[keep], [p for p, k in zip(self.paths, keep) if k], self.masks[keep], self.store)


def build_eval_set(split: str) -> EvalSet:
    store = load_split(split)
    split_code = {'train': 0, 'val': 1, 'test': 2}[split]
    images, masks, kinds, groups, paths = [], [], [], [], []
    empty = np.zeros((INPUT_SIZE, INPUT_SIZE), np.uint8)
    for i, record in enumerate(store.records):
        images.append(np.asarray(store.images[i]))
        masks.append(empty)
        kinds.append('fake' if record['label'] else 'real')
        groups.append(record['group'])
        paths.append(record['source'])
    for i, record in enumerate(store.records):
        if record['label'] == 0:
            image, mask = _blend(store, i, np.random.default_rng([SEED, split_code, i]))
            images.append(image)
            masks.append(np.round(mask * 255).astype(np.uint8))
            kinds.append('sbi')
            groups.append('sbi/' + record['group'])
            paths.append(record['source'])
    clean = np.stack(images)
    kinds = np.array(kinds)
    return EvalSet({'clean': clean, 'jpeg40-half': np.stack([jpeg40_half(x) for x in clean]), 'h264-crf35': h264(clean, 35)},
                   (kinds != 'real').astype(np.int64), kinds, np.array(groups), np.array([source_of(p) for p in paths]), paths,
                   np.stack(masks), store)

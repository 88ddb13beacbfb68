"""Deterministic 70/15/15 split: DFDC by source video (the `group` column of dfdc_groups.csv: a real
video and every fake made from it land on one side), LFW and the GAN / FFHQ faces by file (their
file names carry no identity), stratified per dataset folder.

  /usr/bin/python3 -m models.train.splits                 write models/splits/{train,val,test}.txt
  /usr/bin/python3 -m models.train.splits --link-test DIR symlink the test images into DIR/real/..., DIR/fake/...
  /usr/bin/python3 -m models.train.splits --link-val DIR  same for the validation split
"""
import argparse
import csv
import os

import numpy as np

from .common import DATASET_DIR, DFDC_GROUPS_CSV, GROUPS, IMAGE_EXTENSIONS, SEED, SOURCES, SPLITS_DIR

SPLITS = ('train', 'val', 'test')
FRACTIONS = (0.70, 0.15)


def _bounds(n: int) -> dict:
    n_train, n_val = round(FRACTIONS[0] * n), round(FRACTIONS[1] * n)
    return {'train': (0, n_train), 'val': (n_train, n_train + n_val), 'test': (n_train + n_val, n)}


def dfdc_groups() -> dict:
    """DFDC source video (the `group` column of dfdc_groups.csv) -> the paths of its real and fake images."""
    members = {}
    with open(DFDC_GROUPS_CSV) as f:
        for row in csv.DictReader(f):
            members.setdefault(row['group'], []).append(row['path'])
    return members


def _split_dfdc(rng: np.random.Generator, splits: dict) -> None:
    members = dfdc_groups()
    groups = sorted(members)
    groups = [groups[i] for i in rng.permutation(len(groups))]
    for name, (lo, hi) in _bounds(len(groups)).items():
        splits[name] += [path for group in groups[lo:hi] for path in members[group]]


def make_splits() -> dict:
    rng = np.random.default_rng(SEED)
    splits = {name: [] for name in SPLITS}
    _split_dfdc(rng, splits)
    for group in GROUPS:
        if group in SOURCES['dfdc']:
            continue
        files = sorted(f for f in os.listdir(DATASET_DIR / group) if f.lower().endswith(IMAGE_EXTENSIONS))
        files = [files[i] for i in rng.permutation(len(files))]
        for name, (lo, hi) in _bounds(len(files)).items():
            splits[name] += [f'{group}/{f}' for f in files[lo:hi]]
    return {name: sorted(sources) for name, sources in splits.items()}


def write_splits(splits: dict) -> None:
    SPLITS_DIR.mkdir(parents=True, exist_ok=True)
    for name, sources in splits.items():
        (SPLITS_DIR / f'{name}.txt').write_text(''.join(s + '\n' for s in sources))


def read_split(name: str) -> list:
    return (SPLITS_DIR / f'{name}.txt').read_text().split()


def link_split(name: str, out_dir: str) -> int:
    sources = read_split(name)
    for source in sources:
        link = os.path.join(out_dir, source)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        if os.path.lexists(link):
            os.remove(link)
        os.symlink(DATASET_DIR / source, link)
    return len(sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--link-test', metavar='DIR')
    parser.add_argument('--link-val', metavar='DIR')
    args = parser.parse_args()
    if args.link_test or args.link_val:
        for name, out_dir in (('test', args.link_test), ('val', args.link_val)):
            if out_dir:
                print(f'linked {link_split(name, out_dir)} {name} images into {out_dir}')
        return
    splits = make_splits()
    write_splits(splits)
    for name, sources in splits.items():
        counts = {g: sum(s.startswith(g + '/') for s in sources) for g in GROUPS}
        print(name, len(sources), counts)


if __name__ == '__main__':
    main()

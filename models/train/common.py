"""Paths and constants shared by the training modules.

Paths can be redirected with environment variables (used for smoke tests on synthetic data):
MIKIWAME_DATASET_DIR, MIKIWAME_CROPS_DIR, MIKIWAME_MODELS_DIR.
"""
import ctypes
import json
import os
import sys
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
DATASET_DIR = Path(os.environ.get('MIKIWAME_DATASET_DIR', REPO_DIR.parent / 'shared' / 'datasets' / 'train'))
MODELS_DIR = Path(os.environ.get('MIKIWAME_MODELS_DIR', REPO_DIR / 'models'))
WORK_DIR = MODELS_DIR / 'work'
CROPS_DIR = Path(os.environ.get('MIKIWAME_CROPS_DIR', WORK_DIR / 'crops'))
SPLITS_DIR = MODELS_DIR / 'splits'

SEED = 20261121
# Dataset folders (third release, see shared/datasets/README.md) and the source each comes from. UTKFace, added in
# the third release, comes last: the split draws each folder's order from one generator in this order, so the
# second release's splits are unchanged.
GROUPS = ('real/dfdc_faces_ishreyansh', 'fake/dfdc_faces_ishreyansh', 'real/lfw_rees451', 'fake/lfw_faceswap_rees451',
          'real/ffhq_faceorfake', 'real/ffhq_realorfake', 'fake/tpdne_faceorfake', 'fake/tpdne_realorfake',
          'real/utkface_mohanish')
SOURCES = {'dfdc': ('real/dfdc_faces_ishreyansh', 'fake/dfdc_faces_ishreyansh'),
           'lfw': ('real/lfw_rees451', 'fake/lfw_faceswap_rees451'),
           'gan': ('real/ffhq_faceorfake', 'real/ffhq_realorfake', 'fake/tpdne_faceorfake', 'fake/tpdne_realorfake'),
           'utk': ('real/utkface_mohanish',)}
DFDC_GROUPS_CSV = DATASET_DIR / 'dfdc_groups.csv'
IMAGE_EXTENSIONS = ('.jpg', '.jpeg', '.png', '.webp')

CROP_SPEC = json.loads((REPO_DIR / 'src' / 'pipeline' / 'crop-spec.json').read_text())
INPUT_SIZE = CROP_SPEC['outputSize']


def group_of(source: str) -> str:
    """'real/lfw_rees451/x.jpg' -> 'real/lfw_rees451'."""
    return source.rsplit('/', 1)[0]


def source_of(path: str) -> str:
    """'fake/tpdne_realorfake/x.jpg' -> 'gan'."""
    folder = group_of(path)
    return next(name for name, folders in SOURCES.items() if folder in folders)


def label_of(source: str) -> int:
    return 1 if source.startswith('fake/') else 0


def setup_cpu(threads: int = 2) -> None:
    """Two torch threads, and glibc told to keep freed memory: by default it hands every large block (each batch's
    activations) back to the kernel, and the next step page-faults it in again. Measured on the 2-core machine, one
    training step of mnv2-multitask (32 crops): 6.9 s by default, 0.8 s with the thresholds raised. glibc reads them
    only at start, so the process starts itself again with them set."""
    if 'MALLOC_MMAP_THRESHOLD_' not in os.environ:
        env = {**os.environ, 'MALLOC_MMAP_THRESHOLD_': str(1 << 35), 'MALLOC_TRIM_THRESHOLD_': str(1 << 36)}
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], env)
    import torch
    torch.set_num_threads(threads)


def release_freed_memory() -> None:
    """Hands the memory glibc kept (setup_cpu's thresholds) back to the kernel. Called before each epoch forks its
    data-loader worker: without it a long run's process grew to ~13 GB and each fork inherited that."""
    ctypes.CDLL('libc.so.6').malloc_trim(0)

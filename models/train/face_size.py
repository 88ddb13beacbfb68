"""How small can a face be and still be judged? Each clean test crop is shrunk to the size a face of
S pixels has in the image (the crop is 1.0x the detector box: S x S pixels) and scaled back up as the
app's bilinear crop does; the app's score (its published int8 models from models/manifest.json, each
with its temperature, and their fusion if it has one) is computed at every size. Prints AUC (real vs
dataset fakes) and the false-alarm rate on authentic faces at the app's threshold, per face size.

  /usr/bin/python3 -m models.train.face_size [--sizes 16,24,32,48,64,96,128,192] \
      --arch mnv2-multitask=mnv2-multitask-separable
"""
import argparse
import json

import cv2
import numpy as np
import torch

from .common import MODELS_DIR, SOURCES, setup_cpu
from .data import build_eval_set
from .evaluate import load_published
from .metrics import summary
from .train import predict


def at_face_size(images: np.ndarray, side: int) -> np.ndarray:
    size = images.shape[1]
    return np.stack([cv2.resize(cv2.resize(np.asarray(x), (side, side), interpolation=cv2.INTER_AREA), (size, size),
                                interpolation=cv2.INTER_LINEAR) for x in images])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--sizes', default='24,32,48,64,96,128,192')
    parser.add_argument('--arch', action='append', default=[],
                        help='NAME=ARCH for an app model whose name is not its architecture '
                             '(its card says: e.g. mnv2-multitask=mnv2-multitask-separable)')
    args = parser.parse_args()
    setup_cpu()
    manifest = json.loads((MODELS_DIR / 'manifest.json').read_text())
    archs = dict(spec.split('=') for spec in args.arch)
    # The app's score: the fusion's when the manifest has one, else its one model's calibrated probability.
    names = list(manifest['app'].values())
    fusion = manifest.get('fusion') or {'bias': 0.0, 'weights': {names[0]: 1.0}, 'threshold': manifest['models'][names[0]]['threshold']}
    models = {name: load_published(str(MODELS_DIR / manifest['models'][name]['file']), archs.get(name, name)).to(memory_format=torch.channels_last)
              for name in fusion['weights']}
    test = build_eval_set('test')
    keep = test.kinds != 'sbi'
    images, labels, sources = test.images['clean'][keep], test.labels[keep], test.sources[keep]
    print(f'app score: {"fusion of " if len(models) > 1 else ""}{", ".join(models)}; threshold {fusion["threshold"]}')
    print(f'| face size (px) | AUC | ' + ' | '.join(f'AUC {s}' for s in SOURCES) + ' | authentic faces at or above the threshold |')
    print('|---|---|' + '---|' * len(SOURCES) + '---|')
    for side in [int(s) for s in args.sizes.split(',')] + [images.shape[1]]:
        shown = at_face_size(images, side) if side != images.shape[1] else images
        # logit(sigmoid(l / T)) = l / T: each model's calibrated logit, as fusion.ts computes it
        z = fusion['bias'] + sum(w * predict(models[name], shown)[0] / manifest['models'][name]['temperature']
                                 for name, w in fusion['weights'].items())
        p = 1 / (1 + np.exp(-z))
        cells = [summary(labels[sources == s], p[sources == s])['auc'] for s in SOURCES]
        false_alarms = float((p[labels == 0] >= fusion['threshold']).mean())
        print(f'| {side}{" (as cropped)" if side == images.shape[1] else ""} | {summary(labels, p)["auc"]:.3f} | '
              + ' | '.join(f'{c:.3f}' for c in cells) + f' | {false_alarms:.1%} |', flush=True)


if __name__ == '__main__':
    main()

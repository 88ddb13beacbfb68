"""Reference outputs of a trained model in PyTorch (its int8 weights as the export rounds them, computed in fp32,
temperature applied) on the committed
parity crops (models/parity/*.png, made by `npm run crops` from the public-domain test photo
e2e/fixtures/astronaut.png: as it is, halved, saved as JPEG quality 40, rotated by 12 degrees, and
self-blended by e2e/generated.ts), written to models/parity/<name>.json for the onnxruntime-web
parity test (models/parity.test.ts). Remake the crops whenever src/pipeline/crop-spec.json changes.

    /usr/bin/python3 -m models.train.parity --name meso4 [--run meso4-sbi2]
    /usr/bin/python3 -m models.train.parity --name multitask --published multitask
        (no checkpoint at hand: the published int8 weights in PyTorch)

Both ways only the runtime is compared: what int8 rounding costs against the fp32 net is measured by the export on
every test crop (metrics.json `int8_vs_fp32_test`, the card's "int8 versus fp32").
"""
import argparse
import json

import cv2
import numpy as np
import torch

from .common import MODELS_DIR, WORK_DIR
from .evaluate import load_published
from .data import to_input
from .export import Calibrated, fuse_batch_norms, shift_mask_cut
from .metrics import probability
from .quantize import dequantized_copy_
from .train import build_model, predict

PARITY_DIR = MODELS_DIR / 'parity'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--name', required=True, help='model name in models/manifest.json')
    parser.add_argument('--run', help='training run it was exported from, models/work/<run> (default: the name)')
    parser.add_argument('--published', metavar='ARCH', help='reference from the published ONNX weights of this architecture')
    args = parser.parse_args()
    entry = json.loads((MODELS_DIR / 'manifest.json').read_text())['models'][args.name]
    if args.published:
        model = load_published(str(MODELS_DIR / entry['file']), args.published)
    else:
        work = WORK_DIR / (args.run or args.name)
        exported = json.loads((work / 'metrics.json').read_text())
        checkpoint = torch.load(work / f"{exported.get('checkpoint', 'best')}.pt")
        model = build_model(checkpoint['arch'])
        model.load_state_dict(checkpoint['model'])
        mask_cut = exported.get('mask_cut')
        if mask_cut is not None:
            shift_mask_cut(model, mask_cut)  # as the export did
        model = fuse_batch_norms(model.eval())
        dequantized_copy_(model)
    files = sorted(PARITY_DIR.glob('*.png'))
    images = np.stack([cv2.imread(str(f), cv2.IMREAD_COLOR)[..., ::-1] for f in files])
    logits, masks, kinds = predict(model, images)
    reference = {
        'model': args.name,
        'version': entry['version'],
        'crops': [f.name for f in files],
        'probability': [round(float(p), 6) for p in probability(logits, entry['temperature'])],
    }
    if masks is not None:
        reference['mask'] = [[round(float(v), 4) for v in m.ravel()] for m in masks]
    if kinds is not None:
        reference['kind'] = [round(float(p), 6) for p in kinds]
    calibrated = Calibrated(model, entry['temperature']).eval()
    if calibrated.heat:
        with torch.no_grad():
            heat = calibrated(to_input(torch.from_numpy(images.copy())))[-1][:, 0].numpy()
        reference['heat'] = [[round(float(v), 4) for v in m.ravel()] for m in heat]
    (PARITY_DIR / f'{args.name}.json').write_text(json.dumps(reference))
    print(f'{args.name}: reference outputs for {len(files)} crops in {PARITY_DIR / (args.name + ".json")}')


if __name__ == '__main__':
    main()

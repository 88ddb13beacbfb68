"""A published model's graph made again by today's export code from its own int8 weights and temperature, for a
change of graph that leaves the net alone (session 34: the heat output, the class activation map beside the mask),
where the run's checkpoint is not on this machine:

  /usr/bin/python3 -m models.train.republish --name mnv2-multitask --arch mnv2-multitask-separable

The int8 round trip of weights that already went through it gives the same integers, so the scores, the mask and the
kind stay what they were (parity.py's references, checked by models/parity.test.ts, show it); the manifest's version
and size and the card's follow the new file. A model exported from its run (export.py) gets the same graph.
"""
import argparse
import json
import time
import hashlib

import onnx
from onnx import numpy_helper

from .common import MODELS_DIR, WORK_DIR, setup_cpu
from .evaluate import load_published
from .export import Calibrated, export_onnx
from .quantize import quantize_model


def graph_temperature(graph: onnx.GraphProto) -> float:
    """The temperature the graph divides the class logit by (Calibrated's one Div, by a Constant)."""
    constants = {n.output[0]: n for n in graph.node if n.op_type == 'Constant'}
    divisor = next(n.input[1] for n in graph.node if n.op_type == 'Div' and n.input[1] in constants)
    return float(numpy_helper.to_array(constants[divisor].attribute[0].t))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--name', required=True, help='model name in models/manifest.json')
    parser.add_argument('--arch', required=True, help='its architecture (its card says)')
    args = parser.parse_args()
    setup_cpu()
    manifest_path = MODELS_DIR / 'manifest.json'
    manifest = json.loads(manifest_path.read_text())
    entry = manifest['models'][args.name]
    path = MODELS_DIR / entry['file']
    temperature = graph_temperature(onnx.load(str(path)).graph)
    calibrated = Calibrated(load_published(str(path), args.arch), temperature).eval()
    work = WORK_DIR / args.name
    work.mkdir(parents=True, exist_ok=True)
    fp32_path = work / f'{args.name}.republished.fp32.onnx'
    export_onnx(calibrated, fp32_path)
    graph = onnx.load(str(fp32_path))
    quantize_model(graph)
    onnx.checker.check_model(graph, full_check=True)
    onnx.save(graph, str(path))
    data = path.read_bytes()
    version = f'{args.name}-{time.strftime("%Y%m%d")}-{hashlib.sha256(data).hexdigest()[:8]}'
    card_path = MODELS_DIR / f'{args.name}.md'
    card = card_path.read_text().replace(entry['version'], version)
    card_path.write_text(card.replace(f'int8 {entry["bytes"] / 1024:.1f} KiB', f'int8 {len(data) / 1024:.1f} KiB'))
    entry.update(version=version, bytes=len(data))
    manifest_path.write_text(json.dumps(manifest, indent=2) + '\n')
    print(f'{args.name}: {version}, {len(data)} bytes, outputs {calibrated.outputs}, temperature {temperature}')


if __name__ == '__main__':
    main()

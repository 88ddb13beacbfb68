"""A training checkpoint rebuilt from a published int8 model, for continuing a run whose checkpoint is not on
this machine (models/work is not committed):

  /usr/bin/python3 -m models.train.unfold --model models/mnv2-multitask.onnx --arch mnv2-multitask-kind \
      --card models/mnv2-multitask.md --out models/work/mnv2-multitask-kind/best.pt

The published graph has its BatchNorms folded into the convolutions (export.fuse_batch_norms) and its weights
through the int8 round trip. Each BatchNorm is put back with the statistics of its convolution's output on
training crops, so that the rebuilt network computes the published function in eval mode and normalises with
about the same statistics in train mode (a BatchNorm left at identity would rescale every layer on the first
training batch). The checkpoint carries the training-stage rows of the published model's card, so that the card of
a model trained from it lists every stage (export.training_stages).
"""
import argparse
import re
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .data import load_split, to_input
from .evaluate import load_published
from .export import sequential_conv_batch_norms
from .nets import ARCHS
from .train import split_output


def conv_bn_pairs(model: nn.Module) -> list:
    """(convolution, BatchNorm) pairs, the ones export.fuse_batch_norms folds."""
    pairs = []
    for module in model.modules():
        if hasattr(module, 'conv_batch_norms'):
            pairs += [(module.blocks[conv_key], module.blocks[key]) for conv_key, key, _ in module.conv_batch_norms()]
        pairs += [(module[i], module[i + 1]) for i in sequential_conv_batch_norms(module)]
    return pairs


@torch.no_grad()
def unfold(onnx_path: str, arch: str, images: torch.Tensor) -> nn.Module:
    folded = load_published(onnx_path, arch)
    model = ARCHS[arch]().eval()
    pairs = conv_bn_pairs(model)
    folded_weights = folded.state_dict()
    names = {module: name for name, module in model.named_modules()}
    own = model.state_dict()
    paired = {names[conv] for conv, _ in pairs} | {names[bn] for _, bn in pairs}
    model.load_state_dict({k: v for k, v in folded_weights.items()
                           if k in own and k.rsplit('.', 1)[0] not in paired}, strict=False)
    biases = {}
    for conv, bn in pairs:
        conv.weight.copy_(folded_weights[f'{names[conv]}.weight'])
        if conv.bias is not None:
            conv.bias.zero_()
        biases[bn] = folded_weights[f'{names[conv]}.bias']
        bn.running_mean.zero_(); bn.running_var.fill_(1 - bn.eps); bn.weight.fill_(1); bn.bias.copy_(biases[bn])
    sums = {bn: [0, 0, 0] for _, bn in pairs}  # per channel: sum, sum of squares; values per channel

    def accumulate(bn, y):
        y = y.double()
        sums[bn][0] += y.sum((0, 2, 3)); sums[bn][1] += y.square().sum((0, 2, 3)); sums[bn][2] += y[:, 0].numel()
    hooks = [conv.register_forward_hook(lambda m, _, y, bn=bn: accumulate(bn, y)) for conv, bn in pairs]
    for batch in images.split(32):
        model(batch)
    for hook in hooks:
        hook.remove()
    for bn, (total, squares, count) in sums.items():
        mean = total / count
        var = (squares / count - mean.square()).clamp_min(0).float()
        mean = mean.float()
        bn.running_mean.copy_(mean); bn.running_var.copy_(var)
        bn.weight.copy_((var + bn.eps).sqrt()); bn.bias.copy_(biases[bn] + mean)
    check = images[:32]
    difference = (split_output(model(check))[0] - split_output(folded(check))[0]).abs().max().item()
    print(f'{len(pairs)} BatchNorms restored; largest logit difference to the published model: {difference:.2e}')
    return model


def card_stages(card_path: str) -> list:
    """The rows of a model card's training-stage table, with each stage's run and minutes."""
    lines = Path(card_path).read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith('| stage (run) |'))
    stages = []
    for row in lines[start + 2:]:
        if not row.startswith('| '):
            break
        cells = [cell.strip() for cell in row.strip('|').split('|')]
        stages.append({'run': re.search(r'`(.+?)`', cells[0]).group(1), 'row': row, 'minutes': float(cells[9])})
    return stages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--model', required=True, help='published int8 ONNX model')
    parser.add_argument('--arch', required=True, choices=sorted(ARCHS))
    parser.add_argument('--card', required=True, help="the published model's card (its training stages are carried on)")
    parser.add_argument('--out', required=True, help='checkpoint to write (loadable with --init-from)')
    parser.add_argument('--crops', type=int, default=256, help='training crops for the BatchNorm statistics')
    args = parser.parse_args()
    store = load_split('train')
    pick = np.sort(np.random.default_rng(0).choice(len(store.images), args.crops, replace=False))
    model = unfold(args.model, args.arch, to_input(torch.from_numpy(np.asarray(store.images[pick]))))
    torch.save({'model': model.state_dict(), 'arch': args.arch, 'source': args.model, 'stages': card_stages(args.card)}, args.out)


if __name__ == '__main__':
    main()

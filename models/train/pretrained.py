"""ImageNet-pretrained MobileNetV2 layers from the `nsfwjs` npm package (MIT licence), in PyTorch.

nsfwjs 4.4.0 ships a Keras MobileNetV2 (alpha 1.0, 224 px) as TensorFlow.js files
(`dist/models/mobilenet_v2/`: a topology and one weight shard, both wrapped as JS modules, weights
quantized to uint8 per tensor). Its config marks every layer up to block_10 as not trainable: those
kept their ImageNet weights while nsfwjs trained the rest for its own task, so only they are used
here. Node unwraps the JS modules; the Keras graph (zero padding, convolutions, depthwise
convolutions, batch norms, ReLU6, residual adds) is rebuilt layer for layer, so that Keras' asymmetric
'valid' padding after ZeroPadding2D is reproduced exactly. A deeper encoder may also take the residual blocks
after block_10 (nsfwjs-trained, same licence), each starting as the identity.
"""
import base64
import json
import subprocess

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .common import WORK_DIR

NSFWJS_VERSION = '4.4.0'
# The last ImageNet layer (nsfwjs trained everything after it).
IMAGENET_LAST_LAYER = 'block_10_project_BN'

_UNWRAP = """
const dir = process.argv[1];
const model = require(dir + '/model.min.js');
const shard = require(dir + '/group1-shard1of1.min.js');
process.stdout.write(JSON.stringify({ layers: model.modelTopology.model_config.config.layers,
  weights: model.weightsManifest[0].weights, shard }));
"""


def nsfwjs_model_dir():
    """The package unpacked in models/work (`npm pack` from the npm registry, once): not a dependency
    of the app, only of training."""
    package = WORK_DIR / f'nsfwjs-{NSFWJS_VERSION}'
    if not package.exists():
        WORK_DIR.mkdir(parents=True, exist_ok=True)
        tarball = subprocess.run(['npm', 'pack', f'nsfwjs@{NSFWJS_VERSION}', '--silent', '--pack-destination', str(WORK_DIR)],
                                 capture_output=True, check=True, text=True).stdout.strip().splitlines()[-1]
        package.mkdir()
        subprocess.run(['tar', 'xzf', str(WORK_DIR / tarball), '-C', str(package), '--strip-components', '1'], check=True)
    return package / 'dist' / 'models' / 'mobilenet_v2'


def read_keras_model(model_dir=None):
    """(layers of the Keras config, {weight name: float32 array}) of the nsfwjs MobileNetV2."""
    model_dir = model_dir or nsfwjs_model_dir()
    dump = json.loads(subprocess.run(['node', '-e', _UNWRAP, str(model_dir)], capture_output=True, check=True).stdout)
    data, offset, weights = base64.b64decode(dump['shard']), 0, {}
    for spec in dump['weights']:
        count = int(np.prod(spec['shape']))
        quantization = spec.get('quantization')
        if quantization:
            q = np.frombuffer(data, np.uint8, count, offset).astype(np.float32)
            values = quantization['min'] + quantization['scale'] * q
            offset += count
        else:
            values = np.frombuffer(data, np.float32, count, offset)
            offset += 4 * count
        weights[spec['name']] = values.reshape(spec['shape']).astype(np.float32)
    return dump['layers'], weights


class KerasGraph(nn.Module):
    """The Keras layers from the input up to `last_layer`, evaluated in config order."""

    def __init__(self, layers: list, weights: dict, last_layer: str = IMAGENET_LAST_LAYER):
        super().__init__()
        self.order, self.inputs, self.ops = [], {}, {}
        self.blocks = nn.ModuleDict()
        for layer in layers:
            name, kind, config = layer['name'], layer['class_name'], layer['config']
            if kind == 'InputLayer':
                continue
            self.order.append(name)
            self.inputs[name] = [inbound[0] for inbound in layer['inbound_nodes'][0]]
            self.ops[name] = (kind, config.get('padding'), config.get('max_value'))
            module = self._module(kind, config, weights)
            if module is not None:
                self.blocks[name.replace('/', '_')] = module
            if name == last_layer:
                break
        self.output_name = self.order[-1]
        self.out_channels = next(m for m in reversed(list(self.blocks.values())) if isinstance(m, nn.BatchNorm2d)).num_features

    @staticmethod
    def _module(kind, config, weights):
        name = config['name']
        if kind in ('Conv2D', 'DepthwiseConv2D'):
            size, stride = config['kernel_size'], config['strides']
            pad = size[0] // 2 if config['padding'] == 'same' else 0
            if kind == 'Conv2D':
                kernel = weights[f'{name}/kernel']
                conv = nn.Conv2d(kernel.shape[2], kernel.shape[3], size, stride, pad, bias=config['use_bias'])
                conv.weight.data = torch.from_numpy(kernel.transpose(3, 2, 0, 1).copy())
            else:
                kernel = weights[f'{name}/depthwise_kernel']
                channels = kernel.shape[2]
                conv = nn.Conv2d(channels, channels, size, stride, pad, groups=channels, bias=config['use_bias'])
                conv.weight.data = torch.from_numpy(kernel.transpose(2, 3, 0, 1).copy())
            return conv
        if kind == 'BatchNormalization':
            gamma = weights[f'{name}/gamma']
            bn = nn.BatchNorm2d(len(gamma), eps=config['epsilon'], momentum=0.01)
            bn.weight.data = torch.from_numpy(gamma.copy())
            bn.bias.data = torch.from_numpy(weights[f'{name}/beta'].copy())
            bn.running_mean.data = torch.from_numpy(weights[f'{name}/moving_mean'].copy())
            bn.running_var.data = torch.from_numpy(weights[f'{name}/moving_variance'].copy())
            return bn
        if kind in ('ReLU', 'ZeroPadding2D', 'Add'):
            return None
        raise ValueError(f'unsupported Keras layer {kind} ({name})')

    def zero_residuals_after(self, layer: str) -> None:
        """Zeroes the last BatchNorm of every residual block after `layer`, so each block's output is its input
        until training moves it: a net continued from a checkpoint without these blocks begins with its function,
        while the blocks' expand and depthwise convolutions keep their pretrained weights."""
        for name in self.order[self.order.index(layer) + 1:]:
            if self.ops[name][0] != 'Add':
                continue
            branch = max(self.inputs[name], key=self.order.index)  # the other input is the skip from before the block
            bn = self.blocks[branch.replace('/', '_')]
            nn.init.zeros_(bn.weight)
            nn.init.zeros_(bn.bias)

    def conv_batch_norms(self) -> list:
        """(convolution key, BatchNorm key, BatchNorm layer name) of each BatchNorm that follows a convolution."""
        return [(source.replace('/', '_'), name.replace('/', '_'), name) for name in self.order
                if self.ops[name][0] == 'BatchNormalization'
                and self.ops[source := self.inputs[name][0]][0] in ('Conv2D', 'DepthwiseConv2D')]

    def fold_batch_norms(self) -> None:
        """Folds each BatchNorm (eval statistics) into the convolution before it, as export does for Sequential pairs."""
        for conv_key, key, name in self.conv_batch_norms():
            self.blocks[conv_key] = torch.nn.utils.fusion.fuse_conv_bn_eval(self.blocks[conv_key], self.blocks[key])
            del self.blocks[key]
            self.ops[name] = ('Identity', None, None)

    def reset_parameters(self) -> None:
        """Random weights and fresh statistics: the same network trained from scratch, for comparison."""
        for module in self.blocks.values():
            module.reset_parameters()

    def forward(self, x, taps: tuple = ()):
        """The last layer's output; with `taps` (layer names), also those layers' outputs."""
        values = {}
        for name in self.order:
            kind, padding, max_value = self.ops[name]
            args = [values[i] if i in values else x for i in self.inputs[name]]
            if kind == 'ZeroPadding2D':
                (top, bottom), (left, right) = padding
                y = F.pad(args[0], (left, right, top, bottom))
            elif kind == 'ReLU':
                y = F.relu6(args[0]) if max_value == 6 else F.relu(args[0])
            elif kind == 'Add':
                y = args[0] + args[1]
            elif kind == 'Identity':
                y = args[0]
            else:
                y = self.blocks[name.replace('/', '_')](args[0])
            values[name] = y
        return (values[self.output_name], [values[t] for t in taps]) if taps else values[self.output_name]


def imagenet_features(pretrained: bool = True, last_layer: str = IMAGENET_LAST_LAYER) -> KerasGraph:
    """MobileNetV2 up to block_10, with its ImageNet weights or (pretrained=False) random ones; input RGB
    in [-1, 1] (Keras' preprocessing). With a later `last_layer` (a residual block's add), the nsfwjs-trained
    blocks up to it follow, each starting as the identity."""
    layers, weights = read_keras_model()
    graph = KerasGraph(layers, weights, last_layer)
    if not pretrained:
        graph.reset_parameters()
    graph.zero_residuals_after(IMAGENET_LAST_LAYER)
    return graph

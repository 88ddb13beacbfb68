"""Networks: Meso-4 and MesoInception-4 (Afchar et al., WIFS 2018), a classifier on ImageNet MobileNetV2
layers (alone, or with a mask decoder), and a small multi-task net.

All take N x 3 x 256 x 256 RGB in [0, 1] and return a logit N x 1; the multi-task nets also return a
manipulation-mask logit N x 1 x 64 x 64, and one of them a forgery-kind logit N x 1.
"""
import torch
from torch import nn
import torch.nn.functional as F

from .pretrained import IMAGENET_LAST_LAYER, imagenet_features


def _conv_relu(cin, cout, k, dilation=1):
    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=dilation * (k // 2), dilation=dilation), nn.ReLU(inplace=True))


class MobileNetV2Classifier(nn.Module):
    """MobileNetV2 (Sandler et al. 2018) up to block_10, started from the ImageNet weights that the `nsfwjs`
    npm package ships (pretrained.py) or, for comparison, from random weights; then a 1x1 convolution and
    average + max pooling into one logit. A wider detector than MesoNet, for what MesoNet cannot learn
    on 2 CPU cores."""
    mask_size = None

    def __init__(self, pretrained: bool = True, last_layer: str = IMAGENET_LAST_LAYER):
        super().__init__()
        self.features = imagenet_features(pretrained, last_layer)
        width = self.features.out_channels
        self.mix = nn.Sequential(nn.Conv2d(width, 2 * width, 1, bias=False), nn.BatchNorm2d(2 * width), nn.ReLU6(inplace=True))
        self.classifier = nn.Sequential(nn.Dropout(0.3), nn.Linear(4 * width, 1))

    def forward(self, x):
        y = self.mix(self.features(x * 2 - 1))
        return self.classifier(torch.cat([y.mean((2, 3)), y.amax((2, 3))], 1))


class MobileNetV2MultiTask(MobileNetV2Classifier):
    """The MobileNetV2 classifier with a U-Net decoder on its stride-16, -8 and -4 features: one encoder pass
    gives the class logit and a 64 x 64 manipulation-mask logit (ClassNSeg's two tasks on a pretrained encoder).
    With `kind_head`, a third logit says what kind of forgery the face looks like: a synthesised whole face
    (GAN, 1) rather than a replaced or blended one (face swaps, self-blends, 0). With `refine`, each decoder stage
    ends in two residual depthwise-separable blocks: a wider view of the blend boundary for about 5 % more work.
    With `separable` as well, each stage starts with a 1x1 convolution instead of a 3x3 one (the refine blocks'
    5x5 depthwise convolutions give the spatial view): the 3x3 ones were a quarter of the net's time. A later
    `last_layer` deepens the encoder with MobileNetV2's residual blocks after block_10 (same width and resolution, so
    the heads and the decoder are unchanged)."""
    mask_size = 64
    SKIPS = ('block_2_add', 'block_5_add')  # 24 channels at 64 x 64, 32 channels at 32 x 32

    def __init__(self, pretrained: bool = True, kind_head: bool = False, refine: bool = False, separable: bool = False,
                 last_layer: str = IMAGENET_LAST_LAYER):
        super().__init__(pretrained, last_layer)
        width = self.features.out_channels
        kernel = 1 if separable else 3
        self.dec2 = _conv_bn(width + 32, 48, kernel=kernel)
        self.dec1 = _conv_bn(48 + 24, 24, kernel=kernel)
        if refine:
            self.dec2 = nn.Sequential(*self.dec2, _ResidualSeparable(48), _ResidualSeparable(48))
            self.dec1 = nn.Sequential(*self.dec1, _ResidualSeparable(24), _ResidualSeparable(24))
        self.mask_out = nn.Conv2d(24, 1, 1)
        self.kind = nn.Sequential(nn.Dropout(0.3), nn.Linear(4 * width, 1)) if kind_head else None

    def forward(self, x, evidence: bool = False):
        """(class logit, mask logit[, kind logit]); with `evidence`, the class activation map's logits last."""
        features, (stride4, stride8) = self.features(x * 2 - 1, taps=self.SKIPS)
        y = self.mix(features)
        pooled = torch.cat([y.mean((2, 3)), y.amax((2, 3))], 1)
        d2 = self.dec2(_up_cat(features, stride8))
        mask = self.mask_out(self.dec1(_up_cat(d2, stride4)))
        outputs = (self.classifier(pooled), mask) + (() if self.kind is None else (self.kind(pooled),))
        return outputs + (self.class_activation(y),) if evidence else outputs

    def class_activation(self, y):
        """A class activation map (Zhou et al. 2016) at the pooled features' 16 x 16: at each location, the class logit
        the face would get if every location looked like this one (the classifier on its features as both their mean
        and their maximum). The same classifier weights, so the map costs a 1 x 1 product per location."""
        n, channels, height, width = y.shape
        located = y.permute(0, 2, 3, 1).reshape(n * height * width, channels)
        return self.classifier(torch.cat([located, located], 1)).reshape(n, 1, height, width)


class _ResidualSeparable(nn.Module):
    """x + BN(pointwise(ReLU6(BN(depthwise 5x5(x))))). The last batch norm starts at zero: the block starts as the
    identity, so a net continued from a checkpoint without these blocks begins with that checkpoint's output."""

    def __init__(self, channels):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels, channels, 5, padding=2, groups=channels, bias=False), nn.BatchNorm2d(channels),
            nn.ReLU6(inplace=True), nn.Conv2d(channels, channels, 1, bias=False), nn.BatchNorm2d(channels))
        nn.init.zeros_(self.body[-1].weight)

    def forward(self, x):
        return x + self.body(x)


def _up_cat(x, skip):
    return torch.cat([F.interpolate(x, scale_factor=2.0, mode='nearest'), skip], 1)


class _MesoHead(nn.Sequential):
    """Flatten 16 x 8 x 8 -> dropout -> FC 16 -> LeakyReLU(0.1) -> dropout -> FC 1."""

    def __init__(self):
        super().__init__(nn.Flatten(), nn.Dropout(0.5), nn.Linear(16 * 8 * 8, 16), nn.LeakyReLU(0.1),
                         nn.Dropout(0.5), nn.Linear(16, 1))


def _meso_block(layer, channels, pool):
    # The paper's order: conv + ReLU, then batch norm, then max pooling.
    return nn.Sequential(layer, nn.BatchNorm2d(channels), nn.MaxPool2d(pool))


class Meso4(nn.Module):
    mask_size = None

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            _meso_block(_conv_relu(3, 8, 3), 8, 2),
            _meso_block(_conv_relu(8, 8, 5), 8, 2),
            _meso_block(_conv_relu(8, 16, 5), 16, 2),
            _meso_block(_conv_relu(16, 16, 5), 16, 4),
        )
        self.head = _MesoHead()

    def forward(self, x):
        return self.head(self.features(x))


class Inception(nn.Module):
    """MesoInception module: 1x1 | 1x1->3x3 | 1x1->3x3 dilation 2 | 1x1->3x3 dilation 3, concatenated."""

    def __init__(self, cin, a, b, c, d):
        super().__init__()
        self.branches = nn.ModuleList([
            _conv_relu(cin, a, 1),
            nn.Sequential(_conv_relu(cin, b, 1), _conv_relu(b, b, 3)),
            nn.Sequential(_conv_relu(cin, c, 1), _conv_relu(c, c, 3, dilation=2)),
            nn.Sequential(_conv_relu(cin, d, 1), _conv_relu(d, d, 3, dilation=3)),
        ])

    def forward(self, x):
        return torch.cat([branch(x) for branch in self.branches], 1)


class MesoInception4(nn.Module):
    mask_size = None

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            _meso_block(Inception(3, 1, 4, 4, 2), 11, 2),
            _meso_block(Inception(11, 2, 4, 4, 2), 12, 2),
            _meso_block(_conv_relu(12, 16, 5), 16, 2),
            _meso_block(_conv_relu(16, 16, 5), 16, 4),
        )
        self.head = _MesoHead()

    def forward(self, x):
        return self.head(self.features(x))


def _conv_bn(cin, cout, stride=1, kernel=3):
    return nn.Sequential(nn.Conv2d(cin, cout, kernel, stride, kernel // 2, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class MultiTaskNet(nn.Module):
    """Shared encoder, a classification head and a U-Net style decoder (in the spirit of Nguyen et
    al. 2019, ClassNSeg). The first convolution runs at full resolution to keep blending artefacts."""

    mask_size = 64

    def __init__(self, widths=(16, 24, 48, 96, 160), mask_evidence: bool = False):
        super().__init__()
        w0, w1, w2, w3, w4 = widths
        # mask_evidence: the classifier also sees two summaries of the predicted mask (a smooth
        # maximum and the mean of its probability), so a segmented blend region raises the score.
        self.mask_evidence = mask_evidence
        self.stem = nn.Sequential(_conv_bn(3, w0), _conv_bn(w0, w0, 2))        # 128
        self.enc1 = nn.Sequential(_conv_bn(w0, w1, 2), _conv_bn(w1, w1))        # 64
        self.enc2 = nn.Sequential(_conv_bn(w1, w2, 2), _conv_bn(w2, w2))        # 32
        self.enc3 = nn.Sequential(_conv_bn(w2, w3, 2), _conv_bn(w3, w3))        # 16
        self.enc4 = nn.Sequential(_conv_bn(w3, w4, 2), _conv_bn(w4, w4))        # 8
        self.classifier = nn.Sequential(nn.Dropout(0.3), nn.Linear(2 * w4 + (2 if mask_evidence else 0), 1))
        self.dec3 = _conv_bn(w4 + w3, 64)
        self.dec2 = _conv_bn(64 + w2, 32)
        self.dec1 = _conv_bn(32 + w1, 24)
        self.mask_out = nn.Conv2d(24, 1, 1)

    def forward(self, x):
        e1 = self.enc1(self.stem(x))
        e2 = self.enc2(e1)
        e3 = self.enc3(e2)
        e4 = self.enc4(e3)
        pooled = torch.cat([e4.mean((2, 3)), e4.amax((2, 3))], 1)
        d3 = self.dec3(_up_cat(e4, e3))
        d2 = self.dec2(_up_cat(d3, e2))
        d1 = self.dec1(_up_cat(d2, e1))
        mask = self.mask_out(d1)
        if self.mask_evidence:
            pooled = torch.cat([pooled, _smooth_max(mask), torch.sigmoid(mask).mean((2, 3))], 1)
        return self.classifier(pooled), mask


def _smooth_max(logits: torch.Tensor) -> torch.Tensor:
    """log-mean-exp over the spatial axes (N x 1 x H x W -> N x 1): near the mean of the largest logits."""
    peak = logits.amax((2, 3), keepdim=True)
    return (peak + torch.log(torch.exp(logits - peak).mean((2, 3), keepdim=True)))[:, :, 0, 0]


ARCHS = {'meso4': Meso4, 'mesoinception4': MesoInception4, 'multitask': MultiTaskNet,
         'mnv2': MobileNetV2Classifier, 'mnv2-scratch': lambda: MobileNetV2Classifier(pretrained=False),
         'multitask-evidence': lambda: MultiTaskNet(mask_evidence=True), 'mnv2-multitask': MobileNetV2MultiTask,
         'mnv2-multitask-kind': lambda: MobileNetV2MultiTask(kind_head=True),
         'mnv2-multitask-refine': lambda: MobileNetV2MultiTask(kind_head=True, refine=True),
         'mnv2-multitask-separable': lambda: MobileNetV2MultiTask(kind_head=True, refine=True, separable=True),
         'mnv2-multitask-deep': lambda: MobileNetV2MultiTask(kind_head=True, refine=True, separable=True,
                                                             last_layer='block_12_add')}


def param_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())

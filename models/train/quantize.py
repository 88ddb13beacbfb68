"""int8 weight-only quantization: per-output-channel symmetric, as QDQ in the ONNX graph.

Each Conv/Gemm weight initializer becomes an int8 initializer -> DequantizeLinear(axis) -> the
node's weight input; biases stay fp32. Depthwise convolutions keep fp32 weights: with BatchNorm
folded in, their int8 round trip moved MobileNetV2's probabilities by up to 0.09 (every other
layer together: 0.01), and they hold a few kilobytes. The only int8 variant that every onnxruntime-web
backend runs correctly (see shared/notes/platform.md)."""
import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper


def quantize_per_channel(weight: np.ndarray, axis: int):
    """Returns (int8 weights, float32 scale per channel along axis) with scale = max|W| / 127."""
    moved = np.moveaxis(weight, axis, 0)
    peak = np.abs(moved).reshape(len(moved), -1).max(1)
    scale = np.where(peak > 0, peak / 127, 1.0).astype(np.float32)
    shape = (-1,) + (1,) * (moved.ndim - 1)
    q = np.clip(np.round(moved / scale.reshape(shape)), -127, 127).astype(np.int8)
    return np.moveaxis(q, 0, axis), scale


def dequantize(q: np.ndarray, scale: np.ndarray, axis: int) -> np.ndarray:
    shape = [1] * q.ndim
    shape[axis] = -1
    return q.astype(np.float32) * scale.reshape(shape)


def _weight_axis(node) -> int:
    if node.op_type == 'Gemm':
        trans_b = next((a.i for a in node.attribute if a.name == 'transB'), 0)
        return 0 if trans_b else 1  # the output-feature axis of B
    return 0


def quantize_model(model: onnx.ModelProto) -> list:
    """Rewrites the graph in place; returns the float weights that were quantized (for checks). A weight that several
    nodes read (the classifier's, also run on each location for the evidence map) is quantized once and all of them
    read its dequantized copy."""
    graph = model.graph
    initializers = {init.name: init for init in graph.initializer}
    quantized, originals = {}, []
    for node in graph.node:
        grouped = any(a.name == 'group' and a.i > 1 for a in node.attribute)
        name = node.input[1] if len(node.input) > 1 else None
        if node.op_type in ('Conv', 'Gemm') and name in initializers and not grouped and name not in quantized:
            weight = numpy_helper.to_array(initializers[name])
            axis = _weight_axis(node)
            q, scale = quantize_per_channel(weight, axis)
            graph.initializer.remove(initializers[name])
            graph.initializer.extend([numpy_helper.from_array(q, f'{name}_int8'),
                                      numpy_helper.from_array(scale, f'{name}_scale'),
                                      numpy_helper.from_array(np.zeros(len(scale), np.int8), f'{name}_zero_point')])
            quantized[name] = helper.make_node('DequantizeLinear', [f'{name}_int8', f'{name}_scale', f'{name}_zero_point'],
                                               [f'{name}_dequantized'], name=f'{name}_DequantizeLinear', axis=axis)
            originals.append(weight)
    nodes = list(graph.node)
    for node in nodes:
        for i, name in enumerate(node.input):
            if name in quantized:
                node.input[i] = f'{name}_dequantized'
    del graph.node[:]
    graph.node.extend(list(quantized.values()) + nodes)
    return originals


@torch.no_grad()
def dequantized_copy_(model: torch.nn.Module) -> None:
    """Replaces every Conv2d/Linear weight of a torch model by its int8 round trip (in place)."""
    for module in model.modules():
        if isinstance(module, torch.nn.Linear) or (isinstance(module, torch.nn.Conv2d) and module.groups == 1):
            q, scale = quantize_per_channel(module.weight.numpy(), 0)
            module.weight.copy_(torch.from_numpy(dequantize(q, scale, 0)))

"""Self-blended images (Shiohara & Yamasaki, CVPR 2022) from one real face crop.

A slightly altered copy of the crop (colour, sharpness, small shift/scale) is blended back into
the crop through a soft, randomly shaped face mask: the result carries blending boundaries and
source/target statistic mismatches like a face swap, with an exactly known mask.
"""
import cv2
import numpy as np

BLEND_RATIOS = np.array([0.25, 0.5, 0.75, 1.0, 1.0, 1.0], np.float32)
MASK_SHAPES = ('hull', 'ellipse', 'box', 'part')
MASK_SHAPE_P = (0.4, 0.3, 0.15, 0.15)


def _odd(rng: np.random.Generator, lo: int, hi: int) -> int:
    return int(rng.integers(lo // 2, hi // 2 + 1)) * 2 + 1


def _face_points(keypoints: np.ndarray) -> np.ndarray:
    """Eyes, nose, mouth plus derived forehead, chin and cheek points (the detector gives only 6)."""
    right_eye, left_eye, nose, mouth, right_ear, left_ear = keypoints
    eye_mid = (right_eye + left_eye) / 2
    down = mouth - eye_mid
    centre = (eye_mid + mouth) / 2
    return np.stack([
        right_eye - 0.45 * down, left_eye - 0.45 * down,  # brows / lower forehead
        mouth + 0.75 * down,  # chin
        right_eye, left_eye, nose, mouth,
        centre + 0.7 * (right_ear - centre) + 0.35 * down,  # cheeks: ears pulled inwards, lowered
        centre + 0.7 * (left_ear - centre) + 0.35 * down,
    ])


def _polygon_mask(points: np.ndarray, size: int) -> np.ndarray:
    mask = np.zeros((size, size), np.float32)
    cv2.fillConvexPoly(mask, cv2.convexHull(np.round(points).astype(np.int32)), 1.0)
    return mask


def _expand(points: np.ndarray, factor: float) -> np.ndarray:
    centre = points.mean(0)
    return centre + (points - centre) * factor


def _random_mask(keypoints, corners, size, rng) -> np.ndarray:
    shape = rng.choice(MASK_SHAPES, p=MASK_SHAPE_P)
    jitter = lambda p: p + rng.normal(0, size * 0.01, p.shape)
    if shape == 'hull':
        return _polygon_mask(_expand(jitter(_face_points(keypoints)), rng.uniform(0.9, 1.2)), size)
    if shape == 'box':
        return _polygon_mask(_expand(jitter(corners), rng.uniform(0.7, 0.95)), size)
    if shape == 'part':  # one inner region, like a local photo edit
        right_eye, left_eye, nose, mouth = keypoints[:4]
        eye_dist = np.linalg.norm(left_eye - right_eye)
        centres = {'eyes': [right_eye, left_eye], 'right_eye': [right_eye], 'left_eye': [left_eye],
                   'nose_mouth': [nose, mouth], 'mouth': [mouth]}
        region = np.array(centres[rng.choice(list(centres))])
        radius = eye_dist * rng.uniform(0.35, 0.55)
        angles = np.linspace(0, 2 * np.pi, 12, endpoint=False)
        ring = np.stack([np.cos(angles), np.sin(angles) * rng.uniform(0.6, 1.0)], 1) * radius
        return _polygon_mask(jitter((region[:, None, :] + ring[None]).reshape(-1, 2)), size)
    # ellipse fitted to the detector box
    centre = corners.mean(0) + rng.normal(0, size * 0.01, 2)
    width = np.linalg.norm(corners[1] - corners[0]) / 2 * rng.uniform(0.65, 0.95)
    height = np.linalg.norm(corners[3] - corners[0]) / 2 * rng.uniform(0.75, 1.05)
    angle = np.degrees(np.arctan2(*(corners[1] - corners[0])[::-1]))
    mask = np.zeros((size, size), np.float32)
    cv2.ellipse(mask, tuple(int(v) for v in np.round(centre)), (int(width), int(height)), float(angle), 0, 360, 1.0, -1)
    return mask


def _elastic(mask: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    size = mask.shape[0]
    grid = int(rng.integers(3, 8))
    alpha = size * rng.uniform(0.01, 0.04)
    flow = cv2.resize(rng.normal(0, alpha, (grid, grid, 2)).astype(np.float32), (size, size), interpolation=cv2.INTER_CUBIC)
    base = np.arange(size, dtype=np.float32)
    return cv2.remap(mask, base[None, :] + flow[..., 0], base[:, None] + flow[..., 1], cv2.INTER_LINEAR)


def soft_mask(keypoints, corners, size, rng) -> np.ndarray:
    # Built at half resolution (the mask is smooth anyway), then upsampled: halves the cost.
    half = size // 2
    mask = _elastic(_random_mask(keypoints / 2, corners / 2, half, rng), rng)
    # As in SBI: blur, keep only the fully inside part, blur again: the soft edge lies inside the region.
    blurred = cv2.GaussianBlur(mask, (_odd(rng, 5, 13),) * 2, 0)
    inner = (blurred >= 1 - 1e-4).astype(np.float32)
    if inner.sum() > 0.3 * mask.sum():  # small regions would vanish
        mask = inner
    mask = cv2.GaussianBlur(mask, (_odd(rng, 3, 13),) * 2, 0)
    peak = mask.max()
    mask = mask / peak if peak > 0 else mask
    return cv2.resize(mask, (size, size), interpolation=cv2.INTER_LINEAR)


def _colour_jitter(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Hue/saturation/value shift, then contrast, brightness and per-channel RGB shift, all as lookup tables."""
    levels = np.arange(256, dtype=np.float32)[:, None]
    hsv_lut = levels + np.array([rng.integers(-3, 4), rng.integers(-25, 26), rng.integers(-25, 26)], np.float32)
    hsv_lut[:180, 0] %= 180
    hsv = cv2.LUT(cv2.cvtColor(img, cv2.COLOR_RGB2HSV), np.clip(hsv_lut, 0, 255).astype(np.uint8)[None])
    mean = np.float32(cv2.mean(img)[:3]).mean()
    rgb_lut = (levels - mean) * rng.uniform(0.85, 1.15) + mean + rng.uniform(-15, 15) + rng.uniform(-15, 15, 3)
    return cv2.LUT(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB), np.clip(rgb_lut + 0.5, 0, 255).astype(np.uint8)[None])


def _sharpen_or_blur(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    blurred = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.5))
    if rng.random() < 0.5:
        return blurred
    return cv2.addWeighted(img, 1 + (amount := rng.uniform(0.3, 1.0)), blurred, -amount, 0)


def _shift_scale(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    size = img.shape[0]
    matrix = cv2.getRotationMatrix2D((size / 2, size / 2), 0, rng.uniform(0.95, 1.05))
    matrix[:, 2] += rng.uniform(-0.03, 0.03, 2) * size
    return cv2.warpAffine(img, matrix, (size, size), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def self_blend(img: np.ndarray, keypoints: np.ndarray, corners: np.ndarray, rng: np.random.Generator,
               strong: bool = False):
    """img: uint8 HxWx3 RGB crop; keypoints 6x2 and corners 4x2 in crop px.
    Returns (blended uint8 HxWx3, soft mask float32 HxW in [0, 1] before the blend ratio).
    strong (curriculum, early epochs): the colour jitter is always applied and the blend ratio is 1,
    so the blending boundary is as visible as it gets; the default draws are unchanged."""
    source = img
    if rng.random() < (1.0 if strong else 0.8):
        source = _colour_jitter(source, rng)
    source = _shift_scale(_sharpen_or_blur(source, rng), rng)
    target = img
    if rng.random() < 0.5:  # either side may carry the alteration
        source, target = target, source
    mask = soft_mask(keypoints, corners, img.shape[0], rng)
    ratio = rng.choice(BLEND_RATIOS)
    weight = cv2.merge([mask * (1.0 if strong else ratio)] * 3)
    blended = cv2.add(cv2.multiply(source, weight, dtype=cv2.CV_32F), cv2.multiply(target, 1 - weight, dtype=cv2.CV_32F))
    return cv2.convertScaleAbs(blended), mask

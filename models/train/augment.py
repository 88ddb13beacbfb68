"""Social-network style degradation, applied to every training sample after blending."""
import subprocess

import cv2
import numpy as np

# x264 constant-rate factors of the video-like degradation: 23 is x264's default, 40 a heavily
# recompressed upload.
H264_CRF_RANGE = (23, 40)


def jpeg(img: np.ndarray, quality: int) -> np.ndarray:
    ok, buf = cv2.imencode('.jpg', img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1]


def rescale(img: np.ndarray, factor: float) -> np.ndarray:
    """Down to factor x size, then back up: the resolution loss of a resized upload."""
    size = img.shape[0]
    small = max(8, round(size * factor))
    down = cv2.resize(img, (small, small), interpolation=cv2.INTER_AREA)
    return cv2.resize(down, (size, size), interpolation=cv2.INTER_LINEAR)


def jpeg40_half(img: np.ndarray) -> np.ndarray:
    """Crop-level stand-in for the app's eval degradation (halve the whole image, JPEG quality 40)."""
    size = img.shape[0]
    half = cv2.resize(img, (size // 2, size // 2), interpolation=cv2.INTER_AREA)
    return cv2.resize(jpeg(half, 40), (size, size), interpolation=cv2.INTER_LINEAR)


def h264(images: np.ndarray, crf: int) -> np.ndarray:
    """The crops (N x H x W x 3 uint8 RGB) as frames of one H.264 stream (x264, yuv420p), decoded back:
    chroma subsampling, block transforms and the deblocking filter, as a re-encoded video applies them."""
    size = f'{images.shape[2]}x{images.shape[1]}'
    encoded = subprocess.run(['ffmpeg', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', size, '-r', '25',
                              '-i', '-', '-c:v', 'libx264', '-crf', str(crf), '-pix_fmt', 'yuv420p', '-f', 'h264', '-'],
                             input=np.ascontiguousarray(images).tobytes(), capture_output=True, check=True).stdout
    decoded = subprocess.run(['ffmpeg', '-loglevel', 'error', '-f', 'h264', '-i', '-', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
                             input=encoded, capture_output=True, check=True).stdout
    return np.frombuffer(decoded, np.uint8).reshape(images.shape)


def h264_each(images: np.ndarray, crfs: np.ndarray, chunk: int = 1024) -> np.ndarray:
    """h264() of every image at its own CRF (images sharing a CRF are encoded together)."""
    out = np.empty_like(images)
    for crf in np.unique(crfs):
        rows = np.flatnonzero(crfs == crf)
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            out[part] = h264(np.asarray(images[part]), int(crf))
    return out


def _colour(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    grey = cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    saturation = rng.uniform(0.8, 1.2)
    img = cv2.addWeighted(img, saturation, grey, 1 - saturation, 0)
    mean = np.float32(cv2.mean(img)[:3]).mean()
    lut = (np.arange(256, dtype=np.float32) - mean) * rng.uniform(0.85, 1.15) + mean * rng.uniform(0.85, 1.15)
    return cv2.LUT(img, np.clip(lut + 0.5, 0, 255).astype(np.uint8))


def retouch(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """What cameras, beauty modes and editors do to a photo before anyone shares it: skin smoothing (a bilateral
    filter), a soft blur, or sharpening (an unsharp mask). A net that never saw them on authentic faces reads them as
    manipulation (session 34: a bilateral filter put 45-90 % of the authentic validation faces of every source in the
    weak band, a blur of sigma 2 71-94 %)."""
    choice = rng.integers(3)
    if choice == 0:
        return cv2.bilateralFilter(img, int(rng.choice([5, 7, 9])), rng.uniform(30, 80), rng.uniform(5, 12))
    if choice == 1:
        return cv2.GaussianBlur(img, (0, 0), rng.uniform(0.8, 2.2))
    amount = rng.uniform(0.3, 1.0)
    return cv2.addWeighted(img, 1 + amount, cv2.GaussianBlur(img, (0, 0), rng.uniform(1.0, 2.5)), -amount, 0)


def degrade(img: np.ndarray, mask: np.ndarray, rng: np.random.Generator):
    """img uint8 HxWx3 RGB, mask float32 HxW; returns both (geometric ops applied to both)."""
    if rng.random() < 0.5:
        img, mask = img[:, ::-1], mask[:, ::-1]
    if rng.random() < 0.5:
        img = _colour(img, rng)
    if rng.random() < 0.6:
        img = rescale(img, rng.uniform(0.3, 1.0))
    if rng.random() < 0.1:
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.5))
    if rng.random() < 0.15:
        img = cv2.add(img, rng.normal(0, rng.uniform(2, 8), img.shape), dtype=cv2.CV_8U)
    if rng.random() < 0.8:
        img = jpeg(img, rng.integers(30, 96))
    return np.ascontiguousarray(img), np.ascontiguousarray(mask)


def degrade_strong(img: np.ndarray, mask: np.ndarray, rng: np.random.Generator):
    """Harder upload emulation (opt-in, --degrade strong): the image is downscaled, JPEG-compressed
    *at the small size* and upscaled again (what a resized upload followed by the app's crop does,
    and what jpeg40_half emulates), with lower qualities more often and sometimes a second JPEG pass."""
    size = img.shape[0]
    if rng.random() < 0.5:
        img, mask = img[:, ::-1], mask[:, ::-1]
    if rng.random() < 0.5:
        img = _colour(img, rng)
    if rng.random() < 0.1:
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.5))
    if rng.random() < 0.15:
        img = cv2.add(img, rng.normal(0, rng.uniform(2, 8), img.shape), dtype=cv2.CV_8U)
    if rng.random() < 0.75:
        small = max(8, round(size * rng.uniform(0.3, 1.0)))
        img = cv2.resize(img, (small, small), interpolation=cv2.INTER_AREA)
    if rng.random() < 0.85:
        # quality 25-95, skewed towards low qualities
        img = jpeg(img, int(round(25 + 70 * rng.random() ** 1.5)))
    if img.shape[0] != size:
        img = cv2.resize(img, (size, size), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.2:
        img = jpeg(img, rng.integers(50, 96))
    return np.ascontiguousarray(img), np.ascontiguousarray(mask)


def degrade_as_eval(img: np.ndarray, mask: np.ndarray, rng: np.random.Generator):
    """The evaluation's own degradation (jpeg40_half) after a random flip: an upper-bound
    experiment (train on exactly what the degraded test applies), not a recipe."""
    if rng.random() < 0.5:
        img, mask = img[:, ::-1], mask[:, ::-1]
    return jpeg40_half(np.ascontiguousarray(img)), np.ascontiguousarray(mask)


DEGRADATIONS = {'standard': degrade, 'strong': degrade_strong, 'jpeg40-half': degrade_as_eval}

import cropSpec from './crop-spec.json';
import type { Affine, Box, FaceCrop, FaceDetection, Point, RgbaImage, RgbaRegion } from './types';

export { cropSpec };

/**
 * The crop square: centred on the detector box, side `boxScale` times the box's longer side,
 * rotated so the eyes are level. Returns the crop-to-image affine map.
 */
export function cropTransform(face: FaceDetection, size = cropSpec.outputSize): Affine {
  const { box, keypoints } = face;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const scale = (cropSpec.boxScale * Math.max(box.width, box.height)) / size;
  let angle = 0;
  if (cropSpec.alignEyes && keypoints.length >= 2) {
    const [rightEye, leftEye] = keypoints;
    angle = Math.atan2(leftEye.y - rightEye.y, leftEye.x - rightEye.x);
  }
  const cos = Math.cos(angle) * scale;
  const sin = Math.sin(angle) * scale;
  // Continuous coordinates: crop pixel u covers [u, u+1); the crop centre maps to the box centre.
  const half = size / 2;
  return [cos, -sin, cx - cos * half + sin * half, sin, cos, cy - sin * half - cos * half];
}

export function applyAffine(m: Affine, p: Point): Point {
  return { x: m[0] * p.x + m[1] * p.y + m[2], y: m[3] * p.x + m[4] * p.y + m[5] };
}

export function invertAffine(m: Affine): Affine {
  const [a, b, c, d, e, f] = m;
  const det = a * e - b * d;
  if (Math.abs(det) < 1e-12) throw new Error('affine map is not invertible');
  const ia = e / det;
  const ib = -b / det;
  const id = -d / det;
  const ie = a / det;
  return [ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f)];
}

/**
 * The pixels a crop through `toImage` samples, bilinear neighbours included, clipped to the image: reading only these
 * (an `RgbaRegion`) gives the same crop as the whole image.
 */
export function cropFootprint(toImage: Affine, width: number, height: number, size = cropSpec.outputSize): Box {
  const corners = [[0, 0], [size, 0], [0, size], [size, size]].map(([u, v]) => applyAffine(toImage, { x: u, y: v }));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 2);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 2);
  const x1 = Math.min(width, Math.ceil(Math.max(...xs)) + 2);
  const y1 = Math.min(height, Math.ceil(Math.max(...ys)) + 2);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/**
 * Resamples `image` through `toImage` into a width x height RGBA image (a square crop by default). Each output pixel averages
 * a grid of bilinear samples as fine as the source pixels it covers (up to `supersampleMax`
 * per axis), so large faces are downscaled without aliasing. Outside the image is black. A region stands for its whole
 * image: `toImage` maps into the whole image, and the region must hold every pixel the crop samples (`cropFootprint`).
 */
export function warpAffine(image: RgbaImage | RgbaRegion, toImage: Affine, size: number, outHeight = size): RgbaImage {
  const out = new Uint8ClampedArray(size * outHeight * 4);
  const pixelScale = Math.hypot(toImage[0], toImage[3]);
  const n = Math.min(cropSpec.supersampleMax, Math.max(1, Math.ceil(pixelScale)));
  const offsets = Array.from({ length: n }, (_, i) => (i + 0.5) / n - 0.5);
  const { width: stride, data } = image;
  const { x: originX, y: originY, fullWidth: width, fullHeight: height } = 'fullWidth' in image
    ? image
    : { x: 0, y: 0, fullWidth: image.width, fullHeight: image.height };
  const [a, b, c, d, e, f] = toImage;
  const samples = n * n;
  // One loop nest without closures or per-pixel allocations: this runs for every face of every
  // video frame. The accumulation order is that of a plain nested bilinear sum.
  for (let v = 0; v < outHeight; v++) {
    for (let u = 0; u < size; u++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      for (let sj = 0; sj < n; sj++) {
        const cv = v + 0.5 + offsets[sj];
        for (let si = 0; si < n; si++) {
          const cu = u + 0.5 + offsets[si];
          const fx = a * cu + b * cv + c - 0.5;
          const fy = d * cu + e * cv + f - 0.5;
          const x0 = Math.floor(fx);
          const y0 = Math.floor(fy);
          const tx = fx - x0;
          const ty = fy - y0;
          for (let j = 0; j < 2; j++) {
            const yy = y0 + j;
            const wy = j ? ty : 1 - ty;
            if (yy < 0 || yy >= height || wy === 0) continue;
            for (let i = 0; i < 2; i++) {
              const xx = x0 + i;
              const w = (i ? tx : 1 - tx) * wy;
              if (xx < 0 || xx >= width || w === 0) continue;
              const k = ((yy - originY) * stride + xx - originX) * 4;
              r += w * data[k];
              g += w * data[k + 1];
              bl += w * data[k + 2];
            }
          }
        }
      }
      const k = (v * size + u) * 4;
      out[k] = r / samples;
      out[k + 1] = g / samples;
      out[k + 2] = bl / samples;
      out[k + 3] = 255;
    }
  }
  return { width: size, height: outHeight, data: out };
}

/** `image`: the whole image, or a region holding at least the crop's footprint. */
export function cropFace(image: RgbaImage | RgbaRegion, face: FaceDetection): FaceCrop {
  const toImage = cropTransform(face);
  return { image: warpAffine(image, toImage, cropSpec.outputSize), toImage };
}

/** Pixels in RGBA order, row-major, as ImageData holds them. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** Part of a larger image read alone: its width x height pixels start at (x, y) of an image fullWidth x fullHeight. */
export interface RgbaRegion extends RgbaImage {
  x: number;
  y: number;
  fullWidth: number;
  fullHeight: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Axis-aligned box in image pixels, top-left origin. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A face found by the detector, in image pixel coordinates. */
export interface FaceDetection {
  box: Box;
  /** rightEye, leftEye, noseTip, mouth, rightEarTragion, leftEarTragion (the subject's right/left). */
  keypoints: Point[];
  score: number;
}

/** Maps crop pixel (u, v) to image pixel: x = a*u + b*v + c, y = d*u + e*v + f. */
export type Affine = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

export interface FaceCrop {
  image: RgbaImage;
  toImage: Affine;
}

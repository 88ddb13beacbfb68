/** Which analysed frame a video report pictures: works on the store's frames and on the JSON report's alike. */
interface FrameOf<F> {
  time: number;
  faces: F[];
}

export interface PersonInFrame<F> {
  time: number;
  face: F;
}

/** A person's highest-scoring analysed frame: the one the report shows their face and heatmap from (one the multi-task net saw). */
export function highestFrame<F extends { trackId: number; probability: number; scored: boolean }>(frames: FrameOf<F>[], trackId: number): PersonInFrame<F> | null {
  let best: PersonInFrame<F> | null = null;
  for (const frame of frames) {
    const face = frame.faces.find((f) => f.trackId === trackId && f.scored);
    if (face && (!best || face.probability > best.face.probability)) best = { time: frame.time, face };
  }
  return best;
}

/** The person in the analysed frame at `time` (a moment's start is one). */
export function personAt<F extends { trackId: number }>(frames: FrameOf<F>[], trackId: number, time: number): PersonInFrame<F> | null {
  const frame = frames.find((f) => f.time === time);
  const face = frame?.faces.find((f) => f.trackId === trackId);
  return frame && face ? { time: frame.time, face } : null;
}

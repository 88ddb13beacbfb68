import { intersectionArea } from '../pipeline/tiles';
import type { Box } from '../pipeline/types';

interface Track {
  id: number;
  box: Box;
  lastSeen: number;
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const side = (b: Box) => Math.sqrt(b.width * b.height);

function iou(a: Box, b: Box): number {
  const inter = intersectionArea(a, b);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/**
 * How well a detection continues a track: 0 when it cannot be the same face (its side more than
 * `maxSizeRatio` times larger or smaller, or its centre more than a face away).
 */
export function continuity(track: Box, detection: Box, maxSizeRatio = 2): number {
  const sizeRatio = side(detection) / side(track);
  if (sizeRatio < 1 / maxSizeRatio || sizeRatio > maxSizeRatio) return 0;
  const a = centre(track);
  const b = centre(detection);
  const distance = Math.hypot(a.x - b.x, a.y - b.y) / side(track);
  // Sampled frames can be far apart: a face may move more than its size between them.
  if (distance > 1) return 0;
  return iou(track, detection) + (1 - distance) * 0.5;
}

/**
 * Gives each detected face the id of the person it continues: greedy matching on overlap and
 * centre distance, first with the tracks seen in the last `maxGapSeconds` (a blink of the
 * detector), then with tracks lost for up to `reacquireSeconds` (hands over the face, a turn of
 * the head), so that one person hidden for a moment is not reported as two.
 */
export class FaceTracker {
  private tracks: Track[] = [];
  private nextId = 1;

  constructor(private readonly maxGapSeconds = 1, private readonly reacquireSeconds = 4) {}

  /** The boxes of tracks still alive at `time`: where to look for their faces next. */
  live(time: number): Box[] {
    return this.tracks.filter((t) => time - t.lastSeen <= this.maxGapSeconds).map((t) => t.box);
  }

  assign(time: number, boxes: Box[]): number[] {
    this.tracks = this.tracks.filter((t) => time - t.lastSeen <= this.reacquireSeconds);
    const pairs: { track: Track; box: number; score: number }[] = [];
    for (const track of this.tracks) {
      // Live tracks are matched before lost ones: continuity scores lie below 1.5. A face coming
      // back into view is often first boxed with the hands around it: lost tracks allow more size change.
      const live = time - track.lastSeen <= this.maxGapSeconds;
      const priority = live ? 2 : 0;
      boxes.forEach((box, i) => {
        const score = continuity(track.box, box, live ? 2 : 3);
        if (score > 0) pairs.push({ track, box: i, score: score + priority });
      });
    }
    pairs.sort((p, q) => q.score - p.score);
    const ids = new Array<number>(boxes.length).fill(0);
    const taken = new Set<Track>();
    for (const { track, box } of pairs) {
      if (taken.has(track) || ids[box] !== 0) continue;
      taken.add(track);
      ids[box] = track.id;
      track.box = boxes[box];
      track.lastSeen = time;
    }
    boxes.forEach((box, i) => {
      if (ids[i] !== 0) return;
      const track = { id: this.nextId++, box, lastSeen: time };
      this.tracks.push(track);
      ids[i] = track.id;
    });
    return ids;
  }
}

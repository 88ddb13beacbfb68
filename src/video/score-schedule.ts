import { logit } from '../pipeline/fusion';

/**
 * Which tracked faces the multi-task net (the score, heatmap and kind) runs on when a video is analysed at every frame
 * and the classifier (MesoNet) runs on every face of every frame: a person's first frame, then one frame every
 * `interval` seconds (the automatic sampling rate), and any frame where the classifier's output has moved by
 * `jumpLogit` or more (in logit) since the person was last scored. Between, the person's last scored values stand.
 */
export class ScoreSchedule {
  private readonly lastScored = new Map<number, { time: number; classifier: number }>();

  /** interval: seconds between two scored frames of a person (0: every frame). */
  constructor(private readonly interval: number, private readonly jumpLogit: number) {}

  due(trackId: number, time: number, classifier: number): boolean {
    const last = this.lastScored.get(trackId);
    if (!last) return true;
    // Frame times carry the container's rounding: a frame a hair early still counts as due.
    if (time - last.time >= this.interval - 1e-3) return true;
    return Math.abs(logit(classifier) - logit(last.classifier)) >= this.jumpLogit;
  }

  scored(trackId: number, time: number, classifier: number): void {
    this.lastScored.set(trackId, { time, classifier });
  }
}

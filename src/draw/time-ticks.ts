const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Evenly spaced, round times from 0 to `duration` for the timeline's axis: at most `maxTicks`. */
export function timeTicks(duration: number, maxTicks = 6): number[] {
  if (!(duration > 0)) return [0];
  const step = steps.find((s) => duration / s <= maxTicks - 1) ?? Math.ceil(duration / (maxTicks - 1) / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t <= duration + 1e-9; t += step) ticks.push(+t.toFixed(3));
  return ticks;
}

/** "1:05", or "0:02.5" when the tick is not a whole second. */
export function tickLabel(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  const text = Number.isInteger(s) ? String(s) : s.toFixed(1);
  return `${m}:${s < 10 ? '0' : ''}${text}`;
}

/** "1:05.0": a moment in the video, to a tenth of a second. */
export function formatTime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s < 10 ? '0' : ''}${s.toFixed(1)}`;
}

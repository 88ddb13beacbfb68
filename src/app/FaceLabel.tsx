import type { ReactNode } from 'react';
import type { Box } from '../pipeline/types';

/**
 * A face's label over a picture of `width` x `height`, `box` being the face's drawn box. Its size is in CSS pixels, not
 * the picture's, so it stays readable however small the picture is shown; it sits above the box (inside its top where
 * there is no room above), and slides from the box's centre towards the picture's edge so that it is never cut off.
 */
export function FaceLabel({ box, width, height, band, children }: { box: Box; width: number; height: number; band: string; children: ReactNode }) {
  const across = ((box.x + box.width / 2) / width) * 100;
  const top = (box.y / height) * 100;
  return (
    <span
      className={`face-label band-${band}`}
      data-testid="face-label"
      aria-hidden="true"
      style={{ left: `${across}%`, translate: `-${across}% 0`, top: `max(0px, calc(${top}% - var(--label-height)))` }}
    >
      {children}
    </span>
  );
}

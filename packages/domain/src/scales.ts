import { z } from 'zod';

export const SCALES = ['likert5', 'nps11', 'csat5', 'ces7'] as const;
export const Scale = z.enum(SCALES);
export type Scale = z.infer<typeof Scale>;

export interface ScaleRange {
  readonly min: number;
  readonly max: number;
}

export const SCALE_RANGES: Readonly<Record<Scale, ScaleRange>> = {
  likert5: { min: 1, max: 5 },
  nps11: { min: 0, max: 10 },
  csat5: { min: 1, max: 5 },
  ces7: { min: 1, max: 7 },
};

/** True when `value` is a whole point of the scale. */
export function isOnScale(scale: Scale, value: number): boolean {
  const { min, max } = SCALE_RANGES[scale];
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Maps a rating to the 0–100 index: (x − min) / (max − min) × 100. */
export function toIndex(scale: Scale, value: number): number {
  const { min, max } = SCALE_RANGES[scale];
  if (!isOnScale(scale, value)) throw new RangeError(`${value} is not on the ${scale} scale (${min}–${max})`);
  return ((value - min) / (max - min)) * 100;
}

/** The points of a scale, lowest first: nps11 → 0…10. */
export function scalePoints(scale: Scale): number[] {
  const { min, max } = SCALE_RANGES[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

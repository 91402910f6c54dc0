/** Rating scales the UI can draw; mirrors `Scale` in @facets/domain without pulling its runtime (zod) into bundles. */
export type RatingScaleKind = 'likert5' | 'csat5' | 'ces7' | 'nps11';

export const RATING_RANGES: Readonly<Record<RatingScaleKind, { min: number; max: number }>> = {
  likert5: { min: 1, max: 5 },
  csat5: { min: 1, max: 5 },
  ces7: { min: 1, max: 7 },
  nps11: { min: 0, max: 10 },
};

/** The points of a scale, lowest first: nps11 → 0…10. */
export function scalePoints(scale: RatingScaleKind): number[] {
  const { min, max } = RATING_RANGES[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

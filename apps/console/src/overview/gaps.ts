/** How a gap reads in words: within ±2 index points is on par (the same band the colour uses). */
export type GapWording = 'none' | 'above' | 'on_par' | 'below';

export function gapWording(value: number | null): GapWording {
  if (value === null) return 'none';
  if (value > 2) return 'above';
  if (value >= -2) return 'on_par';
  return 'below';
}

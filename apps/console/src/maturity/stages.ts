/** The five maturity stages of design.md §1, lowest first. */
export const STAGES = [1, 2, 3, 4, 5] as const;

/** The five maturity stages (domain `assessMaturity`), lowest first. */
export const STAGES = [1, 2, 3, 4, 5] as const;

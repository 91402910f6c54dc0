/** The disclosure reasons the API gives when it refuses a filter ("segment: complement_below_k: …"). */
const REFUSAL = /(?:^|: )(complement_below_k|below_k|overlap|complementary): /;

/** The reason code of a refused filter in an API message, or null when the failure is of another kind. */
export function refusalReason(message: string): string | null {
  return REFUSAL.exec(message)?.[1] ?? null;
}

import { z } from 'zod';

/**
 * The fatigue rule: a person is asked at most `maxSurveys` surveys per `periodDays` days. Being asked is being sent an
 * invitation (a reminder of the same invitation is not a new ask). The organisation sets it (`admin.settings.update`);
 * it is off until it does, because it withholds invitations HR asked for. Every invitation passes through one check
 * (db `repositories/fatigue.ts`): files, the directory, cadences, lifecycle and interaction triggers.
 */
export const FatigueRule = z.strictObject({
  maxSurveys: z.int().min(1).max(50),
  periodDays: z.int().min(1).max(365),
});
export type FatigueRule = z.infer<typeof FatigueRule>;

/** What the settings page suggests when an organisation turns the rule on: three surveys in thirty days. */
export const SUGGESTED_FATIGUE_RULE: FatigueRule = { maxSurveys: 3, periodDays: 30 };

/** Whether one more invitation would take a person past the rule, given how many they had in its period. */
export function overFatigueLimit(rule: FatigueRule | null, askedInPeriod: number): boolean {
  return rule !== null && askedInPeriod >= rule.maxSurveys;
}

/** The instant from which invitations count against the rule at `now`. */
export function fatigueWindowStart(rule: FatigueRule, now: string): string {
  return new Date(Date.parse(now) - rule.periodDays * 86_400_000).toISOString();
}

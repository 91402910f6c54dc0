import { z } from 'zod';
import { DomainError } from './errors.ts';
import type { SurveyKind } from './model.ts';

/**
 * Targeted surveys go to chosen people as events happen — a new hire, a leaver, a customer's interaction — so they
 * take answers all year. They are invitation-only (a portal lists them only to those invited), and they report by
 * fixed calendar periods: each period is a wave of its own, published when the period ends, never a rolling or
 * reader-chosen range, so that reading before and after one submission shows nothing (docs/architecture.md,
 * "The disclosure guarantee", point 3).
 */
export const INVITED_ONLY_KINDS: readonly SurveyKind[] = ['onboarding', 'exit', 'post_interaction'];

/** The calendar periods a continuous survey reports by; null on a survey: waves are scheduled by hand. */
export const ReportingPeriod = z.enum(['month', 'quarter']);
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

export interface CalendarPeriod {
  /** Inclusive start, ISO, midnight UTC of the period's first day. */
  start: string;
  /** Exclusive end: the next period's start. */
  end: string;
  /** `2026-11` for a month, `2026-Q4` for a quarter: the same in French and English. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar period (UTC) that contains `instant`. */
export function periodContaining(period: ReportingPeriod, instant: string): CalendarPeriod {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new DomainError('invalid', `instant: not a date: ${instant}`, 'instant');
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const first = period === 'month' ? month : month - (month % 3);
  const length = period === 'month' ? 1 : 3;
  const start = new Date(Date.UTC(year, first, 1));
  const end = new Date(Date.UTC(year, first + length, 1));
  const label = period === 'month' ? `${year}-${pad(month + 1)}` : `${year}-Q${first / 3 + 1}`;
  return { start: start.toISOString(), end: end.toISOString(), label };
}

/** Whether a survey of this kind may report by calendar periods. */
export function checkPeriodKind(kind: string, period: ReportingPeriod | null): void {
  if (period === null || INVITED_ONLY_KINDS.includes(kind as SurveyKind)) return;
  throw new DomainError(
    'invalid',
    'period: only onboarding, exit and post-interaction surveys report by calendar periods; schedule the waves of other surveys by hand',
    'period',
    'not_allowed',
  );
}

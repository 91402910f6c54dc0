import { z } from 'zod';
import { DomainError } from './errors.ts';
import { type GroupKind, Id, Locale, type SurveyKind } from './model.ts';

/**
 * Lifecycle triggers: an onboarding survey goes to each employee some days after their start date, an exit survey
 * some days before their end date (or at once, when the end date is recorded later than that). The server's minute
 * job invites each person whose day has come into the survey's current period wave, once per person and survey ever
 * (db `lifecycle/`). A day is caught up for `CATCH_UP_DAYS` only: a person whose day passed long before the trigger
 * was set (or before their date was recorded) is not invited retroactively.
 */

export const LIFECYCLE_EVENTS = ['start', 'end'] as const;
export const LifecycleEvent = z.enum(LIFECYCLE_EVENTS);
export type LifecycleEvent = z.infer<typeof LifecycleEvent>;

/** Days after a start date an onboarding survey goes out by default: the end of the first month. */
export const DEFAULT_ONBOARDING_DAYS = 30;
/** Days before an end date an exit survey goes out by default: the last week, while the person still works there. */
export const DEFAULT_EXIT_DAYS = 7;
/** How long after a person's day they are still invited (a server that did not run, a date recorded late). */
export const CATCH_UP_DAYS = 14;

export const LifecycleTrigger = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('start'), daysAfter: z.int().min(0).max(365) }),
  z.strictObject({ event: z.literal('end'), daysBefore: z.int().min(0).max(90) }),
]);
export type LifecycleTrigger = z.infer<typeof LifecycleTrigger>;

/** The survey kind each event belongs to: the one place the pairing is written. */
export const LIFECYCLE_KIND: Record<LifecycleEvent, SurveyKind> = { start: 'onboarding', end: 'exit' };

/**
 * Whether a survey may carry this trigger: an onboarding survey a start trigger, an exit survey an end trigger, of an
 * employee group, reporting by calendar periods (each person is invited into the current period's wave).
 */
export function checkLifecycleTrigger(
  survey: { kind: string; groupKind: GroupKind; continuous: boolean },
  trigger: LifecycleTrigger | null,
): void {
  if (trigger === null) return;
  const kind = LIFECYCLE_KIND[trigger.event];
  if (survey.kind !== kind) {
    throw new DomainError(
      'invalid',
      trigger.event === 'start'
        ? 'trigger: only an onboarding survey goes out after a start date'
        : 'trigger: only an exit survey goes out before an end date',
      'trigger',
      'not_allowed',
    );
  }
  if (survey.groupKind !== 'employee') {
    throw new DomainError(
      'invalid',
      'trigger: lifecycle triggers read the directory’s start and end dates, which only employee groups have',
      'trigger',
      'not_allowed',
    );
  }
  if (!survey.continuous) {
    throw new DomainError(
      'conflict',
      'trigger: choose the survey’s reporting period first: each person is invited into the current period’s wave',
      'trigger',
      'wrong_state',
    );
  }
}

const DAY_MS = 86_400_000;
/** A calendar day (YYYY-MM-DD) moved by whole days, in UTC. */
export function addCalendarDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day a person is due for this trigger (YYYY-MM-DD), or null: the date it reads is not recorded. */
export function lifecycleDueDay(
  trigger: LifecycleTrigger,
  person: { startDate: string | null; endDate: string | null },
): string | null {
  if (trigger.event === 'start')
    return person.startDate === null ? null : addCalendarDays(person.startDate, trigger.daysAfter);
  return person.endDate === null ? null : addCalendarDays(person.endDate, -trigger.daysBefore);
}

/** Whether a due day falls within the catch-up window ending today (UTC): from today − CATCH_UP_DAYS to today. */
export function lifecycleDue(dueDay: string | null, now: string): boolean {
  if (dueDay === null) return false;
  const today = now.slice(0, 10);
  return dueDay <= today && dueDay > addCalendarDays(today, -CATCH_UP_DAYS);
}

/**
 * The range of the date a trigger reads (start or end date) for which a person is due today, inclusive: what the
 * directory query filters on, so that a large group is not read whole.
 */
export function lifecycleDateRange(trigger: LifecycleTrigger, now: string): { from: string; to: string } {
  const today = now.slice(0, 10);
  const shift = trigger.event === 'start' ? -trigger.daysAfter : trigger.daysBefore;
  return { from: addCalendarDays(today, shift - CATCH_UP_DAYS + 1), to: addCalendarDays(today, shift) };
}

/**
 * What a trigger did for one person or interaction, as stored (`triggered_invitation.outcome`): invited; already
 * invited to the wave (by hand or an earlier interaction in the period); withheld by the fatigue rule (stored for an
 * interaction, whose trigger fires once; a lifecycle claim is dropped instead, and retried while the day is due).
 */
export const TRIGGER_OUTCOMES = ['invited', 'already_invited', 'over_limit'] as const;
export type TriggerOutcome = (typeof TRIGGER_OUTCOMES)[number];

/**
 * An interaction that asks a customer about it (the public API's call, db `triggerInteractionSurvey`): the person by
 * external id or e-mail (an unknown e-mail joins the survey's group), and the interaction's reference (an order or a
 * ticket number), which fires the survey once however many times it is sent.
 */
export const InteractionPerson = z
  .strictObject({
    externalId: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(254).toLowerCase().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    locale: Locale.optional(),
  })
  .refine((p) => p.externalId !== undefined || p.email !== undefined, {
    message: 'give the person’s externalId or email',
    path: ['externalId'],
  });
export type InteractionPerson = z.infer<typeof InteractionPerson>;

export const InteractionTrigger = z.strictObject({
  surveyId: Id,
  person: InteractionPerson,
  reference: z.string().trim().min(1).max(200),
});
export type InteractionTrigger = z.infer<typeof InteractionTrigger>;

import { DomainError, NO_REMINDERS, ReminderSchedule } from '@facets/domain';
import type { Kysely } from 'kysely';
import { requireSurvey } from '../repositories/survey-access.ts';
import type { Database } from '../schema.ts';

/** A survey's stored schedule (`survey.reminders`, JSON); none when unset or unreadable. */
export function parseReminderSchedule(text: string | null): ReminderSchedule {
  if (text === null) return NO_REMINDERS;
  try {
    return ReminderSchedule.safeParse(JSON.parse(text)).data ?? NO_REMINDERS;
  } catch {
    return NO_REMINDERS;
  }
}

/** Sets when a survey's invited who have not answered are reminded; both lists empty: never. */
export async function setReminderSchedule(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string; afterOpening: number[]; beforeClosing: number[] },
): Promise<ReminderSchedule> {
  await requireSurvey(db, args);
  const parsed = ReminderSchedule.safeParse({ afterOpening: args.afterOpening, beforeClosing: args.beforeClosing });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'afterOpening');
    throw new DomainError('invalid', `${field}: whole days from 1 to 365, at most 5`, field);
  }
  const schedule = parsed.data;
  const none = schedule.afterOpening.length === 0 && schedule.beforeClosing.length === 0;
  await db
    .updateTable('survey')
    .set({ reminders: none ? null : JSON.stringify(schedule) })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.surveyId)
    .execute();
  return schedule;
}

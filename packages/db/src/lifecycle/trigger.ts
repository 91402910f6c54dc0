import { checkLifecycleTrigger, DomainError, type GroupKind, LifecycleTrigger } from '@facets/domain';
import type { Kysely } from 'kysely';
import { requireSurvey } from '../repositories/survey-access.ts';
import type { Database } from '../schema.ts';

/** A survey's stored lifecycle trigger (`survey.lifecycle_trigger`, JSON); none when unset or unreadable. */
export function parseLifecycleTrigger(text: string | null): LifecycleTrigger | null {
  if (text === null) return null;
  try {
    return LifecycleTrigger.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

/**
 * Sets (or, with null, removes) the lifecycle trigger of an onboarding or exit survey of an employee group that
 * reports by calendar periods (domain `checkLifecycleTrigger`). From the next minute, the server's upkeep job invites
 * the people whose day has come (`sendLifecycleInvitations`).
 */
export async function setLifecycleTrigger(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    surveyId: string;
    trigger: LifecycleTrigger | null;
    groupKinds?: readonly GroupKind[];
  },
): Promise<{ trigger: LifecycleTrigger | null }> {
  const head = await requireSurvey(db, args);
  const parsed = LifecycleTrigger.nullable().safeParse(args.trigger);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new DomainError('invalid', `trigger${path ? `.${path}` : ''}: ${parsed.error.issues[0]?.message}`, 'trigger');
  }
  const row = await db
    .selectFrom('survey')
    .select(['kind', 'period'])
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.surveyId)
    .executeTakeFirstOrThrow();
  checkLifecycleTrigger({ kind: row.kind, groupKind: head.groupKind, continuous: row.period !== null }, parsed.data);
  await db
    .updateTable('survey')
    .set({ lifecycle_trigger: parsed.data === null ? null : JSON.stringify(parsed.data) })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.surveyId)
    .execute();
  return { trigger: parsed.data };
}

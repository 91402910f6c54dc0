import { DomainError, type WrittenText } from '@facets/domain';
import type { Kysely } from 'kysely';
import { requireListEntry } from '../model/lists.ts';
import type { Database } from '../schema.ts';
import { requireGroup } from './groups.ts';
import { calendarDate, localizedJson, requireGroupDimension } from './plan-checks.ts';
import { type CommunicatedPromise, listPromises } from './plans.ts';
import { inTransaction } from './rows.ts';

/** The promise register's writes: what is communicated to each group, on which channel, about which dimension. */

const MAX_PROMISE_STATEMENT = 1000;

export interface PromiseFields {
  groupId: string;
  dimensionId: string | null;
  /** An entry of the organisation's promise channels (db model/lists.ts). */
  channel: string;
  statement: WrittenText;
  /** The day it was first communicated, YYYY-MM-DD. */
  madeOn: string;
}

const noSuchPromise = () => new DomainError('not_found', 'promiseId: no such promise', 'promiseId');

/** A promise keeps the channel it has though its entry was archived since (`current`). */
async function checkedFields(db: Kysely<Database>, organizationId: string, fields: PromiseFields, current?: string) {
  await requireListEntry(db, { organizationId, list: 'promise_channel', code: fields.channel, current });
  const statement = await localizedJson(db, organizationId, 'statement', fields.statement, MAX_PROMISE_STATEMENT);
  const madeOn = calendarDate('madeOn', fields.madeOn);
  if (fields.dimensionId === null) await requireGroup(db, { organizationId, groupId: fields.groupId });
  else await requireGroupDimension(db, organizationId, { groupId: fields.groupId, dimensionId: fields.dimensionId });
  return {
    group_id: fields.groupId,
    dimension_id: fields.dimensionId,
    channel: fields.channel,
    statement,
    made_on: madeOn,
  };
}

async function getPromise(db: Kysely<Database>, organizationId: string, promiseId: string) {
  const found = (await listPromises(db, { organizationId, ids: [promiseId] }))[0];
  if (!found) throw noSuchPromise();
  return found;
}

export async function createPromise(
  db: Kysely<Database>,
  input: PromiseFields & { organizationId: string; now: string; newId: () => string },
): Promise<CommunicatedPromise> {
  const values = await checkedFields(db, input.organizationId, input);
  const id = input.newId();
  await db
    .insertInto('promise')
    .values({ id, organization_id: input.organizationId, ...values, created_at: input.now })
    .execute();
  return getPromise(db, input.organizationId, id);
}

export async function updatePromise(
  db: Kysely<Database>,
  input: PromiseFields & { organizationId: string; promiseId: string },
): Promise<CommunicatedPromise> {
  return inTransaction(db, async (trx) => {
    const current = await getPromise(trx, input.organizationId, input.promiseId);
    const values = await checkedFields(trx, input.organizationId, input, current.channel);
    await trx
      .updateTable('promise')
      .set(values)
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', current.id)
      .execute();
    return getPromise(trx, input.organizationId, current.id);
  });
}

export async function deletePromise(
  db: Kysely<Database>,
  input: { organizationId: string; promiseId: string },
): Promise<{ id: string }> {
  const result = await db
    .deleteFrom('promise')
    .where('organization_id', '=', input.organizationId)
    .where('id', '=', input.promiseId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw noSuchPromise();
  return { id: input.promiseId };
}

import { createDb, createSecretBox, type Database, type Db, migrateToLatest, newId } from '@facets/db';
import { buildFixture, companyRecord, type Fixture } from '@facets/db/testing';
import type { Role } from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import type { Accounts } from './accounts.ts';
import { createContextInner, type Session } from './context.ts';
import type { ErrorLog } from './errors.ts';
import { createCaller } from './root.ts';

/** Test support (not exported by the package): organisations on an in-memory database and callers for each person. */

export interface Person {
  userId: string;
  memberId: string;
  stakeholderId?: string;
}

export interface Org extends Fixture {
  leadership: Person;
  /** A second supplier, of another company: must never see Sam's feedback. */
  tom: Person & { stakeholderId: string };
}

/** The public origin of test contexts: links in test messages start with it. */
export const TEST_BASE_URL = 'http://facets.test';

export const silentLog: ErrorLog = { error: () => {} };

export async function openDb(): Promise<Db> {
  const db = createDb(':memory:');
  await migrateToLatest(db.db);
  return db;
}

/** The db fixture plus a leadership member and a second supplier; k = 3 so that three employees make a visible cell. */
export async function buildOrg(db: Kysely<Database>, options: { kThreshold?: number } = {}): Promise<Org> {
  const fx = await buildFixture(db, { kThreshold: options.kThreshold ?? 3 });
  const leadership = await addMember(db, fx, 'leadership', 'leadership');
  const tomId = newId();
  await db
    .insertInto('stakeholder')
    .values({
      id: tomId,
      organization_id: fx.organizationId,
      group_id: fx.groups.supplier,
      external_ref: null,
      email: `tom@${fx.slug}.test`,
      display_name: 'Tom',
      company: 'Scierie Martin',
      company_id: await companyRecord(db, fx, 'Scierie Martin'),
      segments: JSON.stringify({ category: 'wood' }),
      created_at: fx.now,
    })
    .execute();
  const tom = { ...(await addMember(db, fx, 'tom', 'stakeholder', tomId)), stakeholderId: tomId };
  return { ...fx, leadership, tom };
}

export async function addMember(
  db: Kysely<Database>,
  fx: Fixture,
  name: string,
  role: Role,
  stakeholderId: string | null = null,
): Promise<Person> {
  const userId = await addUser(db, `${name}@${fx.slug}.test`, fx.now);
  const memberId = newId();
  await db
    .insertInto('member')
    .values({
      id: memberId,
      organization_id: fx.organizationId,
      user_id: userId,
      role,
      department: null,
      stakeholder_id: stakeholderId,
      created_at: fx.now,
    })
    .execute();
  return { userId, memberId, ...(stakeholderId ? { stakeholderId } : {}) };
}

/** A signed-in user who belongs to no organisation. */
export async function addUser(db: Kysely<Database>, email: string, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('auth_user')
    .values({ id, name: email, email, email_verified: 1, image: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

/** A caller acting as `userId` (null: anonymous), at the fixture's time. */
export async function callerFor(
  db: Kysely<Database>,
  userId: string | null,
  options: { now?: string; log?: ErrorLog; accounts?: Accounts } = {},
) {
  const session: Session = userId ? { userId } : null;
  const now = new Date(options.now ?? '2026-11-22T09:00:00.000Z');
  return createCaller(
    await createContextInner({
      db,
      session,
      clock: () => now,
      newId,
      baseUrl: TEST_BASE_URL,
      log: options.log ?? silentLog,
      accounts: options.accounts ?? fakeAccounts(db),
      webhooks: TEST_WEBHOOKS,
    }),
  );
}

/** Webhook settings of API tests: a fixed server key, http to loopback allowed. */
export const TEST_WEBHOOKS = {
  secrets: createSecretBox('the server secret of the api tests, 32+ characters', 'webhook signing'),
  allowHttpLoopback: true,
};

/** The accounts service of API tests: users go straight into auth_user, each token is remembered by user id. */
export function fakeAccounts(db: Kysely<Database>): Accounts & { tokens: Map<string, string[]> } {
  const tokens = new Map<string, string[]>();
  return {
    tokens,
    async ensureUser({ email, name }) {
      const found = await db
        .selectFrom('auth_user')
        .select('id')
        .where(sql<string>`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      if (found) return { userId: found.id };
      const id = newId();
      const now = new Date().toISOString();
      await db
        .insertInto('auth_user')
        .values({ id, name, email, email_verified: 0, image: null, created_at: now, updated_at: now })
        .execute();
      return { userId: id };
    },
    async issuePasswordToken(userId) {
      const token = `token-${newId()}`;
      tokens.set(userId, [...(tokens.get(userId) ?? []), token]);
      return { token, expiresAt: '2026-11-29T09:00:00.000Z' };
    },
  };
}

export async function count(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A valid employee survey submission (the two required recognition items). */
export function employeeAnswers(fx: Fixture, lived = 4, expected = 4) {
  const q = fx.surveys.employee.questions;
  return [
    { questionId: q.recognition_lived!, value: lived },
    { questionId: q.recognition_expected!, value: expected },
  ];
}

export function supplierAnswers(fx: Fixture, payment = 4) {
  return [{ questionId: fx.surveys.supplier.questions.payment_lived!, value: payment }];
}

let keys = 0;
/** A fresh idempotency key. */
export const key = () => `test-key-${(++keys).toString().padStart(6, '0')}`;

import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import {
  findInvitation,
  hashToken,
  invitationCounts,
  issueInvitations,
  markInvitationUsed,
  requireUsableInvitation,
} from './invitations.ts';

const dialects = await testDialects();
const LATER = '2026-12-22T09:00:00.000Z';

describe.each(dialects)('invitations (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
  });

  const issue = (stakeholderIds: string[], waveId = fx.surveys.employee.waveId) =>
    issueInvitations(db, {
      organizationId: fx.organizationId,
      waveId,
      stakeholderIds,
      expiresAt: LATER,
      now: fx.now,
      newId,
    });

  it('issues one token per person and stores only its hash', async () => {
    const issued = await issue([fx.stakeholders.alice.id, fx.stakeholders.bob.id, fx.stakeholders.alice.id]);
    expect(issued.map((i) => i.stakeholderId)).toEqual([fx.stakeholders.alice.id, fx.stakeholders.bob.id]);
    expect(new Set(issued.map((i) => i.token)).size).toBe(2);
    const rows = await db
      .selectFrom('invitation')
      .selectAll()
      .where('organization_id', '=', fx.organizationId)
      .execute();
    expect(rows).toHaveLength(2);
    for (const inv of issued) {
      expect(rows.some((r) => r.token_hash === hashToken(inv.token))).toBe(true);
      expect(rows.some((r) => r.token_hash === inv.token)).toBe(false);
    }
    const found = await findInvitation(db, issued[0]!.token);
    expect(found).toMatchObject({
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: fx.stakeholders.alice.id,
      group: { id: fx.groups.employee, code: 'employee', kind: 'employee' },
      usedAt: null,
    });
  });

  it("refuses, whole, a list with someone outside the survey's group, and a wave of another organisation", async () => {
    await expect(issue([fx.stakeholders.alice.id, fx.stakeholders.sam.id])).rejects.toThrow(
      /stakeholderIds: .* is not a stakeholder of this survey's group/,
    );
    const other = await buildFixture(db);
    await expect(issue([fx.stakeholders.alice.id], other.surveys.employee.waveId)).rejects.toThrow(
      'waveId: no such wave',
    );
    const count = await db
      .selectFrom('invitation')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', 'in', [fx.organizationId, other.organizationId])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('accepts a token once, and says why it refuses one', async () => {
    const [alice] = await issue([fx.stakeholders.alice.id]);
    const now = fx.now;
    const invitation = await requireUsableInvitation(db, { token: alice!.token, now });
    expect(
      await markInvitationUsed(db, { organizationId: fx.organizationId, invitationId: invitation.invitationId, now }),
    ).toBe(true);
    expect(
      await markInvitationUsed(db, { organizationId: fx.organizationId, invitationId: invitation.invitationId, now }),
    ).toBe(false);
    await expect(requireUsableInvitation(db, { token: alice!.token, now })).rejects.toThrow(
      'token: this invitation link was already used',
    );
    await expect(requireUsableInvitation(db, { token: 'not-a-token', now })).rejects.toThrow(
      'token: this invitation link is not valid',
    );
    const [bob] = await issue([fx.stakeholders.bob.id]);
    await expect(requireUsableInvitation(db, { token: bob!.token, now: LATER })).rejects.toThrow(
      'token: this invitation link has expired',
    );
  });

  it('counts the people invited and the links used, per wave', async () => {
    const issued = await issue([fx.stakeholders.alice.id, fx.stakeholders.bob.id, fx.stakeholders.carol.id]);
    await issue([fx.stakeholders.alice.id]); // a reminder: a second link for the same person
    await markInvitationUsed(db, {
      organizationId: fx.organizationId,
      invitationId: issued[0]!.invitationId,
      now: fx.now,
    });
    expect(
      await invitationCounts(db, { organizationId: fx.organizationId, waveId: fx.surveys.employee.waveId }),
    ).toEqual({
      invited: 3,
      used: 1,
    });
  });

  it('refuses an expiry that is not in the future', async () => {
    await expect(
      issueInvitations(db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderIds: [fx.stakeholders.alice.id],
        expiresAt: fx.now,
        now: fx.now,
        newId,
      }),
    ).rejects.toThrow('expiresAt: must be in the future');
  });
});

import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

describe('session.me', () => {
  it('is null for anonymous callers and for users of no organisation', async () => {
    expect(await (await callerFor(db.db, null)).session.me()).toBeNull();
    const outsider = await addUser(db.db, 'outsider@example.test', org.now);
    expect(await (await callerFor(db.db, outsider)).session.me()).toBeNull();
  });

  it('describes a staff member', async () => {
    const me = await (await callerFor(db.db, org.staff.manager.userId)).session.me();
    expect(me).toEqual({
      user: { id: org.staff.manager.userId, name: 'manager', email: org.staff.manager.email },
      organization: {
        id: org.organizationId,
        slug: org.slug,
        name: `Organisation ${org.slug}`,
        kThreshold: 3,
        // The languages its texts are written in: both, by default.
        languages: ['fr', 'en'],
      },
      role: 'manager',
      department: 'it',
      personId: null,
      stakeholder: null,
    });
  });

  it('describes a stakeholder with their group', async () => {
    const me = await (await callerFor(db.db, org.stakeholders.sam.userId)).session.me();
    expect(me?.role).toBe('stakeholder');
    expect(me?.stakeholder).toEqual({
      id: org.stakeholders.sam.id,
      displayName: 'Sam',
      group: {
        id: org.groups.supplier,
        code: 'supplier',
        kind: 'supplier',
        label: { fr: 'supplier (fr)', en: 'supplier' },
      },
    });
  });
});

describe('org.groups', () => {
  it('lists the organisation’s groups', async () => {
    const groups = await (await callerFor(db.db, org.staff.analyst.userId)).org.groups();
    expect(groups.map((g) => [g.code, g.kind])).toEqual([
      ['employee', 'employee'],
      ['supplier', 'supplier'],
    ]);
  });
});

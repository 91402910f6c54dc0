import {
  DomainError,
  type ErrorDetail,
  type ErrorReason,
  fieldError,
  invalid,
  type LocalizedText,
  StaffRole,
} from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { listGroups, listSegmentAttributes } from './groups.ts';
import { inTransaction } from './rows.ts';

/** The organisation's staff (people and roles): who they are, what they may see, whether they have signed up yet. */

export interface StaffMember {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
  /** For managers: the employee department whose results they see. */
  department: string | null;
  /** For managers: their own person in the employee directory, whose team (everyone under them) they read. */
  person: { id: string; name: string; email: string | null; externalId: string | null } | null;
  /** `invited` until the person has chosen a password. */
  status: 'active' | 'invited';
  createdAt: string;
}

/** The segment key a manager's department is a value of, in the employee groups (insights read it the same way). */
export const MANAGER_SEGMENT_KEY = 'department';

const conflict = (field: string, message: string, detail?: ErrorReason | ErrorDetail) =>
  fieldError('conflict', field, message, detail);
const noSuchMember = () => new DomainError('not_found', 'memberId: no such staff member', 'memberId');

function staffQuery(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('member as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .leftJoin('stakeholder as p', (j) =>
      j.onRef('p.id', '=', 'm.person_id').onRef('p.organization_id', '=', 'm.organization_id'),
    )
    .select((eb) => [
      'm.id as member_id',
      'm.user_id',
      'm.role',
      'm.department',
      'p.id as person_id',
      'p.display_name as person_name',
      'p.email as person_email',
      'p.external_ref as person_external_id',
      'm.created_at',
      'u.name',
      'u.email',
      eb
        .exists(
          eb
            .selectFrom('auth_account as a')
            .select('a.id')
            .whereRef('a.user_id', '=', 'm.user_id')
            .where('a.provider_id', '=', 'credential')
            .where('a.password', 'is not', null),
        )
        .as('has_password'),
    ])
    .where('m.organization_id', '=', organizationId)
    .where('m.removed_at', 'is', null)
    .where('m.role', 'in', StaffRole.options);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['execute']>>[number];

function toStaffMember(r: StaffRow): StaffMember {
  return {
    memberId: r.member_id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: r.role as StaffRole,
    department: r.department,
    person:
      r.person_id === null
        ? null
        : {
            id: r.person_id,
            name: r.person_name ?? '',
            email: r.person_email ?? null,
            externalId: r.person_external_id ?? null,
          },
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    status: r.has_password === true || Number(r.has_password) === 1 ? 'active' : 'invited',
    createdAt: r.created_at,
  };
}

/** Every current staff member, by name. */
export async function listStaffMembers(db: Kysely<Database>, args: { organizationId: string }): Promise<StaffMember[]> {
  const rows = await staffQuery(db, args.organizationId).orderBy('u.name').orderBy('m.id').execute();
  return rows.map(toStaffMember);
}

export async function getStaffMember(
  db: Kysely<Database>,
  args: { organizationId: string; memberId: string },
): Promise<StaffMember | undefined> {
  const row = await staffQuery(db, args.organizationId).where('m.id', '=', args.memberId).executeTakeFirst();
  return row && toStaffMember(row);
}

/** The departments a manager can be given: the `department` values of the organisation's employee groups. */
export async function listManagerDepartments(
  db: Kysely<Database>,
  args: { organizationId: string },
): Promise<{ value: string; label: LocalizedText }[]> {
  const employeeGroups = (await listGroups(db, args.organizationId)).filter((g) => g.kind === 'employee');
  const seen = new Map<string, LocalizedText>();
  for (const group of employeeGroups) {
    const attributes = await listSegmentAttributes(db, { organizationId: args.organizationId, groupId: group.id });
    for (const v of attributes.find((a) => a.key === MANAGER_SEGMENT_KEY)?.values ?? []) {
      if (!seen.has(v.value)) seen.set(v.value, v.label);
    }
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** A manager needs one of the organisation's departments; other roles have none (returned as null). */
export async function checkStaffDepartment(
  db: Kysely<Database>,
  organizationId: string,
  role: string,
  department: string | null | undefined,
): Promise<string | null> {
  if (!StaffRole.safeParse(role).success)
    throw invalid('role', `must be one of ${StaffRole.options.join(', ')}`, 'invalid_value');
  if (role !== 'manager') return null;
  if (!department) throw invalid('department', 'a manager needs the department whose results they see', 'required');
  const departments = await listManagerDepartments(db, { organizationId });
  if (!departments.some((d) => d.value === department)) {
    throw invalid('department', 'is not a department of the organisation’s employees', 'invalid_value');
  }
  return department;
}

/**
 * Serialises changes to an organisation's admins: on PostgreSQL the no-op update holds the organisation's row lock
 * until commit, so two admins demoting each other at once cannot both succeed; SQLite runs one writer at a time.
 */
async function lockOrganization(trx: Kysely<Database>, organizationId: string): Promise<void> {
  await trx
    .updateTable('organization')
    .set((eb) => ({ slug: eb.ref('slug') }))
    .where('id', '=', organizationId)
    .execute();
}

async function otherAdmins(trx: Kysely<Database>, organizationId: string, memberId: string): Promise<number> {
  const row = await trx
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('removed_at', 'is', null)
    .where('id', '<>', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The organisations a user is a member of, current or removed; undefined when no user has this email. */
export async function findUserMemberships(
  db: Kysely<Database>,
  email: string,
): Promise<{ userId: string; memberships: { organizationId: string; removed: boolean }[] } | undefined> {
  const user = await db
    .selectFrom('auth_user')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) return undefined;
  const rows = await db
    .selectFrom('member')
    .select(['organization_id', 'removed_at'])
    .where('user_id', '=', user.id)
    .execute();
  return {
    userId: user.id,
    memberships: rows.map((r) => ({ organizationId: r.organization_id, removed: r.removed_at !== null })),
  };
}

/**
 * Makes a user a staff member: a new membership, or a removed one given back. One account belongs to one
 * organisation (the session resolves a single membership), so a user who is a member elsewhere is refused.
 */
export async function addStaffMember(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    userId: string;
    role: string;
    department?: string | null;
    now: string;
    newId: () => string;
  },
): Promise<StaffMember> {
  return inTransaction(db, async (trx) => {
    const department = await checkStaffDepartment(trx, args.organizationId, args.role, args.department);
    const rows = await trx
      .selectFrom('member')
      .select(['id', 'organization_id', 'removed_at'])
      .where('user_id', '=', args.userId)
      .execute();
    const ours = rows.find((r) => r.organization_id === args.organizationId);
    if (ours && ours.removed_at === null)
      throw conflict('email', 'is already a member of this organisation', 'duplicate');
    if (rows.some((r) => r.organization_id !== args.organizationId && r.removed_at === null)) {
      throw conflict('email', 'belongs to an account of another organisation', 'member_elsewhere');
    }
    let memberId: string;
    if (ours) {
      memberId = ours.id;
      await trx
        .updateTable('member')
        .set({ role: args.role, department, removed_at: null, stakeholder_id: null, person_id: null })
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', ours.id)
        .execute();
    } else {
      memberId = args.newId();
      await trx
        .insertInto('member')
        .values({
          id: memberId,
          organization_id: args.organizationId,
          user_id: args.userId,
          role: args.role,
          department,
          stakeholder_id: null,
          created_at: args.now,
          removed_at: null,
        })
        .execute();
    }
    const member = await getStaffMember(trx, { organizationId: args.organizationId, memberId });
    if (!member) throw noSuchMember();
    return member;
  });
}

/** Changes a staff member's role (and department); the organisation always keeps an admin. */
export async function updateStaffMember(
  db: Kysely<Database>,
  args: { organizationId: string; memberId: string; role: string; department?: string | null },
): Promise<StaffMember> {
  return inTransaction(db, async (trx) => {
    await lockOrganization(trx, args.organizationId);
    const member = await getStaffMember(trx, args);
    if (!member) throw noSuchMember();
    const department = await checkStaffDepartment(trx, args.organizationId, args.role, args.department);
    if (
      member.role === 'admin' &&
      args.role !== 'admin' &&
      (await otherAdmins(trx, args.organizationId, member.memberId)) === 0
    ) {
      throw conflict('role', 'the organisation must keep at least one admin', 'last_admin');
    }
    // Only a manager reads by their person's team: another role keeps no link.
    const person = args.role === 'manager' ? member.person : null;
    await trx
      .updateTable('member')
      .set({ role: args.role, department, ...(person ? {} : { person_id: null }) })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', member.memberId)
      .execute();
    return { ...member, role: args.role as StaffRole, department, person };
  });
}

/**
 * Links a manager to their own person in an employee group's directory, named by external id or e-mail (null
 * unlinks): the manager then reads their team, everyone under that person (docs/architecture.md, "Teams"). An erased
 * person, someone of another group kind or organisation, or a name that fits several people is refused.
 */
export async function setStaffPerson(
  db: Kysely<Database>,
  args: { organizationId: string; memberId: string; person: string | null },
): Promise<StaffMember> {
  return inTransaction(db, async (trx) => {
    const member = await getStaffMember(trx, args);
    if (!member) throw noSuchMember();
    if (member.role !== 'manager' && args.person !== null) {
      throw conflict('person', 'only a manager reads by the team of a person of the directory', 'wrong_state');
    }
    let personId: string | null = null;
    if (args.person !== null) {
      const named = args.person.trim();
      const people = await trx
        .selectFrom('stakeholder as s')
        .innerJoin('stakeholder_group as g', (j) =>
          j.onRef('g.id', '=', 's.group_id').onRef('g.organization_id', '=', 's.organization_id'),
        )
        .select(['s.id', 's.external_ref'])
        .where('s.organization_id', '=', args.organizationId)
        .where('g.kind', '=', 'employee')
        .where('s.erased_at', 'is', null)
        .where((eb) =>
          eb.or([eb('s.external_ref', '=', named), eb(sql<string>`lower(s.email)`, '=', named.toLowerCase())]),
        )
        .execute();
      const byRef = people.filter((p) => p.external_ref === named);
      const found = byRef.length > 0 ? byRef : people;
      if (found.length === 0) {
        throw invalid('person', 'no one in the employee directory has this external id or e-mail', 'not_found');
      }
      if (found.length > 1) {
        throw invalid(
          'person',
          'several people of the employee directory have this e-mail: give the external id',
          'duplicate',
        );
      }
      personId = found[0]!.id;
    }
    await trx
      .updateTable('member')
      .set({ person_id: personId })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', member.memberId)
      .execute();
    const updated = await getStaffMember(trx, args);
    if (!updated) throw noSuchMember();
    return updated;
  });
}

/**
 * Ends a staff membership. Nobody removes themself (another admin can) and the last admin stays. The feedback they
 * were handling goes back to the unassigned queue; what they wrote stays, attributed to them.
 */
export async function removeStaffMember(
  db: Kysely<Database>,
  args: { organizationId: string; memberId: string; actorMemberId: string; now: string },
): Promise<{ memberId: string }> {
  return inTransaction(db, async (trx) => {
    await lockOrganization(trx, args.organizationId);
    const member = await getStaffMember(trx, args);
    if (!member) throw noSuchMember();
    if (member.memberId === args.actorMemberId) {
      throw conflict('memberId', 'you cannot remove yourself; another admin can', 'self_removal');
    }
    if (member.role === 'admin' && (await otherAdmins(trx, args.organizationId, member.memberId)) === 0) {
      throw conflict('memberId', 'the organisation must keep at least one admin', 'last_admin');
    }
    await trx
      .updateTable('member')
      .set({ removed_at: args.now })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', member.memberId)
      .execute();
    await trx
      .updateTable('feedback')
      .set({ assignee_member_id: null, updated_at: args.now })
      .where('organization_id', '=', args.organizationId)
      .where('assignee_member_id', '=', member.memberId)
      .where('status', '<>', 'resolved')
      .execute();
    return { memberId: member.memberId };
  });
}

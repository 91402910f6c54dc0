import {
  type Database,
  type Dimension,
  type GroupRef,
  groupOfSurvey,
  listDimensions,
  listGroups,
  type MemberContext,
  requireGroup,
} from '@facets/db';
import { type DisclosurePolicy, DomainError, disclosurePolicy, TEAM_KEY } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Segment } from './cells.ts';
import type { Selection } from './population.ts';

/**
 * What a staff member may read of the insights: admin, leadership, hr and analyst see the whole organisation; a
 * manager sees only employee groups, always through one of their own populations: their team (everyone under their
 * person in the directory, when an admin linked them to it; docs/architecture.md, "Teams") and their department.
 */
export interface Scope {
  organizationId: string;
  policy: DisclosurePolicy;
  /**
   * Set for managers: the populations they may read, the first by default — `team = their person` when linked, then
   * `department = their department`. Every figure they read is one of these segments'.
   */
  own: Segment[] | null;
  /** The time of the request: waves closed by then are published (db publication). */
  now: string;
}

/** The department segment key managers are filtered by. */
export const DEPARTMENT_KEY = 'department';

export function scopeOf(member: MemberContext, now: string): Scope {
  const o = member.organization;
  const policy = disclosurePolicy(o.kThreshold, o.commentThreshold);
  if (member.role !== 'manager') return { organizationId: o.id, policy, own: null, now };
  if (!member.department) throw new DomainError('forbidden', 'A manager sees their department: none is set for you.');
  const own: Segment[] = [
    ...(member.personId ? [{ key: TEAM_KEY, value: member.personId }] : []),
    { key: DEPARTMENT_KEY, value: member.department },
  ];
  return { organizationId: o.id, policy, own, now };
}

/** A manager's department segment (null for readers of the whole organisation): what they plan for. */
export const departmentOf = (scope: Scope): Segment | null => scope.own?.find((s) => s.key === DEPARTMENT_KEY) ?? null;

const managerSees = (group: GroupRef) => group.kind === 'employee';

/** The groups a scope covers, in the organisation's order. */
export async function scopeGroups(db: Kysely<Database>, scope: Scope): Promise<GroupRef[]> {
  const groups = await listGroups(db, scope.organizationId);
  return scope.own ? groups.filter(managerSees) : groups;
}

/** A group of the caller's organisation (NOT_FOUND otherwise, whoever owns the id) that the scope may read. */
export async function requireReadableGroup(
  db: Kysely<Database>,
  scope: Scope,
  groupId: string,
  field = 'groupId',
): Promise<GroupRef> {
  const group = await requireGroup(db, { organizationId: scope.organizationId, groupId }, field);
  if (scope.own && !managerSees(group)) {
    throw new DomainError('forbidden', `${field}: managers see employee results only`, field);
  }
  return group;
}

export async function requireDimension(
  db: Kysely<Database>,
  scope: Scope,
  args: { groupId: string; dimensionId: string },
): Promise<Dimension> {
  const dimensions = await listDimensions(db, { organizationId: scope.organizationId, groupId: args.groupId });
  const dimension = dimensions.find((d) => d.id === args.dimensionId);
  if (!dimension) throw new DomainError('not_found', 'dimensionId: no such dimension in this group', 'dimensionId');
  return dimension;
}

/**
 * The population a view reads: one of a manager's own (their team by default when linked, else their department), or
 * the segment asked for. A manager may name only their own team or department; anyone else may name any segment of
 * the group, a manager's team included.
 */
export function populationOf(scope: Scope, segment: Segment | undefined): Segment | null {
  if (!scope.own) return segment ?? null;
  if (!segment) return scope.own[0]!;
  const own = scope.own.find((s) => s.key === segment.key && s.value === segment.value);
  if (!own) throw new DomainError('forbidden', 'segment: managers see their own team or department only', 'segment');
  return own;
}

/**
 * The group a reader's selection (a survey, a wave) belongs to, checked against the scope (NOT_FOUND for a survey or
 * wave of no group of the organisation, or a wave of another survey; FORBIDDEN outside a manager's groups); null
 * when nothing is chosen. Views reporting on several groups apply the selection to this group only.
 */
export async function selectionGroup(
  db: Kysely<Database>,
  scope: Scope,
  selection: Selection | undefined,
): Promise<string | null> {
  if (!selection || (selection.surveyId === undefined && selection.waveId === undefined)) return null;
  const field = selection.waveId === undefined ? 'surveyId' : 'waveId';
  const groupId = await groupOfSurvey(db, { organizationId: scope.organizationId, ...selection });
  if (!groupId) {
    throw new DomainError(
      'not_found',
      field === 'waveId' ? 'waveId: no such wave in this survey' : 'surveyId: no such survey',
      field,
    );
  }
  await requireReadableGroup(db, scope, groupId, field);
  return groupId;
}

/** The part of a view's input that selects what it reports on. */
export const selectionOf = (
  input: { surveyId?: string | undefined; waveId?: string | undefined } | undefined,
): Selection => ({
  ...(input?.surveyId === undefined ? {} : { surveyId: input.surveyId }),
  ...(input?.waveId === undefined ? {} : { waveId: input.waveId }),
});

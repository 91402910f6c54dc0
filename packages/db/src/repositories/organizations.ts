import {
  type GroupKind,
  type Locale,
  type LocalizedText,
  languagesOf,
  type Role,
  type WrittenText,
  writtenText,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { localized, parseJson } from './rows.ts';

export interface Organization {
  id: string;
  slug: string;
  name: string;
  defaultLocale: string;
  kThreshold: number;
  commentThreshold: number;
  /** The languages it writes in, French first (domain languages.ts). */
  languages: Locale[];
}

export interface GroupRef {
  id: string;
  code: string;
  kind: GroupKind;
  label: LocalizedText;
}

/** Who a signed-in user is in an organisation: everything the API's context needs, in one read. */
export interface MemberContext {
  memberId: string;
  user: { id: string; name: string; email: string };
  organization: Organization;
  role: Role;
  department: string | null;
  /** For managers: their own person in the employee directory, whose team they read (`member.person_id`). */
  personId: string | null;
  stakeholder: null | {
    id: string;
    displayName: string;
    company: string | null;
    /** The contact's company record: the `company` segment of their responses in groups counted in companies. */
    companyId: string | null;
    segments: Record<string, string>;
    group: GroupRef;
  };
}

export async function getOrganization(db: Kysely<Database>, id: string): Promise<Organization | undefined> {
  const row = await db
    .selectFrom('organization')
    .select(['id', 'slug', 'name', 'default_locale', 'k_threshold', 'comment_threshold', 'languages'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toOrganization(row);
}

export async function getOrganizationBySlug(db: Kysely<Database>, slug: string): Promise<Organization | undefined> {
  const row = await db
    .selectFrom('organization')
    .select(['id', 'slug', 'name', 'default_locale', 'k_threshold', 'comment_threshold', 'languages'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toOrganization(row);
}

function toOrganization(row: {
  id: string;
  slug: string;
  name: string;
  default_locale: string;
  k_threshold: number;
  comment_threshold: number;
  languages: string;
}): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    defaultLocale: row.default_locale,
    kThreshold: row.k_threshold,
    commentThreshold: row.comment_threshold,
    languages: parseLanguages(row.languages),
  };
}

export const parseLanguages = (json: string): Locale[] => languagesOf(parseJson<string[]>(json, []));

/** The languages the organisation writes in: each text it writes is required in them (domain `writtenText`). */
export async function organizationLanguages(db: Kysely<Database>, organizationId: string): Promise<Locale[]> {
  const row = await db
    .selectFrom('organization')
    .select('languages')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return parseLanguages(row?.languages ?? '[]');
}

/** A text the organisation writes, checked in its languages (each required, `field.fr` named), as stored. */
export async function writtenIn(
  db: Kysely<Database>,
  organizationId: string,
  field: string,
  text: WrittenText,
  max: number,
): Promise<WrittenText> {
  return writtenText(field, text, await organizationLanguages(db, organizationId), max);
}

/** `writtenIn`, as the JSON text stored. */
export async function writtenJson(...args: Parameters<typeof writtenIn>): Promise<string> {
  return JSON.stringify(await writtenIn(...args));
}

/**
 * The member record of a user, with organisation, role, department and stakeholder (+ group); undefined when the
 * user belongs to no organisation (a removed membership no longer counts). A user in several organisations gets the oldest membership unless one is named.
 */
export async function findMemberByUserId(
  db: Kysely<Database>,
  userId: string,
  organizationId?: string,
): Promise<MemberContext | undefined> {
  let query = db
    .selectFrom('member as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .leftJoin('stakeholder as s', (j) =>
      j.onRef('s.id', '=', 'm.stakeholder_id').onRef('s.organization_id', '=', 'm.organization_id'),
    )
    .leftJoin('stakeholder_group as g', 'g.id', 's.group_id')
    .select([
      'm.id as member_id',
      'm.role',
      'm.department',
      'm.person_id',
      'u.id as user_id',
      'u.name as user_name',
      'u.email as user_email',
      'o.id',
      'o.slug',
      'o.name',
      'o.default_locale',
      'o.k_threshold',
      'o.comment_threshold',
      'o.languages',
      's.id as stakeholder_id',
      's.display_name',
      's.company',
      's.company_id',
      's.segments',
      'g.id as group_id',
      'g.code as group_code',
      'g.kind as group_kind',
      'g.label as group_label',
    ])
    .where('m.user_id', '=', userId)
    .where('m.removed_at', 'is', null);
  if (organizationId !== undefined) query = query.where('m.organization_id', '=', organizationId);
  const row = await query.orderBy('m.created_at').orderBy('m.id').executeTakeFirst();
  if (!row) return undefined;
  const stakeholder =
    row.stakeholder_id !== null && row.group_id !== null
      ? {
          id: row.stakeholder_id,
          displayName: row.display_name!,
          company: row.company,
          companyId: row.company_id,
          segments: parseJson<Record<string, string>>(row.segments, {}),
          group: {
            id: row.group_id,
            code: row.group_code!,
            kind: row.group_kind as GroupKind,
            label: localized(row.group_label!),
          },
        }
      : null;
  return {
    memberId: row.member_id,
    user: { id: row.user_id, name: row.user_name, email: row.user_email },
    organization: toOrganization(row),
    role: row.role as Role,
    department: row.department,
    personId: row.person_id,
    stakeholder,
  };
}

/** True when no organisation exists yet: the CLI seeds the demo then. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organization').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

import { companyDomain } from '@facets/domain';
import type { Kysely } from 'kysely';
import { seedListEntries } from '../model/lists.ts';
import type { Database } from '../schema.ts';
import { GROUPS, groupId, ORGANIZATION, SEGMENT_ATTRIBUTES, SUPPLIER_COMPANIES } from './content.ts';
import { DIMENSIONS, dimensionId } from './dimensions.ts';
import { INITIATIVES } from './initiatives.ts';
import { INTENDED } from './intended.ts';
import { demoCompanyId, STAFF, type StakeholderContent } from './people.ts';
import { PROMISES } from './promises.ts';

const DAY = 24 * 60 * 60 * 1000;
const org = ORGANIZATION.id;
const json = (value: unknown) => JSON.stringify(value);

/** Times of the demo, all counted from the injected `now`. */
export class Clock {
  readonly now: Date;
  constructor(now: Date) {
    this.now = now;
  }
  daysAgo(days: number): string {
    return new Date(this.now.getTime() - days * DAY).toISOString();
  }
  /** A calendar date (YYYY-MM-DD) `months` from now. */
  monthsFromNow(months: number): string {
    const d = new Date(this.now.getTime());
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 10);
  }
}

export const userId = (key: string) => `demo-user-${key}`;
export const memberId = (key: string) => `demo-member-${key}`;
export const initiativeId = (code: string) => `demo-initiative-${code}`;

/** The organisation existed a bit over a year before the first wave. */
const CREATED_DAYS_AGO = 500;

export async function writeOrganization(db: Kysely<Database>, clock: Clock): Promise<void> {
  await db
    .insertInto('organization')
    .values({
      id: org,
      slug: ORGANIZATION.slug,
      name: ORGANIZATION.name,
      default_locale: ORGANIZATION.defaultLocale,
      k_threshold: ORGANIZATION.kThreshold,
      comment_threshold: ORGANIZATION.commentThreshold,
      created_at: clock.daysAgo(CREATED_DAYS_AGO),
    })
    .execute();
  await seedListEntries(db, { organizationId: org, now: clock.daysAgo(CREATED_DAYS_AGO) });
}

/** Groups, their segment attributes and stakeholders. */
export async function writeGroups(db: Kysely<Database>, clock: Clock, stakeholders: readonly StakeholderContent[]) {
  const created = clock.daysAgo(CREATED_DAYS_AGO);
  await db
    .insertInto('stakeholder_group')
    .values(
      GROUPS.map((g) => ({
        id: groupId(g.code),
        organization_id: org,
        kind: g.kind,
        code: g.code,
        label: json(g.label),
        created_at: created,
      })),
    )
    .execute();
  await db
    .insertInto('segment_attribute')
    .values(
      SEGMENT_ATTRIBUTES.map((a) => ({
        id: `demo-segment-${a.group}-${a.key}`,
        organization_id: org,
        group_id: groupId(a.group),
        key: a.key,
        label: json(a.label),
        values: json(a.values),
      })),
    )
    .execute();
  const companies = demoCompanies(stakeholders);
  if (companies.length > 0) {
    await db
      .insertInto('company')
      .values(companies.map((c) => ({ ...c, organization_id: org, domains: json(c.domains), created_at: created })))
      .execute();
  }
  await db
    .insertInto('stakeholder')
    .values(
      stakeholders.map((s) => ({
        id: s.id,
        organization_id: org,
        group_id: groupId(s.group),
        external_ref: s.externalRef,
        email: s.email,
        display_name: s.displayName,
        company: s.company,
        company_id: s.companyId,
        segments: json(s.segments),
        created_at: created,
      })),
    )
    .execute();
}

/**
 * The demo's company records: named by their first contact's spelling (the supplier list's own name first), with the
 * e-mail domains that only their contacts use.
 */
function demoCompanies(stakeholders: readonly StakeholderContent[]) {
  const companies = new Map<string, { id: string; name: string; domains: string[] }>();
  const owners = new Map<string, Set<string | null>>();
  for (const s of stakeholders) {
    const domain = companyDomain(s.email);
    if (domain !== null) owners.set(domain, (owners.get(domain) ?? new Set()).add(s.companyId));
    if (s.companyId === null || s.company === null) continue;
    const listed = SUPPLIER_COMPANIES.find((c) => demoCompanyId(c.name) === s.companyId)?.name;
    if (!companies.has(s.companyId))
      companies.set(s.companyId, { id: s.companyId, name: listed ?? s.company, domains: [] });
  }
  for (const [domain, ids] of owners) {
    const [only] = [...ids];
    if (ids.size === 1 && only) companies.get(only)?.domains.push(domain);
  }
  return [...companies.values()];
}

/**
 * Staff and the stakeholders who sign in: an auth_user, a better-auth credential account (account_id = user id,
 * the password hash in `password`) and a member row each. One hash serves every account: they share the password.
 */
export async function writeUsers(
  db: Kysely<Database>,
  clock: Clock,
  stakeholders: readonly StakeholderContent[],
  passwordHash: string,
): Promise<void> {
  const created = clock.daysAgo(CREATED_DAYS_AGO - 1);
  const people = [
    ...STAFF.map((s) => ({
      key: s.key,
      name: s.name,
      email: s.email,
      role: s.role,
      department: s.department,
      stakeholderId: null,
    })),
    ...stakeholders
      .filter((s) => s.signIn)
      .map((s) => ({
        key: s.group,
        name: s.displayName,
        email: s.email,
        role: 'stakeholder',
        department: null,
        stakeholderId: s.id,
      })),
  ];
  await db
    .insertInto('auth_user')
    .values(
      people.map((p) => ({
        id: userId(p.key),
        name: p.name,
        email: p.email,
        email_verified: 1,
        image: null,
        created_at: created,
        updated_at: created,
      })),
    )
    .execute();
  await db
    .insertInto('auth_account')
    .values(
      people.map((p) => ({
        id: `demo-account-${p.key}`,
        user_id: userId(p.key),
        account_id: userId(p.key),
        provider_id: 'credential',
        access_token: null,
        refresh_token: null,
        id_token: null,
        access_token_expires_at: null,
        refresh_token_expires_at: null,
        scope: null,
        password: passwordHash,
        created_at: created,
        updated_at: created,
      })),
    )
    .execute();
  await db
    .insertInto('member')
    .values(
      people.map((p) => ({
        id: memberId(p.key),
        organization_id: org,
        user_id: userId(p.key),
        role: p.role,
        department: p.department,
        stakeholder_id: p.stakeholderId,
        created_at: created,
      })),
    )
    .execute();
}

/** Dimensions and the organisation's two facets: intended (statements, targets) and proposed (initiatives). */
export async function writeExperience(db: Kysely<Database>, clock: Clock): Promise<void> {
  const created = clock.daysAgo(CREATED_DAYS_AGO - 2);
  await db
    .insertInto('dimension')
    .values(
      DIMENSIONS.map((d) => ({
        id: dimensionId(d.code),
        organization_id: org,
        code: d.code,
        label: json(d.label),
        description: json(d.description),
        created_at: created,
      })),
    )
    .execute();
  await db
    .insertInto('dimension_group')
    .values(
      DIMENSIONS.flatMap((d) =>
        d.groups.map((g) => ({ organization_id: org, dimension_id: dimensionId(d.code), group_id: groupId(g) })),
      ),
    )
    .execute();
  await db
    .insertInto('intended_experience')
    .values(
      INTENDED.map((i) => ({
        id: `demo-intended-${i.group}-${i.dimension}`,
        organization_id: org,
        group_id: groupId(i.group),
        dimension_id: dimensionId(i.dimension),
        statement: json(i.statement),
        target: i.target,
        priority: i.priority,
        updated_at: clock.daysAgo(420),
        updated_by: memberId('leadership'),
      })),
    )
    .execute();
  await db
    .insertInto('initiative')
    .values(
      INITIATIVES.map((i) => {
        const start = i.startMonths === null ? null : clock.monthsFromNow(i.startMonths);
        return {
          id: initiativeId(i.code),
          organization_id: org,
          title: json(i.title),
          description: json(i.description),
          kind: i.kind,
          owner_department: i.owner,
          status: i.status,
          start_date: start,
          end_date: i.endMonths === null ? null : clock.monthsFromNow(i.endMonths),
          published: i.published ? 1 : 0,
          // Recorded a month before it starts (planned ones a month ago).
          created_at: clock.daysAgo(Math.max(30, -(i.startMonths ?? 0) * 30 + 30)),
          updated_at: clock.daysAgo(i.status === 'delivered' ? Math.max(1, -(i.endMonths ?? 0) * 30) : 7),
        };
      }),
    )
    .execute();
  await db
    .insertInto('initiative_target')
    .values(
      INITIATIVES.flatMap((i) =>
        i.targets.map(([g, d]) => ({
          organization_id: org,
          initiative_id: initiativeId(i.code),
          group_id: groupId(g),
          dimension_id: dimensionId(d),
        })),
      ),
    )
    .execute();
  await db
    .insertInto('promise')
    .values(
      PROMISES.map((p, n) => ({
        id: `demo-promise-${n + 1}`,
        organization_id: org,
        group_id: groupId(p.group),
        dimension_id: p.dimension === null ? null : dimensionId(p.dimension),
        channel: p.channel,
        statement: json(p.statement),
        made_on: clock.monthsFromNow(p.madeMonths),
        created_at: clock.daysAgo(-p.madeMonths * 30),
      })),
    )
    .execute();
}

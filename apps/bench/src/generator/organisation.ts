import { type Database, seedListEntries } from '@facets/db';
import { createRandom } from '@facets/domain';
import type { Kysely } from 'kysely';
import {
  DIMENSIONS,
  dimensionId,
  GROUP_CODES,
  GROUPS,
  type GroupCode,
  groupId,
  INITIATIVES,
  INTENDED,
  LEADERSHIP_EMAIL,
  ORG,
  respondentEmail,
  SEGMENTS,
  stakeholderId,
} from './model.ts';
import { seedOf } from './random.ts';
import { CREATED, insertChunked, json } from './rows.ts';
import { writeSurveys } from './write-surveys.ts';

/** The people of a group: their segments, drawn from the seed, by stakeholder number. */
export type Populations = Readonly<Record<GroupCode, readonly Record<string, string>[]>>;

export function buildPopulations(seed: number, sizes: Readonly<Record<GroupCode, number>>): Populations {
  const result = {} as Record<GroupCode, Record<string, string>[]>;
  for (const g of GROUP_CODES) {
    const random = createRandom(seedOf(seed, `people-${g}`));
    result[g] = Array.from({ length: sizes[g] }, () =>
      Object.fromEntries(SEGMENTS[g].map(([key, values]) => [key, random.weighted(values)])),
    );
  }
  return result;
}

export interface WriteOrganisationOptions {
  populations: Populations;
  /** better-auth's hash of the bench password (one hash serves every account, as they share the password). */
  passwordHash: string;
  /** How many employees get a sign-in of their own (the load test's concurrent respondents). */
  respondentSignIns: number;
}

/** The organisation, its people, model and surveys; `closeWaves` closes the waves once the responses are in. */
export async function writeOrganisation(db: Kysely<Database>, options: WriteOrganisationOptions): Promise<void> {
  const org = ORG.id;
  await db
    .insertInto('organization')
    .values({
      id: org,
      slug: ORG.slug,
      name: ORG.name,
      default_locale: 'en',
      k_threshold: ORG.k,
      comment_threshold: ORG.commentK,
      created_at: CREATED,
    })
    .execute();
  await seedListEntries(db, { organizationId: org, now: CREATED });
  await insertChunked(
    db,
    'stakeholder_group',
    GROUPS.map((g) => ({
      id: groupId(g.code),
      organization_id: org,
      kind: g.kind,
      code: g.code,
      label: json(g.label),
      created_at: CREATED,
    })),
  );
  await insertChunked(
    db,
    'segment_attribute',
    GROUP_CODES.flatMap((g) =>
      SEGMENTS[g].map(([key, values]) => ({
        id: `bench-segment-${g}-${key}`,
        organization_id: org,
        group_id: groupId(g),
        key,
        label: json({ en: key.replace(/_/g, ' '), fr: key.replace(/_/g, ' ') }),
        values: json(values.map(([value]) => ({ value, label: { en: value, fr: value } }))),
      })),
    ),
  );
  for (const g of GROUP_CODES) {
    await insertChunked(
      db,
      'stakeholder',
      options.populations[g].map((segments, n) => ({
        id: stakeholderId(g, n),
        organization_id: org,
        group_id: groupId(g),
        external_ref: `${g.slice(0, 3).toUpperCase()}-${n + 1}`,
        email: null,
        display_name: `${g} ${n + 1}`,
        company: g === 'supplier' ? `Supplier ${Math.floor(n / 2) + 1}` : null,
        segments: json(segments),
        created_at: CREATED,
      })),
    );
  }
  await writeUsers(db, options);
  await writeModel(db);
  await writeSurveys(db);
}

async function writeUsers(db: Kysely<Database>, options: WriteOrganisationOptions): Promise<void> {
  const people = [
    { key: 'leadership', email: LEADERSHIP_EMAIL, name: 'Bench Leadership', role: 'leadership', stakeholder: null },
    ...Array.from({ length: options.respondentSignIns }, (_, n) => ({
      key: `respondent-${n + 1}`,
      email: respondentEmail(n),
      name: `Respondent ${n + 1}`,
      role: 'stakeholder',
      stakeholder: stakeholderId('employee', n),
    })),
  ];
  const userId = (key: string) => `bench-user-${key}`;
  await insertChunked(
    db,
    'auth_user',
    people.map((p) => ({
      id: userId(p.key),
      name: p.name,
      email: p.email,
      email_verified: 1,
      image: null,
      created_at: CREATED,
      updated_at: CREATED,
    })),
  );
  await insertChunked(
    db,
    'auth_account',
    people.map((p) => ({
      id: `bench-account-${p.key}`,
      user_id: userId(p.key),
      account_id: userId(p.key),
      provider_id: 'credential',
      access_token: null,
      refresh_token: null,
      id_token: null,
      access_token_expires_at: null,
      refresh_token_expires_at: null,
      scope: null,
      password: options.passwordHash,
      created_at: CREATED,
      updated_at: CREATED,
    })),
  );
  await insertChunked(
    db,
    'member',
    people.map((p) => ({
      id: `bench-member-${p.key}`,
      organization_id: ORG.id,
      user_id: userId(p.key),
      role: p.role,
      department: null,
      stakeholder_id: p.stakeholder,
      created_at: CREATED,
    })),
  );
}

async function writeModel(db: Kysely<Database>): Promise<void> {
  const org = ORG.id;
  await insertChunked(
    db,
    'dimension',
    DIMENSIONS.map((d) => ({
      id: dimensionId(d.code),
      organization_id: org,
      code: d.code,
      label: json(d.label),
      description: null,
      created_at: CREATED,
    })),
  );
  await insertChunked(
    db,
    'dimension_group',
    DIMENSIONS.flatMap((d) =>
      d.groups.map((g) => ({ organization_id: org, dimension_id: dimensionId(d.code), group_id: groupId(g) })),
    ),
  );
  await insertChunked(
    db,
    'intended_experience',
    INTENDED.map((i) => ({
      id: `bench-intended-${i.group}-${i.dimension}`,
      organization_id: org,
      group_id: groupId(i.group),
      dimension_id: dimensionId(i.dimension),
      statement: json({ en: `Intended ${i.dimension}`, fr: `${i.dimension} voulue` }),
      target: i.target,
      priority: i.priority,
      updated_at: CREATED,
      updated_by: 'bench-member-leadership',
    })),
  );
  await insertChunked(
    db,
    'initiative',
    INITIATIVES.map((i) => ({
      id: `bench-initiative-${i.code}`,
      organization_id: org,
      title: json({ en: i.code, fr: i.code }),
      description: null,
      kind: i.kind,
      owner_department: i.owner,
      status: i.status,
      start_date: '2024-03-01',
      end_date: i.status === 'delivered' ? '2025-03-01' : null,
      published: 1,
      created_at: CREATED,
      updated_at: CREATED,
    })),
  );
  await insertChunked(
    db,
    'initiative_target',
    INITIATIVES.flatMap((i) =>
      i.targets.map(([g, d]) => ({
        organization_id: org,
        initiative_id: `bench-initiative-${i.code}`,
        group_id: groupId(g),
        dimension_id: dimensionId(d),
      })),
    ),
  );
  await insertChunked(db, 'promise', [
    {
      id: 'bench-promise-1',
      organization_id: org,
      group_id: groupId('customer'),
      dimension_id: dimensionId('delivery'),
      channel: 'marketing',
      statement: json({ en: 'Delivered in 48 hours', fr: 'Livré en 48 heures' }),
      made_on: '2024-06-01',
      created_at: CREATED,
    },
  ]);
}

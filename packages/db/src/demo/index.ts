import { createRandom } from '@facets/domain';
import type { Kysely } from 'kysely';
import { withTeam } from '../directory/teams.ts';
import { respondentSegments } from '../repositories/respondents.ts';
import { submitResponse } from '../repositories/responses.ts';
import { inTransaction } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { writeActionPlans } from './action-plans.ts';
import { DEMO_PASSWORD, GROUPS, groupId, ORGANIZATION } from './content.ts';
import { buildStakeholders, SIGN_IN_STAKEHOLDERS, STAFF } from './people.ts';
import { sequentialIds } from './random.ts';
import { planResponses, waveWindows } from './responses.ts';
import { questionId, SURVEYS, waveId } from './surveys.ts';
import { type DemoInvitation, writeTargetedSurveys } from './targeted.ts';
import { writeFeedback } from './write-feedback.ts';
import { Clock, writeExperience, writeGroups, writeOrganization, writeUsers } from './write-model.ts';
import { closePastWaves, writeSurveys } from './write-surveys.ts';

export { DEMO_PASSWORD, ORGANIZATION as DEMO_ORGANIZATION } from './content.ts';

/** The demo's sign-ins (password `DEMO_PASSWORD`), for the CLI to print and for tests. */
export const DEMO_SIGN_INS: readonly { email: string; name: string; role: string; group: string | null }[] = [
  ...STAFF.map((s) => ({ email: s.email, name: s.name, role: s.role, group: null })),
  ...Object.entries(SIGN_IN_STAKEHOLDERS).map(([group, s]) => ({
    email: s.email,
    name: s.displayName,
    role: 'stakeholder',
    group,
  })),
];

export interface SeedDemoOptions {
  /** Every time in the demo is counted from here: the open waves opened a week before it. */
  now: Date;
  /** The auth library's password hasher, so the demo sign-ins work with `facets-demo`. */
  hashPassword: (password: string) => Promise<string>;
  onProgress?: (done: number, total: number) => void;
  /** Ids of responses and answers (made by the submission code path); deterministic `demo-row-…` by default. */
  newId?: () => string;
  /** Invitation tokens; random (as in production) by default. */
  newToken?: () => string;
}

export interface SeedDemoResult {
  organizationId: string;
  responses: number;
  /** The invitation links of the targeted surveys, their tokens readable only now. */
  invitations: DemoInvitation[];
}

export type { DemoInvitation };

/** Fixed seed of the people generator: the same names and segments on every run. */
const PEOPLE_SEED = 20_261_122;
const PROGRESS_EVERY = 25;

/**
 * Creates the demo organisation "Maison Lumière" (slug `demo`): staff and stakeholder sign-ins, four groups, shared and
 * group dimensions, intended experience, initiatives, promises, one survey per group with four closed waves and an
 * open one, responses and feedback, the IT manager's and HR's action plans on the latest closed employee wave, and
 * surveys sent by invitation link (onboarding, exit, after an interaction). Deterministic: the same `now` gives the
 * same rows. All or nothing: one transaction.
 * Responses go through `submitResponse`, so aggregates are built exactly as for a portal submission.
 */
export async function seedDemo(db: Kysely<Database>, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const clock = new Clock(options.now);
  const newId = options.newId ?? sequentialIds('demo-row');
  const stakeholders = buildStakeholders(createRandom(PEOPLE_SEED));
  const windows = waveWindows(options.now);
  const planned = planResponses({ now: options.now, surveys: SURVEYS, stakeholders });
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  options.onProgress?.(0, planned.length);

  const invitations = await inTransaction(db, async (trx) => {
    await writeOrganization(trx, clock);
    await writeGroups(trx, clock, stakeholders);
    await writeUsers(trx, clock, stakeholders, passwordHash);
    await writeExperience(trx, clock);
    await writeSurveys(trx, clock, windows);
    for (const [n, r] of planned.entries()) {
      await submitResponse(trx, {
        organizationId: ORGANIZATION.id,
        waveId: waveId(r.group, r.sequence),
        stakeholderId: r.stakeholder.id,
        groupId: groupId(r.group),
        segments: await withTeam(trx, {
          organizationId: ORGANIZATION.id,
          stakeholderId: r.stakeholder.id,
          segments: respondentSegments({
            segments: r.stakeholder.segments,
            companyId: r.stakeholder.companyId,
            groupKind: GROUPS.find((g) => g.code === r.group)!.kind,
          }),
        }),
        idempotencyKey: r.idempotencyKey,
        answers: r.answers.map((a) => ({ questionId: questionId(r.group, a.code), value: a.value, text: a.text })),
        now: r.submittedAt,
        newId,
      });
      const done = n + 1;
      if (done % PROGRESS_EVERY === 0 || done === planned.length) options.onProgress?.(done, planned.length);
    }
    await closePastWaves(trx, windows);
    await writeActionPlans(trx, clock, windows);
    await writeFeedback(trx, clock, stakeholders);
    return writeTargetedSurveys(trx, clock, stakeholders, options.newToken);
  });
  return { organizationId: ORGANIZATION.id, responses: planned.length, invitations };
}

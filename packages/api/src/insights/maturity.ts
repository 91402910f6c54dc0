import {
  type Database,
  type GroupRef,
  latestMaturityAssessment,
  listGroups,
  listInitiatives,
  listIntendedExperience,
  listPromises,
  saveMaturityAssessment,
} from '@facets/db';
import { assessMaturity, type MaturityEvidence, type MaturityStage } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey } from './cells.ts';
import { visibleMean } from './figures.ts';
import { loadPopulation } from './population.ts';
import type { Scope } from './scope.ts';

/** A self-assessment counts as leadership reviewing the experience for a year. */
const REVIEW_VALID_DAYS = 365;
/** A promise is kept when lived is at most this many index points below expected. */
const PROMISE_TOLERANCE = 5;

/**
 * `insights.maturity.get`: the organisation's stage from the evidence in its data (domain `assessMaturity`), with the
 * evidence itself and the latest leadership self-assessment beside it — never instead of it.
 */
export async function maturityView(db: Kysely<Database>, scope: Scope, now: Date) {
  const organizationId = scope.organizationId;
  const [groups, intended, initiatives, promises, latest] = await Promise.all([
    listGroups(db, organizationId),
    listIntendedExperience(db, { organizationId }),
    listInitiatives(db, { organizationId }),
    listPromises(db, { organizationId }),
    latestMaturityAssessment(db, { organizationId }),
  ]);
  const kept = await promisesKept(db, scope, groups, promises);
  const since = new Date(now.getTime() - REVIEW_VALID_DAYS * 24 * 3600 * 1000).toISOString();
  const evidence: MaturityEvidence = {
    groups: groups.length,
    groupsWithIntended: new Set(intended.map((i) => i.groupId)).size,
    initiatives: initiatives.map((i) => ({ kind: i.kind, ownerDepartment: i.ownerDepartment, status: i.status })),
    promisedCells: kept.cells,
    promisesKept: kept.kept,
    leadershipReview: latest !== null && latest.createdAt >= since,
  };
  const selfStage = (latest?.stage ?? null) as MaturityStage | null;
  return {
    ...assessMaturity(evidence, selfStage),
    evidence,
    selfAssessment: latest ? { stage: latest.stage, createdAt: latest.createdAt } : null,
  };
}

/**
 * Promised group × dimensions whose expected and lived scores may both be shown (whole group, latest wave), and how
 * many of them live up to what is expected.
 */
async function promisesKept(
  db: Kysely<Database>,
  scope: Scope,
  groups: readonly GroupRef[],
  promises: readonly { groupId: string; dimensionId: string | null }[],
): Promise<{ cells: number; kept: number }> {
  const cells = new Map<string, { groupId: string; dimensionId: string }>();
  for (const p of promises)
    if (p.dimensionId) cells.set(`${p.groupId}|${p.dimensionId}`, { ...p, dimensionId: p.dimensionId });
  const rows = new Map<string, Awaited<ReturnType<typeof loadPopulation>>['waves'][number] | undefined>();
  let [count, kept] = [0, 0];
  for (const c of cells.values()) {
    const group = groups.find((g) => g.id === c.groupId);
    if (group && !rows.has(c.groupId)) {
      const {
        waves: [latest],
      } = await loadPopulation(db, scope, { group, segment: null });
      rows.set(c.groupId, latest);
    }
    const row = rows.get(c.groupId)?.row;
    const expected = visibleMean(cellIn(row, facetKey(c.dimensionId, 'expected')));
    const lived = visibleMean(cellIn(row, facetKey(c.dimensionId, 'lived')));
    if (expected === null || lived === null) continue;
    count += 1;
    if (lived >= expected - PROMISE_TOLERANCE) kept += 1;
  }
  return { cells: count, kept };
}

/** `insights.maturity.assess`: records leadership's own view of the stage, with their answers. */
export async function assessView(
  db: Kysely<Database>,
  scope: Scope,
  args: { memberId: string; stage: number; answers: Record<string, string>; now: string },
) {
  const { id } = await saveMaturityAssessment(db, {
    organizationId: scope.organizationId,
    memberId: args.memberId,
    stage: args.stage as MaturityStage,
    answers: args.answers,
    now: args.now,
  });
  return { id, stage: args.stage, createdAt: args.now };
}

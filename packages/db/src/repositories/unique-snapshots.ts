import type { GroupKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Segments } from './coarsen.ts';
import { respondentSegments } from './respondents.ts';
import { parseJson } from './rows.ts';

export interface SnapshotUniqueness {
  /** The wave's responses. */
  responses: number;
  /** Of them, those whose segment snapshot fits exactly one of the wave's participants: named by a holder of the file. */
  unique: number;
}

/**
 * How many of a wave's responses carry a segment snapshot that fits exactly one of the wave's participants, as a
 * holder of the database file and the people's current segments would check: a participant fits a snapshot when they
 * have every one of its values (segments and, for suppliers, company as a submission records them). `atomOf`, when
 * given, maps each participant's segments as `coarsenResponseSegments` mapped the snapshots.
 */
export async function uniqueSnapshots(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; atomOf?: (segments: Segments) => Segments },
): Promise<SnapshotUniqueness> {
  const participants = await db
    .selectFrom('wave_participation as p')
    .innerJoin('stakeholder as s', (join) =>
      join.onRef('s.organization_id', '=', 'p.organization_id').onRef('s.id', '=', 'p.stakeholder_id'),
    )
    .innerJoin('stakeholder_group as g', 'g.id', 's.group_id')
    .select(['s.segments', 's.company_id', 'g.kind'])
    .where('p.organization_id', '=', args.organizationId)
    .where('p.wave_id', '=', args.waveId)
    .execute();
  const profiles = participants.map((p) => {
    const segments = respondentSegments({
      segments: parseJson<Segments>(p.segments, {}),
      companyId: p.company_id,
      groupKind: p.kind as GroupKind,
    });
    return args.atomOf ? args.atomOf(segments) : segments;
  });
  const snapshots = await db
    .selectFrom('response')
    .select(['segments', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', args.organizationId)
    .where('wave_id', '=', args.waveId)
    .groupBy('segments')
    .execute();
  let responses = 0;
  let unique = 0;
  for (const s of snapshots) {
    const snapshot = Object.entries(parseJson<Segments>(s.segments, {}));
    const fits = profiles.filter((p) => snapshot.every(([key, value]) => p[key] === value)).length;
    responses += Number(s.n);
    if (fits === 1) unique += Number(s.n);
  }
  return { responses, unique };
}

import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { groupId, ORGANIZATION } from './content.ts';
import { dimensionId } from './dimensions.ts';
import type { WaveWindow } from './responses.ts';
import { questionId, SURVEYS, surveyId, waveId } from './surveys.ts';
import type { Clock } from './write-model.ts';

const org = ORGANIZATION.id;
const json = (value: unknown) => JSON.stringify(value);

/**
 * Surveys, questions and waves. Every wave starts open so that past responses go through the production submission
 * path at their own date; `closePastWaves` closes them afterwards.
 */
export async function writeSurveys(db: Kysely<Database>, clock: Clock, windows: readonly WaveWindow[]): Promise<void> {
  await db
    .insertInto('survey')
    .values(
      SURVEYS.map((s) => ({
        id: surveyId(s.group),
        organization_id: org,
        group_id: groupId(s.group),
        kind: s.kind,
        title: json(s.title),
        intro: json(s.intro),
        anonymous: s.anonymous ? 1 : 0,
        status: 'open',
        // Designed a couple of months before its first wave.
        created_at: clock.daysAgo(440),
      })),
    )
    .execute();
  await db
    .insertInto('question')
    .values(
      SURVEYS.flatMap((s) =>
        s.questions.map((q, n) => ({
          id: questionId(s.group, q.code),
          organization_id: org,
          survey_id: surveyId(s.group),
          position: n + 1,
          code: q.code,
          type: q.type,
          scale: q.scale,
          facet: q.facet,
          dimension_id: q.dimension === null ? null : dimensionId(q.dimension),
          prompt: json(q.prompt),
          options: null,
          required: q.required ? 1 : 0,
        })),
      ),
    )
    .execute();
  await db
    .insertInto('wave')
    .values(
      SURVEYS.flatMap((s) =>
        windows.map((w) => ({
          id: waveId(s.group, w.sequence),
          organization_id: org,
          survey_id: surveyId(s.group),
          sequence: w.sequence,
          label: w.label,
          opens_at: w.opensAt.toISOString(),
          closes_at: w.closesAt.toISOString(),
          status: 'open',
        })),
      ),
    )
    .execute();
}

export async function closePastWaves(db: Kysely<Database>, windows: readonly WaveWindow[]): Promise<void> {
  const closed = SURVEYS.flatMap((s) =>
    windows.filter((w) => w.status === 'closed').map((w) => waveId(s.group, w.sequence)),
  );
  await db
    .updateTable('wave')
    .set({ status: 'closed' })
    .where('organization_id', '=', org)
    .where('id', 'in', closed)
    .execute();
}

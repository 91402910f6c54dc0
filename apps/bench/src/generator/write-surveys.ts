import type { Database } from '@facets/db';
import type { Kysely } from 'kysely';
import { dimensionId, groupId, ORG } from './model.ts';
import { CREATED, insertChunked, json } from './rows.ts';
import { DAY, questionId, SURVEYS, surveyId, WAVE_DAYS, WAVES_PER_SURVEY, waveId, waveOpensAt } from './surveys.ts';

/** Surveys, questions and waves; every wave starts open so that responses go in at their own dates. */
export async function writeSurveys(db: Kysely<Database>): Promise<void> {
  const org = ORG.id;
  await insertChunked(
    db,
    'survey',
    SURVEYS.map((s) => ({
      id: surveyId(s),
      organization_id: org,
      group_id: groupId(s.group),
      kind: s.kind,
      title: json(s.title),
      intro: null,
      anonymous: s.anonymous ? 1 : 0,
      status: 'open',
      created_at: CREATED,
    })),
  );
  await insertChunked(
    db,
    'question',
    SURVEYS.flatMap((s) =>
      s.questions.map((q, n) => ({
        id: questionId(s, q),
        organization_id: org,
        survey_id: surveyId(s),
        position: n + 1,
        code: q.code,
        type: q.type,
        scale: q.scale,
        facet: q.facet,
        dimension_id: q.dimension === null ? null : dimensionId(q.dimension),
        prompt: json(q.prompt),
        options: null,
        required: q.type === 'rating' ? 1 : 0,
      })),
    ),
  );
  await insertChunked(
    db,
    'wave',
    SURVEYS.flatMap((s) =>
      Array.from({ length: WAVES_PER_SURVEY }, (_, i) => {
        const opens = waveOpensAt(s, i + 1);
        return {
          id: waveId(s, i + 1),
          organization_id: org,
          survey_id: surveyId(s),
          sequence: i + 1,
          label: new Date(opens).toISOString().slice(0, 7),
          opens_at: new Date(opens).toISOString(),
          closes_at: new Date(opens + WAVE_DAYS * DAY).toISOString(),
          status: 'open',
        };
      }),
    ),
  );
}

/** The generated waves are all in the past: closed once their responses are in. */
export async function closeWaves(db: Kysely<Database>): Promise<void> {
  await db.updateTable('wave').set({ status: 'closed' }).where('organization_id', '=', ORG.id).execute();
}

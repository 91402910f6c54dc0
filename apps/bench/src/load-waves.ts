import { createDb } from '@facets/db';
import { dimensionId, groupId, ORG, SURVEYS } from './generator/index.ts';

/**
 * Load and crash tests need many submissions from few signed-in people, and the product rightly accepts one answer
 * per person and wave. So a dedicated employee survey gets `count` open waves: respondent r answers wave 0, then
 * wave 1…, each a real submission through the portal's procedure.
 */
export const LOAD_SURVEY_ID = 'bench-survey-employee-load';
export const loadWaveId = (n: number) => `bench-wave-load-${n}`;

const template = SURVEYS.find((s) => s.group === 'employee' && s.code === 'experience')!;
export const LOAD_QUESTIONS = template.questions.map((q) => ({ ...q, id: `bench-q-load-${q.code}` }));

export async function addLoadWaves(databaseUrl: string, count: number): Promise<void> {
  const { db, close } = createDb(databaseUrl);
  const created = new Date(Date.UTC(2025, 11, 1)).toISOString();
  const json = JSON.stringify;
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('survey')
        .values({
          id: LOAD_SURVEY_ID,
          organization_id: ORG.id,
          group_id: groupId('employee'),
          kind: 'pulse',
          title: json({ en: 'Load test pulse', fr: 'Baromètre de charge' }),
          intro: null,
          anonymous: 1,
          status: 'open',
          created_at: created,
        })
        .execute();
      await trx
        .insertInto('question')
        .values(
          LOAD_QUESTIONS.map((q, n) => ({
            id: q.id,
            organization_id: ORG.id,
            survey_id: LOAD_SURVEY_ID,
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
        )
        .execute();
      for (let i = 0; i < count; i += 1000) {
        await trx
          .insertInto('wave')
          .values(
            Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
              id: loadWaveId(i + j),
              organization_id: ORG.id,
              survey_id: LOAD_SURVEY_ID,
              sequence: i + j + 1,
              label: `load ${i + j + 1}`,
              opens_at: created,
              closes_at: null,
              status: 'open',
            })),
          )
          .execute();
      }
    });
  } finally {
    await close();
  }
}

/** 64 answer sets, varied enough to touch every histogram bin; a submission takes one by its number. */
const ANSWER_SETS: string[] = Array.from({ length: 64 }, (_, v) =>
  JSON.stringify(
    LOAD_QUESTIONS.flatMap((q, i): { questionId: string; value?: number; text?: string }[] => {
      if (q.type === 'text') return v % 8 === 0 ? [{ questionId: q.id, text: 'More regular updates, please.' }] : [];
      const max = q.scale === 'nps11' ? 10 : 5;
      const min = q.scale === 'nps11' ? 0 : 1;
      return [{ questionId: q.id, value: min + ((v * 7 + i * 3) % (max - min + 1)) }];
    }),
  ),
);

/** The JSON body of `portal.survey.submit` for the k-th submission of a respondent to a load wave. */
export function submissionBody(wave: number, key: string, variant: number): string {
  return `{"waveId":"${loadWaveId(wave)}","idempotencyKey":"${key}","answers":${ANSWER_SETS[variant % ANSWER_SETS.length]}}`;
}

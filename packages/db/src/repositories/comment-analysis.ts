import { toIndex } from '@facets/domain';
import { analyseComment } from '@facets/domain/text';
import type { Insertable, Kysely } from 'kysely';
import type { CommentAnalysisTable, Database } from '../schema.ts';
import type { SurveyQuestion } from './surveys.ts';

/**
 * The comment analytics of accepted text answers (docs/architecture.md, "Comment analytics"): each text answer's
 * language, sentiment and themes, computed when the answer is accepted, in its transaction, never on a read. The
 * rating prior is the response's own lived rating of the comment's dimension (the mean 0–100 index of its answers),
 * so "Rien à signaler" under a 1 out of 5 reads negative.
 */

/** Comments whose language cannot be told (a word or two) are read in this one. */
const FALLBACK_LANGUAGE = 'fr';

interface AnswerRow {
  id: string;
  question_id: string;
  value_number: number | null;
  value_text: string | null;
}

export function analysisRowsOf(
  organizationId: string,
  questions: readonly (Pick<SurveyQuestion, 'id' | 'type' | 'scale' | 'facet'> & {
    dimension: { id: string } | null;
  })[],
  answers: readonly AnswerRow[],
): Insertable<CommentAnalysisTable>[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const lived = new Map<string, number[]>();
  for (const a of answers) {
    const q = byId.get(a.question_id);
    if (q?.type !== 'rating' || q.facet !== 'lived' || !q.dimension || !q.scale || a.value_number === null) continue;
    lived.set(q.dimension.id, [...(lived.get(q.dimension.id) ?? []), toIndex(q.scale, a.value_number)]);
  }
  const rows: Insertable<CommentAnalysisTable>[] = [];
  for (const a of answers) {
    const q = byId.get(a.question_id);
    const text = a.value_text?.trim();
    if (q?.type !== 'text' || !text) continue;
    const ratings = q.dimension ? lived.get(q.dimension.id) : undefined;
    const rating = ratings ? ratings.reduce((s, x) => s + x, 0) / ratings.length : null;
    const read = analyseComment({ text, fallback: FALLBACK_LANGUAGE, rating });
    rows.push({
      organization_id: organizationId,
      answer_id: a.id,
      language: read.language,
      polarity: read.polarity,
      score: read.score,
      themes: JSON.stringify(read.themes),
    });
  }
  return rows;
}

/**
 * Reads the text answers of an organisation that have no analysis yet (those accepted before the analytics existed),
 * at most `limit` of them, in the order of their ids, and writes their analyses; returns how many it wrote. Run at
 * the server's start (job `comments.analyse`), and again until it writes nothing.
 */
export async function analyseMissingComments(
  db: Kysely<Database>,
  args: { organizationId: string; limit?: number },
): Promise<number> {
  const limit = args.limit ?? 2000;
  return db.transaction().execute(async (trx) => {
    const missing = await trx
      .selectFrom('answer as a')
      .innerJoin('question as q', 'q.id', 'a.question_id')
      .leftJoin('comment_analysis as c', (j) =>
        j.onRef('c.answer_id', '=', 'a.id').onRef('c.organization_id', '=', 'a.organization_id'),
      )
      .select(['a.id', 'a.response_id'])
      .where('a.organization_id', '=', args.organizationId)
      .where('q.type', '=', 'text')
      .where('a.value_text', 'is not', null)
      .where('c.answer_id', 'is', null)
      .orderBy('a.id')
      .limit(limit)
      .execute();
    if (missing.length === 0) return 0;
    const responseIds = [...new Set(missing.map((m) => m.response_id))];
    const wanted = new Set(missing.map((m) => m.id));
    const rows: Insertable<CommentAnalysisTable>[] = [];
    for (let i = 0; i < responseIds.length; i += 500) {
      // Each response's rating answers too, for the prior; read response by response.
      const answers = await trx
        .selectFrom('answer as a')
        .innerJoin('question as q', 'q.id', 'a.question_id')
        .select([
          'a.id',
          'a.response_id',
          'a.question_id',
          'a.value_number',
          'a.value_text',
          'q.type',
          'q.scale',
          'q.facet',
          'q.dimension_id',
        ])
        .where('a.organization_id', '=', args.organizationId)
        .where('a.response_id', 'in', responseIds.slice(i, i + 500))
        .execute();
      const questions = [...new Map(answers.map((a) => [a.question_id, a])).values()].map((a) => ({
        id: a.question_id,
        type: a.type as SurveyQuestion['type'],
        scale: a.scale as SurveyQuestion['scale'],
        facet: a.facet as SurveyQuestion['facet'],
        dimension: a.dimension_id ? { id: a.dimension_id, label: {} } : null,
      }));
      const byResponse = new Map<string, AnswerRow[]>();
      for (const a of answers) byResponse.set(a.response_id, [...(byResponse.get(a.response_id) ?? []), a]);
      for (const own of byResponse.values()) {
        rows.push(...analysisRowsOf(args.organizationId, questions, own).filter((r) => wanted.has(r.answer_id)));
      }
    }
    rows.sort((a, b) => (a.answer_id < b.answer_id ? -1 : 1));
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('comment_analysis')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    return rows.length;
  });
}

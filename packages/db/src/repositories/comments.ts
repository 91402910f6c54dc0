import { DomainError, type Polarity } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { COMPANY_KEY } from './respondents.ts';
import { parseJson } from './rows.ts';

/** Free-text answers, read for the dimension page. Whether they may be shown is the caller's decision. */

export interface CommentsRead {
  /** Distinct responses with a non-empty text among those read (before the limit). */
  commenters: number;
  /**
   * Distinct companies among the commenters (the `company` segment of their snapshots; commenters without one count
   * together as one), for groups counted in companies.
   */
  companies: number;
  /** At most `limit` texts, in text order: neither the order nor anything else says who wrote what, or when. */
  comments: string[];
}

/**
 * Text answers of one wave × group to the text questions of a dimension (`dimensionId: null`: the text questions with
 * no dimension), optionally of the responses whose segment snapshot carries `segment`. Returns texts only.
 */
export async function readComments(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    groupId: string;
    waveId: string;
    dimensionId: string | null;
    segment?: { key: string; value: string };
    limit: number;
  },
): Promise<CommentsRead> {
  if (!Number.isInteger(args.limit) || args.limit < 0) {
    throw new DomainError('invalid', 'limit: must be a whole number, 0 or more', 'limit');
  }
  // The wave's text questions first, so that only their answers are read (by the answer_question index) rather than
  // every answer of the organisation joined to its response.
  let questions = db
    .selectFrom('question as q')
    .innerJoin('wave as w', 'w.survey_id', 'q.survey_id')
    .select('q.id')
    .where('q.organization_id', '=', args.organizationId)
    .where('w.organization_id', '=', args.organizationId)
    .where('w.id', '=', args.waveId)
    .where('q.type', '=', 'text');
  questions =
    args.dimensionId === null
      ? questions.where('q.dimension_id', 'is', null)
      : questions.where('q.dimension_id', '=', args.dimensionId);
  const questionIds = (await questions.execute()).map((q) => q.id);
  if (questionIds.length === 0) return { commenters: 0, companies: 0, comments: [] };
  const query = db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['a.response_id', 'a.value_text', 'r.segments'])
    .where('a.organization_id', '=', args.organizationId)
    .where('a.question_id', 'in', questionIds)
    .where('r.organization_id', '=', args.organizationId)
    .where('r.group_id', '=', args.groupId)
    .where('r.wave_id', '=', args.waveId)
    .where('a.value_text', 'is not', null)
    .where('a.value_text', '<>', '');
  let rows = await query.execute();
  // Segments are a JSON snapshot: filtered here, the same way on both dialects.
  const segment = args.segment;
  if (segment)
    rows = rows.filter((r) => parseJson<Record<string, string>>(r.segments, {})[segment.key] === segment.value);
  const texts = rows.map((r) => r.value_text!.trim()).filter((t) => t !== '');
  texts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const written = rows.filter((r) => r.value_text!.trim() !== '');
  const companyOf = (r: (typeof rows)[number]) => parseJson<Record<string, string>>(r.segments, {})[COMPANY_KEY] ?? '';
  return {
    commenters: new Set(written.map((r) => r.response_id)).size,
    companies: new Set(written.map(companyOf)).size,
    comments: texts.slice(0, args.limit),
  };
}

/** One commenter's text answers to one dimension's text questions in a wave, each with its stored analysis. */
export interface CommenterReading {
  dimensionId: string;
  /** The response's segment snapshot, to place the commenter in the publication's populations. */
  segments: Record<string, string>;
  comments: { text: string; polarity: Polarity | null; themes: string[] }[];
}

/**
 * The text answers of one wave × group to the text questions of the given dimensions, grouped by commenter and
 * dimension, with their analyses (`comment_analysis`; `polarity` null for an answer not analysed yet). Nothing is
 * analysed here. The response ids stay inside: a reading names no response. Whether any of it may be shown is the
 * caller's decision (the comment list's measure of the publication).
 */
export async function readCommentReadings(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; waveId: string; dimensionIds: readonly string[] },
): Promise<CommenterReading[]> {
  if (args.dimensionIds.length === 0) return [];
  const questions = await db
    .selectFrom('question as q')
    .innerJoin('wave as w', 'w.survey_id', 'q.survey_id')
    .select(['q.id', 'q.dimension_id'])
    .where('q.organization_id', '=', args.organizationId)
    .where('w.organization_id', '=', args.organizationId)
    .where('w.id', '=', args.waveId)
    .where('q.type', '=', 'text')
    .where('q.dimension_id', 'in', [...args.dimensionIds])
    .execute();
  if (questions.length === 0) return [];
  const dimensionOf = new Map(questions.map((q) => [q.id, q.dimension_id!]));
  const rows = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .leftJoin('comment_analysis as c', (j) =>
      j.onRef('c.answer_id', '=', 'a.id').onRef('c.organization_id', '=', 'a.organization_id'),
    )
    .select(['a.response_id', 'a.question_id', 'a.value_text', 'r.segments', 'c.polarity', 'c.themes'])
    .where('a.organization_id', '=', args.organizationId)
    .where('a.question_id', 'in', [...dimensionOf.keys()])
    .where('r.organization_id', '=', args.organizationId)
    .where('r.group_id', '=', args.groupId)
    .where('r.wave_id', '=', args.waveId)
    .where('a.value_text', 'is not', null)
    .where('a.value_text', '<>', '')
    .execute();
  const byCommenter = new Map<string, CommenterReading>();
  for (const row of rows) {
    const text = row.value_text!.trim();
    if (text === '') continue;
    const dimensionId = dimensionOf.get(row.question_id)!;
    const key = `${row.response_id}\n${dimensionId}`;
    let reading = byCommenter.get(key);
    if (!reading) {
      reading = { dimensionId, segments: parseJson<Record<string, string>>(row.segments, {}), comments: [] };
      byCommenter.set(key, reading);
    }
    reading.comments.push({
      text,
      polarity: row.polarity === null ? null : (row.polarity as Polarity),
      themes: row.themes === null ? [] : parseJson<string[]>(row.themes, []),
    });
  }
  return [...byCommenter.values()];
}

import {
  cellKey,
  checkProgrammeLead,
  DomainError,
  type LocalizedText,
  type QuestionFacet,
  type Scale,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { bool, inTransaction, localized } from './rows.ts';

/**
 * Survey programmes: a survey and its waves, or several surveys reported together (the quarterly survey and the
 * pulses between its waves). A survey names the survey leading its programme (`programme_survey_id`) or leads its
 * own; a lead is never itself a member, so every programme is one lead and its members.
 */

/** A survey of a programme, as the reporting views name it. */
export interface ProgrammeSurvey {
  surveyId: string;
  title: LocalizedText;
  createdAt: string;
}

/** A programme of a group as readers choose it: its lead survey's id, title and age, and every survey in it. */
export interface ProgrammeRef {
  /** The survey leading the programme. */
  surveyId: string;
  title: LocalizedText;
  /** Whether it is the group's headline programme (one of its surveys carries the mark; one per group). */
  headline: boolean;
  createdAt: string;
  /** Its surveys: the lead first, then its members, oldest first. */
  surveys: ProgrammeSurvey[];
}

/** The programmes of a group, oldest lead first. */
export async function listProgrammes(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
): Promise<ProgrammeRef[]> {
  const rows = await db
    .selectFrom('survey')
    .select(['id', 'title', 'headline', 'created_at', 'programme_survey_id'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // setSurveyProgramme names only a lead of the same group; any other row would lead its own programme.
  const leadOf = (r: (typeof rows)[number]) => {
    const lead = r.programme_survey_id === null ? undefined : byId.get(r.programme_survey_id);
    return lead && lead.programme_survey_id === null ? lead.id : r.id;
  };
  const programmes = new Map<string, ProgrammeRef>();
  for (const r of rows.filter((x) => leadOf(x) === x.id)) {
    const survey = { surveyId: r.id, title: localized(r.title), createdAt: r.created_at };
    programmes.set(r.id, { ...survey, headline: bool(r.headline), surveys: [survey] });
  }
  for (const r of rows.filter((x) => leadOf(x) !== x.id)) {
    const programme = programmes.get(leadOf(r))!;
    programme.surveys.push({ surveyId: r.id, title: localized(r.title), createdAt: r.created_at });
    if (bool(r.headline)) programme.headline = true;
  }
  return [...programmes.values()];
}

/**
 * Makes a survey part of the programme `programmeSurveyId` leads, or (null) its own programme again. Refused, naming
 * `programmeSurveyId`, unless that survey is another survey of the same group that leads its own programme and the
 * survey has no members itself (domain `checkProgrammeLead`). The two rows are locked first, in id order, so that two
 * changes at once cannot make a chain.
 */
export async function setSurveyProgramme(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string; programmeSurveyId: string | null },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const ids = [args.surveyId, ...(args.programmeSurveyId === null ? [] : [args.programmeSurveyId])].sort();
    for (const id of new Set(ids)) {
      await trx
        .updateTable('survey')
        .set((eb) => ({ programme_survey_id: eb.ref('programme_survey_id') }))
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', id)
        .execute();
    }
    const read = (id: string) =>
      trx
        .selectFrom('survey')
        .select(['id', 'group_id', 'programme_survey_id'])
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
    const survey = await read(args.surveyId);
    if (!survey) throw new DomainError('not_found', 'surveyId: no such survey', 'surveyId');
    if (args.programmeSurveyId !== null) {
      const lead = await read(args.programmeSurveyId);
      const members = await trx
        .selectFrom('survey')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('organization_id', '=', args.organizationId)
        .where('programme_survey_id', '=', args.surveyId)
        .executeTakeFirstOrThrow();
      const member = (r: NonNullable<typeof survey>) => ({
        id: r.id,
        groupId: r.group_id,
        programmeSurveyId: r.programme_survey_id,
      });
      checkProgrammeLead({ survey: member(survey), lead: lead ? member(lead) : null, members: Number(members.n) });
    }
    await trx
      .updateTable('survey')
      .set({ programme_survey_id: args.programmeSurveyId })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.surveyId)
      .execute();
  });
}

/**
 * The cells each survey asks (domain `cellKey`: a dimension's expected or lived cell, an outcome item's scale): a wave
 * measures a cell when its survey asks it. Questions are frozen once a wave has responses, so every wave with results
 * asks what its survey asks now. A survey asking nothing is absent.
 */
export async function listAskedCells(
  db: Kysely<Database>,
  args: { organizationId: string; surveyIds: readonly string[] },
): Promise<Map<string, ReadonlySet<string>>> {
  const asked = new Map<string, Set<string>>();
  if (args.surveyIds.length === 0) return asked;
  const rows = await db
    .selectFrom('question')
    .select(['survey_id', 'dimension_id', 'facet', 'scale'])
    .distinct()
    .where('organization_id', '=', args.organizationId)
    .where('survey_id', 'in', [...args.surveyIds])
    .where('facet', 'is not', null)
    .where('scale', 'is not', null)
    .execute();
  for (const r of rows) {
    const facet = r.facet as QuestionFacet;
    if (facet !== 'outcome' && r.dimension_id === null) continue;
    const cells = asked.get(r.survey_id) ?? new Set<string>();
    cells.add(cellKey(r.dimension_id, facet, r.scale as Scale));
    asked.set(r.survey_id, cells);
  }
  return asked;
}

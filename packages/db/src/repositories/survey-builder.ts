import {
  checkQuestionDesigns,
  DomainError,
  type QuestionDesign,
  type SurveyKind,
  type WrittenText,
  writtenText,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { listDimensions, requireActiveGroup } from './groups.ts';
import { organizationLanguages } from './organizations.ts';
import { namedPrimaryBreakdown, setPrimaryBreakdown } from './primary-breakdown.ts';
import { inTransaction, localized, localizedOrNull } from './rows.ts';
import { requireSurvey, surveyHasResponses, surveyLaunched } from './survey-access.ts';
import { instantiateTemplate } from './survey-templates.ts';

/** Building a survey: from a template or blank, its texts, its questions (while no answer depends on them), copies. */

export interface QuestionInput extends QuestionDesign {
  /** Kept when the question already exists, so that a screen can follow it across saves. */
  id?: string;
  /** A stable name for exports; made from the position when not given. */
  code?: string;
}

const json = (value: unknown) => JSON.stringify(value);

const DEFAULT_KIND: Record<string, SurveyKind> = { employee: 'pulse', customer: 'relationship' };
const MAX_TITLE = 200;
const MAX_INTRO = 2000;
const MAX_PROMPT = 500;
const MAX_OPTION_LABEL = 200;

/** A survey's title and introduction as given, in the organisation's languages (each required). */
async function surveyTexts(
  db: Kysely<Database>,
  organizationId: string,
  input: { title?: WrittenText | undefined; intro?: WrittenText | null | undefined },
): Promise<{ title?: WrittenText; intro?: WrittenText | null }> {
  const languages = await organizationLanguages(db, organizationId);
  const texts: { title?: WrittenText; intro?: WrittenText | null } = {};
  if (input.title !== undefined) texts.title = writtenText('title', input.title, languages, MAX_TITLE);
  if (input.intro !== undefined) {
    texts.intro = input.intro === null ? null : writtenText('intro', input.intro, languages, MAX_INTRO);
  }
  return texts;
}

export async function createSurvey(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    organizationName: string;
    groupId: string;
    templateId?: string;
    title?: WrittenText;
    intro?: WrittenText | null;
    anonymous?: boolean;
    kind?: SurveyKind;
    dimensionChoices?: Readonly<Record<string, string | null>>;
    now: string;
    newId: () => string;
  },
): Promise<{ surveyId: string }> {
  return inTransaction(db, async (trx) => {
    const group = await requireActiveGroup(trx, input);
    const fromTemplate = input.templateId
      ? await instantiateTemplate(trx, {
          organizationId: input.organizationId,
          organizationName: input.organizationName,
          group,
          templateId: input.templateId,
          choices: input.dimensionChoices ?? {},
        })
      : null;
    const template = fromTemplate?.template;
    const given = await surveyTexts(trx, input.organizationId, input);
    const title = given.title ?? fromTemplate?.title;
    if (!title) throw new DomainError('invalid', 'title: a blank survey needs a title', 'title', 'required');
    const surveyId = input.newId();
    await trx
      .insertInto('survey')
      .values({
        id: surveyId,
        organization_id: input.organizationId,
        group_id: group.id,
        kind: input.kind ?? template?.kind ?? DEFAULT_KIND[group.kind] ?? 'perception',
        title: json(title),
        intro:
          given.intro !== undefined ? given.intro && json(given.intro) : fromTemplate ? json(fromTemplate.intro) : null,
        anonymous: (input.anonymous ?? template?.anonymous ?? group.kind === 'employee') ? 1 : 0,
        status: 'draft',
        created_at: input.now,
      })
      .execute();
    if (fromTemplate && fromTemplate.questions.length > 0) {
      await writeQuestions(
        trx,
        { organizationId: input.organizationId, surveyId, groupId: group.id },
        fromTemplate.questions,
        input.newId,
      );
    }
    return { surveyId };
  });
}

/**
 * Title, introduction, anonymity and, when given, the primary breakdown (primary-breakdown.ts), all or nothing.
 * Anonymity is fixed once a wave was launched: invitations promised it. Returns the primary breakdown, old → new.
 */
export async function updateSurvey(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    surveyId: string;
    title: WrittenText;
    intro: WrittenText | null;
    anonymous: boolean;
    primarySegmentKey?: string | null;
  },
): Promise<{ primarySegmentKey: { from: string | null; to: string | null } }> {
  return inTransaction(db, async (trx) => {
    const survey = await requireSurvey(trx, input);
    const texts = (await surveyTexts(trx, input.organizationId, input)) as {
      title: WrittenText;
      intro: WrittenText | null;
    };
    if (survey.anonymous !== input.anonymous && (await surveyLaunched(trx, input))) {
      throw new DomainError(
        'conflict',
        'anonymous: a wave of this survey was launched, so whether it is anonymous can no longer change; duplicate the survey instead',
        'anonymous',
        'wrong_state',
      );
    }
    await trx
      .updateTable('survey')
      .set({ title: json(texts.title), intro: texts.intro && json(texts.intro), anonymous: input.anonymous ? 1 : 0 })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', input.surveyId)
      .execute();
    if (input.primarySegmentKey === undefined) {
      const named = await namedPrimaryBreakdown(trx, input);
      return { primarySegmentKey: { from: named, to: named } };
    }
    const primarySegmentKey = await setPrimaryBreakdown(trx, {
      organizationId: input.organizationId,
      surveyId: input.surveyId,
      groupId: survey.groupId,
      primarySegmentKey: input.primarySegmentKey,
    });
    return { primarySegmentKey };
  });
}

/**
 * Replaces the survey's questions with `questions`, in that order (adding, editing, reordering and removing in one
 * save), all or nothing. Refused once a wave has responses: duplicate the survey to change it.
 */
export async function saveQuestions(
  db: Kysely<Database>,
  input: { organizationId: string; surveyId: string; questions: readonly QuestionInput[]; newId: () => string },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const survey = await requireSurvey(trx, input);
    if (await surveyHasResponses(trx, input)) {
      throw new DomainError(
        'conflict',
        'questions: this survey already has responses, so its questions can no longer change (the answers would lose their meaning); duplicate the survey to make a new version',
        'questions',
        'wrong_state',
      );
    }
    checkQuestionDesigns(input.questions);
    const languages = await organizationLanguages(trx, input.organizationId);
    const questions = input.questions.map((q, i) => ({
      ...q,
      prompt: writtenText(`questions.${i}.prompt`, q.prompt, languages, MAX_PROMPT),
      options:
        q.options?.map((o, j) => ({
          value: o.value,
          label: writtenText(`questions.${i}.options.${j}.label`, o.label, languages, MAX_OPTION_LABEL),
        })) ?? null,
    }));
    const stored = await trx
      .selectFrom('question')
      .select(['id', 'dimension_id'])
      .where('organization_id', '=', input.organizationId)
      .where('survey_id', '=', input.surveyId)
      .execute();
    const existing = new Set(stored.map((r) => r.id));
    input.questions.forEach((q, i) => {
      if (q.id !== undefined && !existing.has(q.id)) {
        throw new DomainError(
          'invalid',
          `questions.${i}.id: is not a question of this survey`,
          `questions.${i}.id`,
          'invalid_value',
        );
      }
    });
    await trx
      .deleteFrom('question')
      .where('organization_id', '=', input.organizationId)
      .where('survey_id', '=', input.surveyId)
      .execute();
    // An archived dimension stays where the draft already asked it; no question may take it up anew.
    const kept = stored.flatMap((r) => (r.dimension_id === null ? [] : [r.dimension_id]));
    await writeQuestions(trx, { ...input, groupId: survey.groupId }, questions, input.newId, kept);
  });
}

/** Inserts questions at positions 1…n after checking their dimensions belong to the group and their codes differ. */
async function writeQuestions(
  trx: Kysely<Database>,
  target: { organizationId: string; surveyId: string; groupId: string },
  questions: readonly QuestionInput[],
  newId: () => string,
  /** Archived dimensions the survey asked before and may keep asking. */
  kept: readonly string[] = [],
): Promise<void> {
  checkQuestionDesigns(questions);
  const dimensions = new Set(
    (await listDimensions(trx, { organizationId: target.organizationId, groupId: target.groupId }))
      .filter((d) => !d.archived || kept.includes(d.id))
      .map((d) => d.id),
  );
  const codes = new Set<string>();
  const rows = questions.map((q, i) => {
    if (q.dimensionId !== null && !dimensions.has(q.dimensionId)) {
      throw new DomainError(
        'invalid',
        `questions.${i}.dimensionId: is not a dimension of this group`,
        `questions.${i}.dimensionId`,
      );
    }
    let code = q.code ?? `q${i + 1}`;
    if (q.code !== undefined && codes.has(code)) {
      throw new DomainError(
        'invalid',
        `questions.${i}.code: is used by another question`,
        `questions.${i}.code`,
        'duplicate',
      );
    }
    for (let n = 2; codes.has(code); n++) code = `q${i + 1}_${n}`;
    codes.add(code);
    return {
      id: q.id ?? newId(),
      organization_id: target.organizationId,
      survey_id: target.surveyId,
      position: i + 1,
      code,
      type: q.type,
      scale: q.scale,
      facet: q.facet,
      dimension_id: q.dimensionId,
      prompt: json(q.prompt),
      options: q.options && q.options.length > 0 ? json(q.options) : null,
      required: q.required ? 1 : 0,
    };
  });
  for (let i = 0; i < rows.length; i += 50) {
    await trx
      .insertInto('question')
      .values(rows.slice(i, i + 50))
      .execute();
  }
}

/** A new draft with the same texts, questions and primary breakdown and no wave: how a survey with responses gets a new version. */
export async function duplicateSurvey(
  db: Kysely<Database>,
  input: { organizationId: string; surveyId: string; now: string; newId: () => string },
): Promise<{ surveyId: string }> {
  return inTransaction(db, async (trx) => {
    const source = await requireSurvey(trx, input);
    const survey = await trx
      .selectFrom('survey')
      .select(['kind', 'title', 'intro', 'anonymous', 'primary_segment_key'])
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', input.surveyId)
      .executeTakeFirstOrThrow();
    const title = localized(survey.title);
    const surveyId = input.newId();
    await trx
      .insertInto('survey')
      .values({
        id: surveyId,
        organization_id: input.organizationId,
        group_id: source.groupId,
        kind: survey.kind,
        title: json({ fr: `${title.fr} (copie)`.slice(0, 200), en: `${title.en} (copy)`.slice(0, 200) }),
        intro: survey.intro && json(localizedOrNull(survey.intro)),
        anonymous: survey.anonymous,
        primary_segment_key: survey.primary_segment_key,
        status: 'draft',
        created_at: input.now,
      })
      .execute();
    const questions = await trx
      .selectFrom('question')
      .selectAll()
      .where('organization_id', '=', input.organizationId)
      .where('survey_id', '=', input.surveyId)
      .orderBy('position')
      .execute();
    for (let i = 0; i < questions.length; i += 50) {
      await trx
        .insertInto('question')
        .values(questions.slice(i, i + 50).map((q) => ({ ...q, id: input.newId(), survey_id: surveyId })))
        .execute();
    }
    return { surveyId };
  });
}

import type { QuestionType } from '@facets/domain';
import type { KeyValueStore } from '../storage.ts';

/**
 * The survey runner's state as pure functions over plain data: the React component only renders it. A draft lives
 * in localStorage per user and wave, so closing the tab loses nothing, and it holds the submission's idempotency key,
 * so a retry after a lost response (or a double click) cannot count the same answers twice.
 */

export const TEXT_MAX = 5000;

export interface QuestionLike {
  id: string;
  type: QuestionType | (string & {});
  required: boolean;
}

export interface AnswerDraft {
  value?: number;
  text?: string;
  choices?: string[];
}

export interface SurveyDraft {
  version: 1;
  waveId: string;
  answers: Record<string, AnswerDraft>;
  /** The question on screen, so the runner resumes where the person left. */
  index: number;
  /** Made on the first submit attempt and kept until the server accepts the response. */
  idempotencyKey: string | null;
}

export type AnswerProblem = 'required' | 'too_long';

export interface SubmissionAnswer {
  questionId: string;
  value?: number;
  text?: string;
  choices?: string[];
}

export interface Submission {
  waveId: string;
  idempotencyKey: string;
  answers: SubmissionAnswer[];
}

const PREFIX = 'facets.survey.';

export function draftKey(userId: string, waveId: string): string {
  return `${PREFIX}${userId}.${waveId}`;
}

export function emptyDraft(waveId: string): SurveyDraft {
  return { version: 1, waveId, answers: {}, index: 0, idempotencyKey: null };
}

/** The saved draft, or an empty one when there is none or it cannot be read. */
export function loadDraft(store: KeyValueStore, userId: string, waveId: string): SurveyDraft {
  const raw = store.getItem(draftKey(userId, waveId));
  if (!raw) return emptyDraft(waveId);
  try {
    const parsed = JSON.parse(raw) as Partial<SurveyDraft>;
    if (parsed.version !== 1 || parsed.waveId !== waveId || typeof parsed.answers !== 'object' || !parsed.answers) {
      return emptyDraft(waveId);
    }
    return {
      version: 1,
      waveId,
      answers: parsed.answers,
      index: typeof parsed.index === 'number' ? parsed.index : 0,
      idempotencyKey: typeof parsed.idempotencyKey === 'string' ? parsed.idempotencyKey : null,
    };
  } catch {
    return emptyDraft(waveId);
  }
}

export function saveDraft(store: KeyValueStore, userId: string, draft: SurveyDraft): void {
  try {
    store.setItem(draftKey(userId, draft.waveId), JSON.stringify(draft));
  } catch {
    // A full or refused store only costs the resume feature; the survey still works in memory.
  }
}

export function clearDraft(store: KeyValueStore, userId: string, waveId: string): void {
  store.removeItem(draftKey(userId, waveId));
}

/** Removes every draft of a user, on sign-out, so answers do not stay on a shared device. */
export function clearDraftsOf(store: KeyValueStore, userId: string): void {
  const prefix = `${PREFIX}${userId}.`;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

/** True when a draft has at least one answer (the list then offers "Continue"). */
export function hasProgress(draft: SurveyDraft): boolean {
  return Object.values(draft.answers).some((a) => isAnswered(a));
}

export function isAnswered(answer: AnswerDraft | undefined): boolean {
  if (!answer) return false;
  if (typeof answer.value === 'number') return true;
  if (typeof answer.text === 'string' && answer.text.trim() !== '') return true;
  return Array.isArray(answer.choices) && answer.choices.length > 0;
}

export function validateAnswer(question: QuestionLike, answer: AnswerDraft | undefined): AnswerProblem | null {
  if (question.required && !isAnswered(answer)) return 'required';
  if (answer?.text && answer.text.trim().length > TEXT_MAX) return 'too_long';
  return null;
}

/** Index of the first question that blocks submission, or -1. */
export function firstInvalidIndex(questions: readonly QuestionLike[], answers: SurveyDraft['answers']): number {
  return questions.findIndex((q) => validateAnswer(q, answers[q.id]) !== null);
}

export function withAnswer(draft: SurveyDraft, questionId: string, answer: AnswerDraft): SurveyDraft {
  return { ...draft, answers: { ...draft.answers, [questionId]: answer } };
}

export function withIndex(draft: SurveyDraft, index: number, count: number): SurveyDraft {
  return { ...draft, index: clampIndex(index, count) };
}

function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), count - 1);
}

/**
 * Adapts a saved draft to the survey as served now: answers to questions that no longer exist are dropped and the
 * position is kept within range.
 */
export function resumeDraft(draft: SurveyDraft, questions: readonly QuestionLike[]): SurveyDraft {
  const ids = new Set(questions.map((q) => q.id));
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([id]) => ids.has(id)));
  return { ...draft, answers, index: clampIndex(draft.index, questions.length) };
}

/** Keeps the attempt's key when there is one, so every retry of this attempt sends the same key. */
export function ensureIdempotencyKey(draft: SurveyDraft, makeKey: () => string): SurveyDraft {
  return draft.idempotencyKey ? draft : { ...draft, idempotencyKey: makeKey() };
}

/** The payload of `portal.survey.submit`: answered questions only, text trimmed, in survey order. */
export function toSubmission(questions: readonly QuestionLike[], draft: SurveyDraft): Submission {
  if (!draft.idempotencyKey) throw new Error('toSubmission needs an idempotency key (ensureIdempotencyKey first)');
  const answers: SubmissionAnswer[] = [];
  for (const q of questions) {
    const a = draft.answers[q.id];
    if (!isAnswered(a) || !a) continue;
    if (q.type === 'rating' && typeof a.value === 'number') answers.push({ questionId: q.id, value: a.value });
    else if (q.type === 'text' && a.text) answers.push({ questionId: q.id, text: a.text.trim() });
    else if ((q.type === 'single_choice' || q.type === 'multi_choice') && a.choices?.length) {
      answers.push({ questionId: q.id, choices: [...a.choices] });
    }
  }
  return { waveId: draft.waveId, idempotencyKey: draft.idempotencyKey, answers };
}

import { describe, expect, it } from 'vitest';
import { memoryStore } from '../storage.ts';
import {
  clearDraft,
  clearDraftsOf,
  draftKey,
  emptyDraft,
  ensureIdempotencyKey,
  firstInvalidIndex,
  hasProgress,
  loadDraft,
  type QuestionLike,
  resumeDraft,
  saveDraft,
  TEXT_MAX,
  toSubmission,
  validateAnswer,
  withAnswer,
  withIndex,
} from './state.ts';

const questions: QuestionLike[] = [
  { id: 'q1', type: 'rating', required: true },
  { id: 'q2', type: 'single_choice', required: true },
  { id: 'q3', type: 'text', required: false },
  { id: 'q4', type: 'multi_choice', required: false },
];

describe('resuming a survey', () => {
  it('finds the answers and the position saved before the tab was closed', () => {
    const store = memoryStore();
    let draft = withAnswer(emptyDraft('w1'), 'q1', { value: 4 });
    draft = withIndex(draft, 1, questions.length);
    saveDraft(store, 'u1', draft);

    const resumed = loadDraft(store, 'u1', 'w1');
    expect(resumed.answers).toEqual({ q1: { value: 4 } });
    expect(resumed.index).toBe(1);
    expect(hasProgress(resumed)).toBe(true);
  });

  it('keeps drafts apart per user and per wave', () => {
    const store = memoryStore();
    saveDraft(store, 'u1', withAnswer(emptyDraft('w1'), 'q1', { value: 2 }));
    expect(loadDraft(store, 'u2', 'w1').answers).toEqual({});
    expect(loadDraft(store, 'u1', 'w2').answers).toEqual({});
  });

  it('starts afresh from a corrupt or foreign draft', () => {
    const store = memoryStore();
    store.setItem(draftKey('u1', 'w1'), '{not json');
    expect(loadDraft(store, 'u1', 'w1')).toEqual(emptyDraft('w1'));
    store.setItem(draftKey('u1', 'w1'), JSON.stringify({ ...emptyDraft('w9'), answers: { q1: { value: 1 } } }));
    expect(loadDraft(store, 'u1', 'w1')).toEqual(emptyDraft('w1'));
  });

  it('drops answers to removed questions and keeps the position in range', () => {
    const draft = { ...withAnswer(emptyDraft('w1'), 'gone', { value: 3 }), index: 12 };
    const resumed = resumeDraft(draft, questions);
    expect(resumed.answers).toEqual({});
    expect(resumed.index).toBe(3);
  });

  it('forgets a submitted draft, and every draft of a user who signs out', () => {
    const store = memoryStore();
    saveDraft(store, 'u1', emptyDraft('w1'));
    saveDraft(store, 'u1', emptyDraft('w2'));
    saveDraft(store, 'u2', emptyDraft('w1'));
    clearDraft(store, 'u1', 'w1');
    expect(store.getItem(draftKey('u1', 'w1'))).toBeNull();
    clearDraftsOf(store, 'u1');
    expect(store.getItem(draftKey('u1', 'w2'))).toBeNull();
    expect(store.getItem(draftKey('u2', 'w1'))).not.toBeNull();
  });
});

describe('idempotency key', () => {
  it('is made once per attempt and reused by every retry, even after a reload', () => {
    const store = memoryStore();
    let made = 0;
    const makeKey = () => `key-${++made}-abcdef`;
    const first = ensureIdempotencyKey(withAnswer(emptyDraft('w1'), 'q1', { value: 5 }), makeKey);
    saveDraft(store, 'u1', first);
    const retried = ensureIdempotencyKey(loadDraft(store, 'u1', 'w1'), makeKey);
    expect(retried.idempotencyKey).toBe('key-1-abcdef');
    expect(ensureIdempotencyKey(retried, makeKey).idempotencyKey).toBe('key-1-abcdef');
    expect(made).toBe(1);
    expect(toSubmission(questions, retried).idempotencyKey).toBe('key-1-abcdef');
  });

  it('is required to build a submission', () => {
    expect(() => toSubmission(questions, emptyDraft('w1'))).toThrow(/idempotency key/);
  });
});

describe('required questions', () => {
  it('blocks an unanswered required question and lets an optional one pass', () => {
    expect(validateAnswer(questions[0]!, undefined)).toBe('required');
    expect(validateAnswer(questions[1]!, { choices: [] })).toBe('required');
    expect(validateAnswer(questions[2]!, undefined)).toBeNull();
    expect(validateAnswer({ id: 't', type: 'text', required: true }, { text: '   ' })).toBe('required');
  });

  it('accepts 0 on an 0–10 scale as an answer', () => {
    expect(validateAnswer(questions[0]!, { value: 0 })).toBeNull();
  });

  it('refuses a text longer than the server accepts', () => {
    expect(validateAnswer(questions[2]!, { text: 'x'.repeat(TEXT_MAX + 1) })).toBe('too_long');
  });

  it('points at the first question that blocks submission', () => {
    const answers = { q1: { value: 3 } };
    expect(firstInvalidIndex(questions, answers)).toBe(1);
    expect(firstInvalidIndex(questions, { ...answers, q2: { choices: ['a'] } })).toBe(-1);
  });
});

describe('submission', () => {
  it('sends answered questions only, in survey order, with trimmed text', () => {
    let draft = emptyDraft('w1');
    draft = withAnswer(draft, 'q3', { text: '  Merci  ' });
    draft = withAnswer(draft, 'q1', { value: 0 });
    draft = withAnswer(draft, 'q2', { choices: ['b'] });
    draft = withAnswer(draft, 'q4', { choices: [] });
    draft = ensureIdempotencyKey(draft, () => 'k-12345678');
    expect(toSubmission(questions, draft)).toEqual({
      waveId: 'w1',
      idempotencyKey: 'k-12345678',
      answers: [
        { questionId: 'q1', value: 0 },
        { questionId: 'q2', choices: ['b'] },
        { questionId: 'q3', text: 'Merci' },
      ],
    });
  });
});

import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addCommentQuestion, addSegmentAttribute, answerEmployees, type Respondent } from './testing.ts';

/**
 * The themes and sentiment of comments: counted in commenters, shown only where the comments are, and placed so that
 * no theme figure of any population, or difference of two, stands on fewer commenters than the comment threshold.
 */

let db: Db;
let org: Org;
let commentQuestionId: string;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db); // k = 3; comments need 5 commenters
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'sales'] });
  commentQuestionId = await addCommentQuestion(db.db, org);
});
afterEach(() => db.close());

const PAY = 'Mon salaire est trop bas, c’est décourageant';
const TOOLS = 'Les outils informatiques sont lents et plantent';
const NEUTRAL = 'Rien de particulier à ajouter';
const saying = (count: number, department: string, text: string, lived = 2): Respondent[] =>
  Array.from({ length: count }, (_, i) => ({ segments: { department }, comment: `${text} (${i + 1})`, lived }));

async function themesOf(userId: string, segment?: { key: string; value: string }) {
  const api = await callerFor(db.db, userId);
  const page = await api.insights.dimension({
    groupId: org.groups.employee,
    dimensionId: org.dimensions.recognition,
    ...(segment ? { segment } : {}),
  });
  return page.themes;
}
const IT = { key: 'department', value: 'it' };
const SALES = { key: 'department', value: 'sales' };
const counts = (view: Awaited<ReturnType<typeof themesOf>>) =>
  Object.fromEntries(view.themes.map((t) => [t.code, t.commenters]));

describe('the themes of a dimension’s comments', () => {
  it('count commenters raising each theme, with sentiment and representative comments', async () => {
    await answerEmployees(
      db.db,
      org,
      [...saying(5, 'it', PAY), ...saying(5, 'sales', PAY), ...saying(5, 'sales', TOOLS)],
      { commentQuestionId },
    );
    const whole = await themesOf(org.leadership.userId);
    expect(whole).toMatchObject({ hidden: null, analysing: false, commenters: 15 });
    expect(counts(whole)).toEqual({ pay: 10, tools: 5 });
    const pay = whole.themes.find((t) => t.code === 'pay')!;
    expect(pay.share).toBe(66.7);
    expect(pay.label).toEqual({ fr: 'Rémunération', en: 'Pay' });
    expect(pay.sentiment).toEqual({ n: 10, negative: 10, neutral: 0, positive: 0 });
    expect(pay.examples).toHaveLength(3);
    for (const text of pay.examples) expect(text.startsWith(PAY)).toBe(true);
    // The first wave of the fixture had no comments: no trend to show.
    expect(pay.trend).toBeNull();
    expect(await themesOf(org.leadership.userId, IT)).toMatchObject({ commenters: 5 });
    expect(counts(await themesOf(org.leadership.userId, IT))).toEqual({ pay: 5 });
  });

  it('hide "6 of 7": a theme is not shown where those who do not raise it are too few', async () => {
    await answerEmployees(db.db, org, [...saying(6, 'it', PAY), ...saying(1, 'it', NEUTRAL, 4)], {
      commentQuestionId,
    });
    const whole = await themesOf(org.leadership.userId);
    expect(whole.commenters).toBe(7);
    expect(whole.themes).toEqual([]);
    // Sentiment: 6 negative and 1 neutral — withheld.
    expect(whole.sentiment).toBeNull();
  });

  it('resist subtraction: no theme count of the whole minus a department stands on fewer than 5', async () => {
    // IT: 6 raise pay. Sales: 1 raises pay, 5 speak of tools. Both lists are shown (6 commenters each).
    await answerEmployees(
      db.db,
      org,
      [...saying(6, 'it', PAY), ...saying(1, 'sales', PAY), ...saying(5, 'sales', TOOLS)],
      { commentQuestionId },
    );
    const me = org.leadership.userId;
    const [whole, it, sales] = [await themesOf(me), await themesOf(me, IT), await themesOf(me, SALES)];
    expect([whole.commenters, it.commenters, sales.commenters]).toEqual([12, 6, 6]);
    // Pay in the whole (7 of 12) is shown; in IT (6 of 6) it would leave Sales' single pay comment by subtraction.
    expect(counts(whole)).toEqual({ pay: 7, tools: 5 });
    expect(counts(it)).toEqual({});
    expect(counts(sales)).toEqual({});
    for (const part of [it, sales]) {
      for (const t of whole.themes) {
        const inPart = part.themes.find((x) => x.code === t.code);
        if (!inPart) continue;
        const rest = t.commenters - inPart.commenters;
        expect(rest === 0 || rest >= 5).toBe(true);
        const without = whole.commenters - part.commenters - rest;
        expect(without === 0 || without >= 5).toBe(true);
      }
    }
  });

  it('are withheld with the comments, and from a manager whose team’s comments are withheld', async () => {
    await answerEmployees(db.db, org, [...saying(4, 'it', PAY), ...saying(6, 'sales', PAY)], { commentQuestionId });
    expect(await themesOf(org.leadership.userId, IT)).toEqual({
      hidden: 'comments_below_k',
      analysing: false,
      commenters: 0,
      sentiment: null,
      themes: [],
    });
    const m = await addMember(db.db, org, 'manager-it', 'manager');
    await db.db.updateTable('member').set({ department: 'it' }).where('id', '=', m.memberId).execute();
    expect((await themesOf(m.userId)).hidden).toBe('comments_below_k');
  });

  it('apply the organisation’s names and merges at read time, and another organisation sees none of it', async () => {
    await answerEmployees(
      db.db,
      org,
      [...saying(5, 'it', PAY), ...saying(5, 'sales', TOOLS), ...saying(5, 'sales', NEUTRAL, 4)],
      { commentQuestionId },
    );
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    await analyst.insights.themes.rename({ code: 'pay', label: { fr: 'Salaires', en: 'Salaries' } });
    const { themes } = await analyst.insights.themes.merge({ code: 'tools', into: 'pay' });
    expect(themes.find((t) => t.code === 'tools')?.mergedInto).toBe('pay');
    const merged = await themesOf(org.leadership.userId);
    expect(counts(merged)).toEqual({ pay: 10 });
    expect(merged.themes[0]?.label).toEqual({ fr: 'Salaires', en: 'Salaries' });
    await analyst.insights.themes.merge({ code: 'tools', into: null });
    expect(counts(await themesOf(org.leadership.userId))).toEqual({ pay: 5, tools: 5 });
    // Mapped to the group's recognition dimension, the theme links there.
    await analyst.insights.themes.map({ code: 'pay', dimensionId: org.dimensions.recognition });
    const mapped = (await themesOf(org.leadership.userId)).themes.find((t) => t.code === 'pay');
    expect(mapped?.dimensionId).toBe(org.dimensions.recognition);

    const other = await buildOrg(db.db);
    const theirs = await callerFor(db.db, other.leadership.userId);
    expect((await theirs.insights.themes.list()).themes.find((t) => t.code === 'pay')?.label.fr).toBe('Rémunération');
    await expect(
      theirs.insights.dimension({ groupId: org.groups.employee, dimensionId: org.dimensions.recognition }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      theirs.insights.themes.map({ code: 'pay', dimensionId: org.dimensions.recognition }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuse a manager’s change and bad input, naming the field', async () => {
    const manager = await callerFor(db.db, org.staff.manager.userId);
    await expect(manager.insights.themes.rename({ code: 'pay', label: { fr: 'X' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    await expect(
      analyst.insights.themes.rename({ code: 'nothing' as never, label: { fr: 'X' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(analyst.insights.themes.rename({ code: 'pay', label: { fr: 'x'.repeat(81) } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('trend against the previous wave in share points, only where the theme is shown in both', async () => {
    await answerEmployees(db.db, org, [...saying(5, 'it', PAY), ...saying(5, 'sales', TOOLS)], {
      commentQuestionId,
      wave: 'closed',
    });
    await answerEmployees(
      db.db,
      org,
      [...saying(5, 'it', PAY), ...saying(5, 'sales', PAY), ...saying(5, 'sales', NEUTRAL, 4)],
      { commentQuestionId },
    );
    const whole = await themesOf(org.leadership.userId);
    // Pay: 5 of 10 (50 %) then 10 of 15 (66.7 %).
    expect(whole.themes.find((t) => t.code === 'pay')?.trend).toBe(16.7);
    expect(whole.themes.find((t) => t.code === 'tools')).toBeUndefined();
  });

  it('show the top themes on the overview, without comment texts', async () => {
    await answerEmployees(db.db, org, [...saying(5, 'it', PAY), ...saying(5, 'sales', TOOLS)], { commentQuestionId });
    const api = await callerFor(db.db, org.leadership.userId);
    const overview = await api.insights.overview({ groupId: org.groups.employee });
    const top = overview.groups[0]!.topThemes;
    expect(top.map((t) => [t.code, t.commenters, t.commentedOn])).toEqual([
      ['pay', 5, org.dimensions.recognition],
      ['tools', 5, org.dimensions.recognition],
    ]);
    expect(JSON.stringify(overview)).not.toContain('salaire');
  });
});

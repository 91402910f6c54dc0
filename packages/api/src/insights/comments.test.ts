import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addCommentQuestion, addSegmentAttribute, answerEmployees, type Respondent } from './testing.ts';

/** Comments are texts: they can be subtracted exactly, so they are guarded by commenters and by text differences. */

let db: Db;
let org: Org;
let commentQuestionId: string;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db); // k = 3; comments need 5 commenters unless a test lowers it
  const e = org.groups.employee;
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'department', values: ['it', 'sales', 'hr'] });
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'site', values: ['lyon', 'paris'] });
  commentQuestionId = await addCommentQuestion(db.db, org);
});
afterEach(() => db.close());

const commenting = (count: number, segments: Record<string, string>, prefix: string): Respondent[] =>
  Array.from({ length: count }, (_, i) => ({ segments, comment: `${prefix} ${i + 1}` }));

async function commentsOf(userId: string, segment?: { key: string; value: string }) {
  const api = await callerFor(db.db, userId);
  const page = await api.insights.dimension({
    groupId: org.groups.employee,
    dimensionId: org.dimensions.recognition,
    ...(segment ? { segment } : {}),
  });
  return page.comments;
}

describe('the comments of a team of three', () => {
  beforeEach(async () => {
    await answerEmployees(
      db.db,
      org,
      [
        ...commenting(6, { department: 'it' }, 'IT says'),
        ...commenting(5, { department: 'sales' }, 'Sales says'),
        ...commenting(3, { department: 'hr' }, 'HR says'),
      ],
      { commentQuestionId },
    );
  });

  it('are hidden, and so are the next-smallest team’s, while the whole group’s are shown', async () => {
    const me = org.leadership.userId;
    const whole = await commentsOf(me);
    expect(whole).toMatchObject({ hidden: null, commenters: 14 });
    expect(whole.items).toHaveLength(14);
    // A withheld list never shows how many wrote
    expect(await commentsOf(me, { key: 'department', value: 'hr' })).toEqual({
      hidden: 'comments_below_k',
      commenters: 0,
      items: [],
    });
    // whole minus IT minus sales would be HR's words: sales is withheld as the complementary sibling
    expect(await commentsOf(me, { key: 'department', value: 'sales' })).toEqual({
      hidden: 'complementary',
      commenters: 0,
      items: [],
    });
    const it = await commentsOf(me, { key: 'department', value: 'it' });
    expect(it).toMatchObject({ hidden: null, commenters: 6 });
    expect([...it.items].sort()).toEqual([
      'IT says 1',
      'IT says 2',
      'IT says 3',
      'IT says 4',
      'IT says 5',
      'IT says 6',
    ]);
    // whole minus IT: eight texts, sales' and HR's together
    expect(whole.items.filter((t) => !it.items.includes(t))).toHaveLength(8);
  });

  it('stay hidden from the team’s manager, who still sees the team’s scores', async () => {
    const m = await addMember(db.db, org, 'manager-hr', 'manager');
    await db.db.updateTable('member').set({ department: 'hr' }).where('id', '=', m.memberId).execute();
    const api = await callerFor(db.db, m.userId);
    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(page.comments).toEqual({ hidden: 'comments_below_k', commenters: 0, items: [] });
    expect(page.trend.at(-1)!.lived).toMatchObject({ n: 3, hidden: null });
  });
});

describe('comments of two segments that differ by one commenter', () => {
  it('are hidden on both sides, even when their respondents differ enough for scores', async () => {
    await db.db
      .updateTable('organization')
      .set({ comment_threshold: 3 })
      .where('id', '=', org.organizationId)
      .execute();
    await answerEmployees(
      db.db,
      org,
      [
        ...commenting(3, { department: 'hr', site: 'lyon' }, 'HR at Lyon says'),
        ...commenting(1, { department: 'it', site: 'lyon' }, 'IT at Lyon says'),
        { segments: { department: 'it', site: 'lyon' } },
        { segments: { department: 'it', site: 'lyon' } },
        ...commenting(3, { department: 'it', site: 'paris' }, 'IT at Paris says'),
        ...commenting(5, { department: 'sales', site: 'paris' }, 'Sales says'),
      ],
      { commentQuestionId },
    );
    const me = org.leadership.userId;
    // HR (3 people) and Lyon (6) differ by 3 respondents: their scores may both be shown…
    const page = async (segment: { key: string; value: string }) =>
      (await callerFor(db.db, me)).insights.dimension({
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
        segment,
      });
    const hr = await page({ key: 'department', value: 'hr' });
    expect(hr.trend.at(-1)!.lived).toMatchObject({ n: 3, hidden: null });
    expect((await page({ key: 'site', value: 'lyon' })).trend.at(-1)!.lived).toMatchObject({ n: 6, hidden: null });
    // …but Lyon's comments are HR's plus one IT person's: the departments go first, so Lyon's list is withheld
    expect(hr.comments).toMatchObject({ hidden: null, commenters: 3 });
    expect([...hr.comments.items].sort()).toEqual(['HR at Lyon says 1', 'HR at Lyon says 2', 'HR at Lyon says 3']);
    expect(await commentsOf(me, { key: 'site', value: 'lyon' })).toEqual({
      hidden: 'overlap',
      commenters: 0,
      items: [],
    });
    // Paris minus sales would be IT at Paris, but then IT minus that would be the one IT person at Lyon
    expect(await commentsOf(me, { key: 'site', value: 'paris' })).toEqual({
      hidden: 'complementary',
      commenters: 0,
      items: [],
    });
    expect(await commentsOf(me, { key: 'department', value: 'sales' })).toMatchObject({ hidden: null, commenters: 5 });
    const it = await commentsOf(me, { key: 'department', value: 'it' });
    expect(it).toMatchObject({ hidden: null, commenters: 4 });
    // The one IT person at Lyon's words stand only among IT's four
    expect(it.items).toContain('IT at Lyon says 1');
    const whole = await commentsOf(me);
    expect(whole).toMatchObject({ hidden: null, commenters: 12 });
  });
});

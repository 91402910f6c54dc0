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
    expect(await commentsOf(me, { key: 'department', value: 'hr' })).toEqual({
      hidden: 'comments_below_k',
      commenters: 3,
      items: [],
    });
    // whole minus IT minus sales would be HR's words: sales is withheld as the complementary sibling
    expect(await commentsOf(me, { key: 'department', value: 'sales' })).toEqual({
      hidden: 'complementary',
      commenters: 5,
      items: [],
    });
    const it = await commentsOf(me, { key: 'department', value: 'it' });
    expect(it).toMatchObject({ hidden: null, commenters: 6 });
    expect(it.items).toEqual(['IT says 1', 'IT says 2', 'IT says 3', 'IT says 4', 'IT says 5', 'IT says 6']);
  });

  it('stay hidden from the team’s manager, who still sees the team’s scores', async () => {
    const m = await addMember(db.db, org, 'manager-hr', 'manager');
    await db.db.updateTable('member').set({ department: 'hr' }).where('id', '=', m.memberId).execute();
    const api = await callerFor(db.db, m.userId);
    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(page.comments).toEqual({ hidden: 'comments_below_k', commenters: 3, items: [] });
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
    const hr = await (await callerFor(db.db, me)).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
      segment: { key: 'department', value: 'hr' },
    });
    expect(hr.trend.at(-1)!.lived).toMatchObject({ n: 3, hidden: null });
    // …but Lyon's comments are HR's plus one: showing both would give that one person's words away
    expect(hr.comments).toEqual({ hidden: 'overlap', commenters: 3, items: [] });
    expect(await commentsOf(me, { key: 'site', value: 'lyon' })).toEqual({
      hidden: 'overlap',
      commenters: 4,
      items: [],
    });
    // sales and Paris differ by three IT commenters: enough
    expect(await commentsOf(me, { key: 'department', value: 'sales' })).toMatchObject({ hidden: null, commenters: 5 });
    expect(await commentsOf(me, { key: 'department', value: 'it' })).toMatchObject({ hidden: null, commenters: 4 });
  });
});

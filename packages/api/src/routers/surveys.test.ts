import { type Db, listOutbox } from '@facets/db';
import { addSegmentAttributeValues } from '@facets/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerEmployees, people } from '../insights/testing.ts';
import { buildOrg, callerFor, count, key, type Org, openDb, TEST_BASE_URL } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  await addSegmentAttributeValues(db.db, {
    organizationId: org.organizationId,
    groupId: org.groups.employee,
    key: 'department',
    label: { fr: 'Service', en: 'Department' },
    values: [
      ['it', 'Informatique', 'IT'],
      ['hr', 'Ressources humaines', 'Human resources'],
    ],
  });
});
afterEach(() => db.close());

const written = async () => ({
  surveys: await count(db.db, 'survey'),
  questions: await count(db.db, 'question'),
  waves: await count(db.db, 'wave'),
  stakeholders: await count(db.db, 'stakeholder'),
  invitations: await count(db.db, 'invitation'),
  outbox: await count(db.db, 'outbox'),
});

describe('surveys: from a template to a live response rate', () => {
  it('builds, launches, invites by CSV and counts the responses', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const { templates, dimensions } = await hr.surveys.templates({ groupId: org.groups.supplier });
    expect(dimensions.map((d) => d.code).sort()).toEqual(['payment', 'transparency']);
    expect(templates.map((t) => t.id)).toEqual(['supplier_relationship']);
    const missing = templates[0]!.dimensions.filter((d) => d.dimension === null).map((d) => d.code);
    expect(missing).toEqual(['payment_reliability', 'ordering_process', 'communication', 'fairness', 'collaboration']);

    const { surveyId } = await hr.surveys.create({
      groupId: org.groups.supplier,
      templateId: 'supplier_relationship',
      dimensionChoices: {
        payment_reliability: org.dimensions.payment,
        ordering_process: org.dimensions.payment,
        communication: org.dimensions.transparency,
        fairness: null,
        collaboration: null,
      },
    });
    const survey = await hr.surveys.get({ surveyId });
    expect(survey).toMatchObject({ status: 'draft', anonymous: false, locked: false, group: { code: 'supplier' } });
    expect(survey.dimensions.map((d) => d.code).sort()).toEqual(['payment', 'transparency']);
    expect(survey.invitationColumns.headers).toEqual(['email', 'name', 'external_id', 'company', 'language']);
    expect(survey.questions.map((q) => q.code)).not.toContain('fairness_lived');

    const { waveId } = await hr.surveys.waves.schedule({
      surveyId,
      label: 'Hiver 2026',
      opensAt: '2026-11-22T09:00:00.000Z',
      closesAt: '2026-12-20T00:00:00.000Z',
    });
    // Nobody yet reads as fewer than k: a count says nothing until it reaches k, so its first answer shows nothing.
    expect(await hr.surveys.responseRate({ waveId })).toMatchObject({ invited: 0, responses: null, rate: null });

    const bad = await hr.surveys.invitations.import({ waveId, csv: 'email,name\nsam@nowhere,Sam\n' });
    expect(bad).toMatchObject({ status: 'refused', errors: [{ row: 2, column: 'email', code: 'invalid_email' }] });
    const before = await written();
    const csv = `email,name,company\n${org.stakeholders.sam.email},Sam Durand,Atelier Durand\nnina@scierie.example,Nina,Scierie Martin\n`;
    expect(await hr.surveys.invitations.preview({ waveId, csv })).toMatchObject({
      status: 'valid',
      summary: { created: 1 },
    });
    expect(await written()).toEqual(before);
    expect(await hr.surveys.invitations.import({ waveId, csv })).toEqual({
      status: 'imported',
      summary: {
        rows: 2,
        created: 1,
        updated: 1,
        unchanged: 0,
        invited: 2,
        alreadyInvited: 0,
        overLimit: 0,
        newCompanies: 0,
      },
      companies: [
        { row: 2, companyId: expect.any(String), company: 'Atelier Durand', how: 'name' },
        { row: 3, companyId: expect.any(String), company: 'Scierie Martin', how: 'name' },
      ],
    });
    const [mail] = await listOutbox(db.db, { to: 'nina@scierie.example' });
    expect(mail!.body).toContain(`${TEST_BASE_URL}/supplier/i/`);

    const sam = await callerFor(db.db, org.stakeholders.sam.userId);
    const questions = (await sam.portal.survey.get({ waveId })).questions;
    const answers = questions.filter((q) => q.type === 'rating').map((q) => ({ questionId: q.id, value: 4 }));
    await sam.portal.survey.submit({ waveId, idempotencyKey: key(), answers });
    expect(await hr.surveys.responseRate({ waveId })).toEqual({
      waveId,
      label: 'Hiver 2026',
      state: 'open',
      anonymous: false,
      invited: 2,
      // No link used and one response are both fewer than k = 3: no count is said, and no rate.
      used: null,
      responses: null,
      rate: null,
      k: 3,
    });
    const [listed] = (await hr.surveys.list({ groupId: org.groups.supplier })).filter((s) => s.id === surveyId);
    expect(listed).toMatchObject({
      status: 'open',
      waves: [{ id: waveId, invited: 2, responses: null, state: 'open' }],
    });

    const locked = await hr.surveys.questions
      .save({
        surveyId,
        questions: (await hr.surveys.get({ surveyId })).questions.slice(1).map(({ position: _p, ...q }) => q),
      })
      .catch((e: unknown) => e);
    expect(locked).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^questions: this survey already has responses/),
    });
  });
});

describe('surveys: bad input', () => {
  it('names the field, and writes nothing', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const before = await written();
    const t = { fr: 'Titre', en: 'Title' };
    const cases: [Promise<unknown>, string, RegExp][] = [
      [
        admin.surveys.create({ groupId: org.groups.employee, title: { fr: '', en: 'x' } }),
        'BAD_REQUEST',
        /^title\.fr: /,
      ],
      [admin.surveys.create({ groupId: org.groups.employee, title: t, extra: 1 } as never), 'BAD_REQUEST', /^extra: /],
      [admin.surveys.create({ groupId: org.groups.employee }), 'BAD_REQUEST', /^title: a blank survey needs a title/],
      [
        admin.surveys.create({ groupId: org.groups.employee, templateId: 'employee_engagement' }),
        'BAD_REQUEST',
        /^dimensionChoices\.management: this group has no “management” dimension/,
      ],
      [
        admin.surveys.questions.save({
          surveyId: org.surveys.supplier.surveyId,
          questions: [
            {
              type: 'rating',
              scale: 'likert5',
              facet: 'lived',
              dimensionId: null,
              prompt: t,
              options: null,
              required: true,
            },
          ],
        }),
        'BAD_REQUEST',
        /^questions\.0\.dimensionId: an expected or lived rating needs a dimension/,
      ],
      [
        admin.surveys.waves.schedule({
          surveyId: org.surveys.employee.surveyId,
          label: 'Q1',
          opensAt: '2027-01-10T00:00:00.000Z',
          closesAt: '2027-01-05T00:00:00.000Z',
        }),
        'BAD_REQUEST',
        /^closesAt: a wave cannot close before it opens/,
      ],
      [
        admin.surveys.waves.schedule({
          surveyId: org.surveys.employee.surveyId,
          label: ' q3 ',
          opensAt: '2027-01-10T00:00:00.000Z',
          closesAt: '2027-01-20T00:00:00.000Z',
        }),
        'BAD_REQUEST',
        /^label: this survey already has a wave called “Q3”/,
      ],
      [
        admin.surveys.waves.schedule({
          surveyId: org.surveys.employee.surveyId,
          label: 'Q1',
          opensAt: 'tomorrow',
          closesAt: 'later',
        }),
        'BAD_REQUEST',
        /^opensAt: /,
      ],
      [
        admin.surveys.waves.schedule({
          surveyId: org.surveys.employee.surveyId,
          label: 'Overlap',
          opensAt: '2026-11-25T00:00:00.000Z',
          closesAt: '2026-12-05T00:00:00.000Z',
        }),
        'CONFLICT',
        /^opensAt: the wave “Q4” takes answers at the same time/,
      ],
      [
        admin.surveys.waves.close({ waveId: org.surveys.employee.closedWaveId }),
        'CONFLICT',
        /^waveId: this wave is already closed/,
      ],
      [admin.surveys.invitations.import({ waveId: org.surveys.employee.waveId, csv: '' }), 'BAD_REQUEST', /^csv: /],
    ];
    for (const [call, code, message] of cases) {
      await expect(call).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(await written()).toEqual(before);
  });
});

describe('surveys: who sees what', () => {
  it('gives another organisation’s ids NOT_FOUND, and changes nothing there', async () => {
    const other = await buildOrg(db.db);
    const api = await callerFor(db.db, other.leadership.userId);
    const before = await written();
    const calls = [
      api.surveys.get({ surveyId: org.surveys.employee.surveyId }),
      api.surveys.update({
        surveyId: org.surveys.employee.surveyId,
        title: { fr: 'x', en: 'x' },
        intro: null,
        anonymous: true,
      }),
      api.surveys.duplicate({ surveyId: org.surveys.employee.surveyId }),
      api.surveys.questions.save({ surveyId: org.surveys.employee.surveyId, questions: [] }),
      api.surveys.templates({ groupId: org.groups.employee }),
      api.surveys.create({ groupId: org.groups.employee, title: { fr: 'x', en: 'x' } }),
      api.surveys.waves.close({ waveId: org.surveys.employee.waveId }),
      api.surveys.invitations.import({ waveId: org.surveys.employee.waveId, csv: 'email\na@example.org' }),
      api.surveys.responseRate({ waveId: org.surveys.employee.waveId }),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await written()).toEqual(before);
    expect((await api.surveys.list()).map((s) => s.id).sort()).toEqual(
      [other.surveys.employee.surveyId, other.surveys.supplier.surveyId].sort(),
    );
  });

  it('shows a manager the employee surveys only, and analysts nothing to change', async () => {
    const manager = await callerFor(db.db, org.staff.manager.userId);
    expect((await manager.surveys.list()).map((s) => s.group.code)).toEqual(['employee']);
    await expect(manager.surveys.get({ surveyId: org.surveys.supplier.surveyId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(manager.surveys.responseRate({ waveId: org.surveys.supplier.waveId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await manager.surveys.responseRate({ waveId: org.surveys.employee.waveId })).toMatchObject({
      anonymous: true,
    });
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    await expect(analyst.surveys.waves.close({ waveId: org.surveys.employee.waveId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('tells nobody who answered an anonymous survey: counts only', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const waveId = org.surveys.employee.waveId;
    await hr.surveys.invitations.import({
      waveId,
      csv: `email\n${org.stakeholders.alice.email}\n${org.stakeholders.bob.email}\n`,
    });
    const alice = await callerFor(db.db, org.stakeholders.alice.userId);
    await alice.portal.survey.submit({
      waveId,
      idempotencyKey: key(),
      answers: [
        { questionId: org.surveys.employee.questions.recognition_lived!, value: 4 },
        { questionId: org.surveys.employee.questions.recognition_expected!, value: 4 },
      ],
    });
    const rate = await hr.surveys.responseRate({ waveId });
    expect(Object.keys(rate).sort()).toEqual([
      'anonymous',
      'invited',
      'k',
      'label',
      'rate',
      'responses',
      'state',
      'used',
      'waveId',
    ]);
    // One answer is fewer than k: not even the count is said (watching it move would point at Alice).
    expect(rate).toMatchObject({ anonymous: true, invited: 2, responses: null, rate: null });
    const manager = await callerFor(db.db, org.staff.manager.userId);
    expect((await manager.surveys.list()).flatMap((s) => s.waves).find((w) => w.id === waveId)).toMatchObject({
      responses: null,
    });
    // From k on, the count and the rate are shown.
    await answerEmployees(db.db, org, people(2, {}), { keepOpen: true });
    expect(await hr.surveys.responseRate({ waveId })).toMatchObject({ invited: 2, responses: 3, rate: 1 });
    expect(JSON.stringify(await hr.surveys.get({ surveyId: org.surveys.employee.surveyId }))).not.toContain(
      org.stakeholders.alice.id,
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessMaturity, type MaturityEvidence, type MaturityStage } from './maturity.ts';
import { Department, InitiativeKind, InitiativeStatus, LocalizedText } from './model.ts';

type Initiative = MaturityEvidence['initiatives'][number];
const live = (kind: Initiative['kind'], ownerDepartment: Initiative['ownerDepartment'] = 'marketing'): Initiative => ({
  kind,
  ownerDepartment,
  status: 'active',
});
const evidence = (over: Partial<MaturityEvidence>): MaturityEvidence => ({
  groups: 3,
  groupsWithIntended: 0,
  initiatives: [],
  promisedCells: 0,
  promisesKept: 0,
  leadershipReview: false,
  ...over,
});
const en = (texts: readonly LocalizedText[]) => texts.map((t) => t.en);
const fr = (texts: readonly LocalizedText[]) => texts.map((t) => t.fr);

describe('assessMaturity', () => {
  it('is at stage 1 without live initiatives; planned and cancelled ones do not count', () => {
    const a = assessMaturity(
      evidence({
        initiatives: [
          { kind: 'service', ownerDepartment: 'hr', status: 'planned' },
          { ...live('offer'), status: 'cancelled' },
        ],
      }),
      null,
    );
    expect(a).toMatchObject({ stage: 1, evidenceStage: 1, selfStage: null, agreement: 'no_self_assessment' });
    expect(en(a.reasons)).toEqual([
      'No initiative is active or delivered: the intended experience is still only an intention.',
    ]);
    expect(fr(a.nextSteps)).toEqual([
      "Lancer une initiative de service ou de formation qui change ce que vivent les parties prenantes, pas seulement ce qu'on leur en dit.",
      "Faire revoir l'expérience par la direction au moins une fois par an, en enregistrant son auto-évaluation.",
    ]);
  });

  it('stays at stage 1 when most live initiatives are communication, even with a service one', () => {
    // 3 communication of 4 live: 3 × 2 > 4
    const a = assessMaturity(
      evidence({ initiatives: [live('communication'), live('communication'), live('communication'), live('service')] }),
      2,
    );
    expect(a).toMatchObject({ stage: 1, agreement: 'self_higher' });
    expect(fr(a.reasons)[0]).toBe(
      "3 des 4 initiatives actives ou livrées relèvent de la communication : on parle de l'expérience plus qu'on ne la change.",
    );
    expect(en(a.reasons)[1]).toBe(
      'Leadership places itself at stage 2, above what the evidence shows (stage 1): worth checking against the facts above.',
    );
  });

  it('reaches stage 2 with service or training, and names what stage 3 needs', () => {
    // 1 communication of 2 live is not "most"
    const a = assessMaturity(
      evidence({ initiatives: [live('communication'), { ...live('training', 'hr'), status: 'delivered' }] }),
      2,
    );
    expect(a).toMatchObject({ stage: 2, agreement: 'agrees' });
    expect(en(a.reasons)).toEqual([
      '1 service or training initiative changes what stakeholders live through.',
      "Leadership's self-assessment (stage 2) matches the evidence.",
    ]);
    expect(fr(a.reasons)[0]).toBe(
      '1 initiative de service ou de formation change ce que vivent les parties prenantes.',
    );
    expect(en(a.nextSteps)).toEqual([
      "Design an offer (product, service or benefit) from a group's intended experience rather than one-off actions.",
      'Write down the intended experience of at least one stakeholder group: what it should live, dimension by dimension.',
    ]);
  });

  it('reaches stage 3 with an offer built on an intended experience', () => {
    const a = assessMaturity(
      evidence({ groupsWithIntended: 1, initiatives: [live('service', 'hr'), live('offer', 'marketing')] }),
      4,
    );
    expect(a).toMatchObject({ stage: 3, agreement: 'self_higher' });
    expect(fr(a.reasons)[1]).toBe("1 initiative d'offre s'appuie sur une expérience visée formalisée pour 1 groupe.");
    expect(fr(a.nextSteps)).toEqual([
      "Associer au moins trois directions parmi le marketing, les RH, l'informatique, les achats et la finance (aujourd'hui : le marketing et les RH).",
      "Étendre l'expérience visée à un deuxième groupe de parties prenantes : collaborateurs, clients, fournisseurs ou actionnaires.",
    ]);
  });

  const stage4 = evidence({
    groups: 3,
    groupsWithIntended: 2,
    initiatives: [
      live('service', 'hr'),
      live('offer', 'marketing'),
      live('digital', 'it'),
      live('communication', 'operations'),
    ],
    promisedCells: 10,
    promisesKept: 6,
  });

  it('reaches stage 4 when three functions own live initiatives and two groups have an intent', () => {
    // promises kept 6 / 10 = 60 % < 70 %; one group of three without intent; no leadership review
    const a = assessMaturity(stage4, 5);
    expect(a).toMatchObject({ stage: 4, agreement: 'self_higher' });
    expect(en(a.reasons)[2]).toBe(
      'Initiatives are owned by 3 functions (marketing, HR and IT) and 2 groups have an intended experience.',
    );
    expect(fr(a.nextSteps)).toEqual([
      "Définir l'expérience visée du groupe qui n'en a pas encore.",
      "Faire revoir l'expérience par la direction au moins une fois par an, en enregistrant son auto-évaluation.",
      "Tenir au moins 70\u00a0% des promesses mesurées (aujourd'hui 60\u00a0% : 6 sur 10).",
    ]);
    expect(en(a.nextSteps)[2]).toBe('Keep at least 70% of measured promises (today 60%: 6 of 10).');
  });

  it('reaches stage 5 when every group has an intent, leadership reviews it and 70 % of promises are kept', () => {
    // 7 / 10 = 70 %: exactly the bar
    const a = assessMaturity({ ...stage4, groupsWithIntended: 3, leadershipReview: true, promisesKept: 7 }, 3);
    expect(a).toMatchObject({ stage: 5, evidenceStage: 5, selfStage: 3, agreement: 'self_lower' });
    expect(en(a.reasons)[3]).toBe(
      'Every group has an intended experience, leadership reviewed it within the year, and 70% of measured promises are kept.',
    );
    expect(en(a.nextSteps)).toEqual([
      'Hold the course: repeat the self-assessment every year and act on promise-drift alerts.',
    ]);
    // without a measured promise, stage 5 is out of reach
    expect(
      assessMaturity({ ...stage4, groupsWithIntended: 3, leadershipReview: true, promisedCells: 0, promisesKept: 0 }, 5)
        .stage,
    ).toBe(4);
  });

  const anyEvidence = fc
    .record({
      groups: fc.integer({ min: 0, max: 6 }),
      intended: fc.integer({ min: 0, max: 6 }),
      initiatives: fc.array(
        fc.record({
          kind: fc.constantFrom(...InitiativeKind.options),
          ownerDepartment: fc.constantFrom(...Department.options),
          status: fc.constantFrom(...InitiativeStatus.options),
        }),
        { maxLength: 10 },
      ),
      promisedCells: fc.integer({ min: 0, max: 12 }),
      kept: fc.integer({ min: 0, max: 12 }),
      leadershipReview: fc.boolean(),
    })
    .map(
      (e): MaturityEvidence => ({
        groups: e.groups,
        groupsWithIntended: Math.min(e.intended, e.groups),
        initiatives: e.initiatives,
        promisedCells: e.promisedCells,
        promisesKept: Math.min(e.kept, e.promisedCells),
        leadershipReview: e.leadershipReview,
      }),
    );
  const anySelf = fc.option(fc.constantFrom<MaturityStage>(1, 2, 3, 4, 5), { nil: null });

  it('always explains itself in both languages and agrees with the self-assessment only when equal', () => {
    fc.assert(
      fc.property(anyEvidence, anySelf, (e, self) => {
        const a = assessMaturity(e, self);
        expect(a.stage).toBe(a.evidenceStage);
        expect(a.selfStage).toBe(self);
        const expected =
          self === null
            ? 'no_self_assessment'
            : self === a.stage
              ? 'agrees'
              : self > a.stage
                ? 'self_higher'
                : 'self_lower';
        expect(a.agreement).toBe(expected);
        expect(a.reasons.length).toBeGreaterThan(0);
        expect(a.nextSteps.length).toBeGreaterThan(0);
        for (const t of [...a.reasons, ...a.nextSteps]) {
          expect(LocalizedText.safeParse(t).success).toBe(true);
          expect(t.fr).not.toBe(t.en);
        }
        // the self-assessment is shown beside the evidence, never instead of it
        expect(assessMaturity(e, null).stage).toBe(a.stage);
      }),
    );
  });

  it('never drops a stage when the evidence improves', () => {
    fc.assert(
      fc.property(
        anyEvidence,
        fc.constantFrom(...InitiativeKind.options.filter((k) => k !== 'communication')),
        fc.constantFrom(...Department.options),
        (e, kind, owner) => {
          const { stage } = assessMaturity(e, null);
          expect(assessMaturity({ ...e, leadershipReview: true }, null).stage).toBeGreaterThanOrEqual(stage);
          expect(
            assessMaturity({ ...e, initiatives: [...e.initiatives, live(kind, owner)] }, null).stage,
          ).toBeGreaterThanOrEqual(stage);
          expect(assessMaturity({ ...e, promisesKept: e.promisedCells }, null).stage).toBeGreaterThanOrEqual(stage);
          if (e.groupsWithIntended < e.groups) {
            expect(
              assessMaturity({ ...e, groupsWithIntended: e.groupsWithIntended + 1 }, null).stage,
            ).toBeGreaterThanOrEqual(stage);
          }
        },
      ),
    );
  });

  it('climbs the ladder: a stage implies the conditions of every stage below it', () => {
    fc.assert(
      fc.property(anyEvidence, (e) => {
        const { stage } = assessMaturity(e, null);
        const liveOnes = e.initiatives.filter((i) => i.status === 'active' || i.status === 'delivered');
        if (stage >= 2) expect(liveOnes.some((i) => i.kind === 'service' || i.kind === 'training')).toBe(true);
        if (stage >= 3) expect(liveOnes.some((i) => i.kind === 'offer') && e.groupsWithIntended >= 1).toBe(true);
        if (stage >= 4) expect(e.groupsWithIntended).toBeGreaterThanOrEqual(2);
        if (stage === 5)
          expect(
            e.leadershipReview && e.groupsWithIntended === e.groups && e.promisesKept >= 0.7 * e.promisedCells,
          ).toBe(true);
      }),
    );
  });
});

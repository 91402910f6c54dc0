import { z } from 'zod';
import type { InitiativeKind, InitiativeStatus, LocalizedText } from './model.ts';

/**
 * Stakeholder-experience maturity, from talking about the experience to running the organisation on it:
 * 1 communication, 2 service, 3 integrated offer, 4 horizontal integration, 5 strategic asset.
 */
export const MaturityStage = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type MaturityStage = z.infer<typeof MaturityStage>;

export const MATURITY_STAGE_KEYS = {
  1: 'communication',
  2: 'service',
  3: 'integrated_offer',
  4: 'horizontal_integration',
  5: 'strategic_asset',
} as const satisfies Record<MaturityStage, string>;

export const MATURITY_STAGE_LABELS: Readonly<Record<MaturityStage, LocalizedText>> = {
  1: { fr: 'Communication', en: 'Communication' },
  2: { fr: 'Service', en: 'Service' },
  3: { fr: 'Offre intégrée', en: 'Integrated offer' },
  4: { fr: 'Intégration transversale', en: 'Horizontal integration' },
  5: { fr: 'Actif stratégique', en: 'Strategic asset' },
};

export interface MaturityEvidence {
  groups: number;
  groupsWithIntended: number;
  /**
   * Kinds and owner departments are codes of the organisation's lists (organisation-lists.ts). The built-in codes
   * count as below; an organisation's own entries count as "other": an active one is live, never a service, an offer
   * or an integrating function (a renamed built-in entry keeps its code, and so its meaning here).
   */
  initiatives: readonly { kind: string; ownerDepartment: string; status: InitiativeStatus }[];
  /** Promised group × dimensions with a lived score, and how many of them have lived >= expected − 5. */
  promisedCells: number;
  promisesKept: number;
  /** Whether leadership has recorded a self-assessment in the last year. */
  leadershipReview: boolean;
}

export interface MaturityAssessment {
  stage: MaturityStage;
  evidenceStage: MaturityStage;
  selfStage: MaturityStage | null;
  agreement: 'agrees' | 'self_higher' | 'self_lower' | 'no_self_assessment';
  reasons: LocalizedText[];
  nextSteps: LocalizedText[];
}

/** The functions whose joint ownership shows that the experience crosses silos (stage 4). */
export const INTEGRATING_DEPARTMENTS = ['marketing', 'hr', 'it', 'procurement', 'finance'] as const;
const DEPARTMENT_NAMES: Record<(typeof INTEGRATING_DEPARTMENTS)[number], LocalizedText> = {
  marketing: { fr: 'le marketing', en: 'marketing' },
  hr: { fr: 'les RH', en: 'HR' },
  it: { fr: "l'informatique", en: 'IT' },
  procurement: { fr: 'les achats', en: 'procurement' },
  finance: { fr: 'la finance', en: 'finance' },
};
export const PROMISES_KEPT_TARGET = 0.7;

const text = (fr: string, en: string): LocalizedText => ({ fr, en });
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const percent = (ratio: number) => Math.round(ratio * 100);
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const stepFirstService = text(
  "Lancer une initiative de service ou de formation qui change ce que vivent les parties prenantes, pas seulement ce qu'on leur en dit.",
  'Launch a service or training initiative that changes what stakeholders live through, not just what they are told.',
);

const stepLeadershipReview = text(
  "Faire revoir l'expérience par la direction au moins une fois par an, en enregistrant son auto-évaluation.",
  'Have leadership review the experience at least once a year by recording its self-assessment.',
);

/**
 * The stage the data supports, as a ladder: each stage needs every condition of the stages below it.
 * - 1 when no initiative is active or delivered, or when more than half of those are `communication`.
 * - 2 when `service` or `training` initiatives are active or delivered.
 * - 3 when `offer` initiatives are too, and at least one group has an intended experience.
 * - 4 when active or delivered initiatives are owned by at least three of marketing, HR, IT, procurement and finance
 *   (procurement and finance stand for marketing and HR towards suppliers and shareholders; the evidence carries no
 *   group kinds, so all five count), and at least two groups have an intended experience.
 * - 5 when, in addition, every group has an intended experience, leadership reviewed it in the last year, and at
 *   least 70 % of the measured promises are kept.
 * stage = evidenceStage: the self-assessment is shown beside it and never overrides it.
 */
export function assessMaturity(evidence: MaturityEvidence, selfStage: MaturityStage | null): MaturityAssessment {
  const live = evidence.initiatives.filter((i) => i.status === 'active' || i.status === 'delivered');
  const count = (...kinds: InitiativeKind[]) => live.filter((i) => (kinds as string[]).includes(i.kind)).length;
  const communication = count('communication');
  const services = count('service', 'training');
  const offers = count('offer');
  const owners = INTEGRATING_DEPARTMENTS.filter((d) => live.some((i) => i.ownerDepartment === d));
  const { groups, groupsWithIntended: intended, promisedCells, promisesKept } = evidence;
  const kept = promisedCells > 0 ? promisesKept / promisedCells : 0;
  const reasons: LocalizedText[] = [];
  const nextSteps: LocalizedText[] = [];

  const stage = ((): MaturityStage => {
    if (live.length === 0) {
      reasons.push(
        text(
          "Aucune initiative n'est active ou livrée : l'expérience visée n'est encore qu'une intention.",
          'No initiative is active or delivered: the intended experience is still only an intention.',
        ),
      );
      nextSteps.push(stepFirstService);
      return 1;
    }
    if (communication * 2 > live.length) {
      reasons.push(
        text(
          `${communication} des ${live.length} initiatives actives ou livrées relèvent de la communication : on parle de l'expérience plus qu'on ne la change.`,
          `${communication} of the ${live.length} active or delivered initiatives are communication: the experience is talked about more than changed.`,
        ),
      );
      nextSteps.push(
        text(
          "Adosser chaque message à un changement concret, en rééquilibrant les initiatives vers le service, l'offre et les processus.",
          'Back every message with a concrete change, shifting initiatives towards service, offer and process.',
        ),
      );
      return 1;
    }
    if (services === 0) {
      reasons.push(
        text(
          'Les initiatives actives ou livrées ne comprennent ni service ni formation.',
          'Active or delivered initiatives include no service or training.',
        ),
      );
      nextSteps.push(stepFirstService);
      return 1;
    }
    reasons.push(
      text(
        `${services} ${plural(services, 'initiative de service ou de formation change', 'initiatives de service ou de formation changent')} ce que vivent les parties prenantes.`,
        `${services} service or training ${plural(services, 'initiative changes', 'initiatives change')} what stakeholders live through.`,
      ),
    );

    if (offers === 0 || intended === 0) {
      if (offers === 0) {
        nextSteps.push(
          text(
            "Concevoir une offre (produit, service ou avantage) à partir de l'expérience visée d'un groupe, plutôt que des actions isolées.",
            "Design an offer (product, service or benefit) from a group's intended experience rather than one-off actions.",
          ),
        );
      }
      if (intended === 0) {
        nextSteps.push(
          text(
            "Formaliser l'expérience visée d'au moins un groupe de parties prenantes : ce qu'il doit vivre, dimension par dimension.",
            'Write down the intended experience of at least one stakeholder group: what it should live, dimension by dimension.',
          ),
        );
      }
      return 2;
    }
    reasons.push(
      text(
        `${offers} ${plural(offers, "initiative d'offre s'appuie", "initiatives d'offre s'appuient")} sur une expérience visée formalisée pour ${intended} ${plural(intended, 'groupe', 'groupes')}.`,
        `${offers} offer ${plural(offers, 'initiative builds', 'initiatives build')} on an intended experience written down for ${intended} ${plural(intended, 'group', 'groups')}.`,
      ),
    );

    if (owners.length < 3 || intended < 2) {
      if (owners.length < 3) {
        const names = owners.map((d) => DEPARTMENT_NAMES[d]);
        nextSteps.push(
          text(
            `Associer au moins trois directions parmi le marketing, les RH, l'informatique, les achats et la finance (aujourd'hui : ${
              names.length
                ? list(
                    names.map((n) => n.fr),
                    'et',
                  )
                : 'aucune'
            }).`,
            `Involve at least three of marketing, HR, IT, procurement and finance in live initiatives (today: ${
              names.length
                ? list(
                    names.map((n) => n.en),
                    'and',
                  )
                : 'none'
            }).`,
          ),
        );
      }
      if (intended < 2) {
        nextSteps.push(
          text(
            "Étendre l'expérience visée à un deuxième groupe de parties prenantes : collaborateurs, clients, fournisseurs ou actionnaires.",
            'Extend the intended experience to a second stakeholder group: employees, customers, suppliers or shareholders.',
          ),
        );
      }
      return 3;
    }
    reasons.push(
      text(
        `Les initiatives sont portées par ${owners.length} directions (${list(
          owners.map((d) => DEPARTMENT_NAMES[d].fr),
          'et',
        )}) et ${intended} groupes ont une expérience visée.`,
        `Initiatives are owned by ${owners.length} functions (${list(
          owners.map((d) => DEPARTMENT_NAMES[d].en),
          'and',
        )}) and ${intended} groups have an intended experience.`,
      ),
    );

    const allGroups = groups > 0 && intended >= groups;
    const keptEnough = promisedCells > 0 && kept >= PROMISES_KEPT_TARGET;
    if (!allGroups) {
      const missing = groups - intended;
      nextSteps.push(
        text(
          `Définir l'expérience visée ${plural(missing, 'du groupe qui', `des ${missing} groupes qui`)} n'en ${plural(missing, 'a', 'ont')} pas encore.`,
          `Define the intended experience of the ${plural(missing, 'group that still lacks', `${missing} groups that still lack`)} one.`,
        ),
      );
    }
    if (!evidence.leadershipReview) nextSteps.push(stepLeadershipReview);
    if (promisedCells === 0) {
      nextSteps.push(
        text(
          "Mesurer le vécu sur les dimensions où une promesse est faite, pour vérifier qu'elle est tenue.",
          'Measure the lived experience on the dimensions you make promises about, to check they are kept.',
        ),
      );
    } else if (!keptEnough) {
      nextSteps.push(
        text(
          `Tenir au moins 70\u00a0% des promesses mesurées (aujourd'hui ${percent(kept)}\u00a0% : ${promisesKept} sur ${promisedCells}).`,
          `Keep at least 70% of measured promises (today ${percent(kept)}%: ${promisesKept} of ${promisedCells}).`,
        ),
      );
    }
    if (!allGroups || !evidence.leadershipReview || !keptEnough) return 4;
    reasons.push(
      text(
        `Chaque groupe a une expérience visée, la direction l'a revue dans l'année et ${percent(kept)}\u00a0% des promesses mesurées sont tenues.`,
        `Every group has an intended experience, leadership reviewed it within the year, and ${percent(kept)}% of measured promises are kept.`,
      ),
    );
    nextSteps.push(
      text(
        "Garder le cap : refaire l'auto-évaluation chaque année et traiter les alertes de dérive des promesses.",
        'Hold the course: repeat the self-assessment every year and act on promise-drift alerts.',
      ),
    );
    return 5;
  })();

  const agreement =
    selfStage === null
      ? 'no_self_assessment'
      : selfStage === stage
        ? 'agrees'
        : selfStage > stage
          ? 'self_higher'
          : 'self_lower';
  if (selfStage === null && !nextSteps.includes(stepLeadershipReview)) nextSteps.push(stepLeadershipReview);
  if (selfStage !== null) reasons.push(selfReason(agreement, selfStage, stage));
  return { stage, evidenceStage: stage, selfStage, agreement, reasons, nextSteps };
}

function selfReason(
  agreement: MaturityAssessment['agreement'],
  self: MaturityStage,
  stage: MaturityStage,
): LocalizedText {
  if (agreement === 'agrees') {
    return text(
      `L'auto-évaluation de la direction (stade ${self}) rejoint les données.`,
      `Leadership's self-assessment (stage ${self}) matches the evidence.`,
    );
  }
  if (agreement === 'self_higher') {
    return text(
      `La direction se place au stade ${self}, au-dessus de ce que montrent les données (stade ${stage}) : à confronter aux faits ci-dessus.`,
      `Leadership places itself at stage ${self}, above what the evidence shows (stage ${stage}): worth checking against the facts above.`,
    );
  }
  return text(
    `La direction se place au stade ${self}, en dessous de ce que montrent les données (stade ${stage}) : certains acquis sont peut-être sous-estimés.`,
    `Leadership places itself at stage ${self}, below what the evidence shows (stage ${stage}): some achievements may be underrated.`,
  );
}

import { periodContaining, type ReportingPeriod } from '@facets/domain';
import type { Kysely } from 'kysely';
import { issueInvitations } from '../repositories/invitations.ts';
import type { Database } from '../schema.ts';
import { type GroupCode, groupId, ORGANIZATION, t } from './content.ts';
import { dimensionId } from './dimensions.ts';
import type { StakeholderContent } from './people.ts';
import type { QuestionContent, SurveyContent } from './surveys.ts';
import type { Clock } from './write-model.ts';

/**
 * Surveys sent to chosen people by invitation link: onboarding for new hires, exit for leavers, and a short survey
 * after a customer's interaction (NPS, CSAT, CES). Each reports by calendar period (a quarter, a month for customers):
 * its one wave is the current period's, and the next opens when it ends (repositories/periods.ts). Invitations for
 * the people concerned — the demo customer among them, so her portal lists it too.
 */

interface TargetedSurvey extends SurveyContent {
  key: string;
  /** The calendar period it reports by: its one wave is the current period's. */
  period: ReportingPeriod;
  /** Who is invited, from the demo's stakeholders. */
  invite: (people: readonly StakeholderContent[]) => StakeholderContent[];
}

const targetedSurveyId = (key: string) => `demo-survey-${key}`;
const targetedWaveId = (key: string) => `demo-wave-${key}-1`;
const questionIdOf = (key: string, code: string) => `demo-question-${key}-${code}`;

const rating = (
  code: string,
  scale: QuestionContent['scale'],
  facet: QuestionContent['facet'],
  dimension: string | null,
  fr: string,
  en: string,
): QuestionContent => ({ code, type: 'rating', scale, facet, dimension, prompt: t(fr, en), required: true });
const text = (code: string, dimension: string | null, fr: string, en: string): QuestionContent => ({
  code,
  type: 'text',
  scale: null,
  facet: null,
  dimension,
  prompt: t(fr, en),
  required: false,
});

/** The eNPS item of the onboarding and exit surveys. */
const ENPS = rating(
  'enps',
  'nps11',
  'outcome',
  null,
  'Recommanderiez-vous Maison Lumière comme employeur à un proche ?',
  'How likely are you to recommend Maison Lumière as an employer to a friend?',
);

const of = (group: GroupCode, people: readonly StakeholderContent[]) => people.filter((p) => p.group === group);

const TARGETED_SURVEYS: readonly TargetedSurvey[] = [
  {
    key: 'employee-onboarding',
    group: 'employee',
    kind: 'onboarding',
    period: 'quarter',
    title: t('Vos premières semaines chez Maison Lumière', 'Your first weeks at Maison Lumière'),
    intro: t(
      'Vous nous avez rejoints il y a peu : dites-nous comment se passe votre arrivée. Vos réponses sont anonymes.',
      'You joined us recently: tell us how your start is going. Your answers are anonymous.',
    ),
    anonymous: true,
    questions: [
      rating(
        'growth_expected',
        'likert5',
        'expected',
        'growth',
        'Ce que j’attends : être formé pour bien démarrer.',
        'What I expect: to be trained to start well.',
      ),
      rating(
        'growth_lived',
        'likert5',
        'lived',
        'growth',
        'Ce que je vis : j’ai été formé pour bien démarrer.',
        'What I experience: I was trained to start well.',
      ),
      rating(
        'tools_lived',
        'likert5',
        'lived',
        'tools',
        'Mes outils étaient prêts dès mon arrivée.',
        'My tools were ready on my first day.',
      ),
      rating(
        'management_lived',
        'likert5',
        'lived',
        'management',
        'Mon manager m’a accueilli et guidé.',
        'My manager welcomed and guided me.',
      ),
      ENPS,
      text(
        'comment',
        null,
        'Qu’est-ce qui aurait rendu votre arrivée plus simple ? (facultatif, anonyme)',
        'What would have made your start easier? (optional, anonymous)',
      ),
    ],
    invite: (people) =>
      of('employee', people)
        .filter((p) => p.segments.tenure_band === 'under_1y')
        .slice(0, 8),
  },
  {
    key: 'employee-exit',
    group: 'employee',
    kind: 'exit',
    period: 'quarter',
    title: t('Avant votre départ', 'Before you leave'),
    intro: t(
      'Merci pour ce que vous avez apporté. Quelques questions pour que ceux qui restent en profitent. Vos réponses sont anonymes.',
      'Thank you for all you brought. A few questions so that those who stay benefit. Your answers are anonymous.',
    ),
    anonymous: true,
    questions: [
      {
        code: 'reason',
        type: 'single_choice',
        scale: null,
        facet: null,
        dimension: null,
        prompt: t('La raison principale de votre départ', 'The main reason you are leaving'),
        required: true,
      },
      rating(
        'recognition_lived',
        'likert5',
        'lived',
        'recognition',
        'Mon travail était reconnu.',
        'My work was recognised.',
      ),
      rating(
        'workload_lived',
        'likert5',
        'lived',
        'workload',
        'Ma charge de travail était soutenable.',
        'My workload was sustainable.',
      ),
      ENPS,
      text(
        'comment',
        null,
        'Que devrions-nous changer ? (facultatif, anonyme)',
        'What should we change? (optional, anonymous)',
      ),
    ],
    invite: (people) =>
      of('employee', people)
        .filter((p) => p.segments.tenure_band === 'over_10y')
        .slice(0, 3),
  },
  {
    key: 'customer-interaction',
    group: 'customer',
    kind: 'post_interaction',
    period: 'month',
    title: t('Votre dernier échange avec Maison Lumière', 'Your last interaction with Maison Lumière'),
    intro: t(
      'Vous avez récemment commandé ou contacté notre service client. Trois questions, une minute.',
      'You recently ordered from us or contacted our customer service. Three questions, one minute.',
    ),
    anonymous: false,
    questions: [
      rating(
        'nps',
        'nps11',
        'outcome',
        null,
        'Quelle est la probabilité que vous recommandiez Maison Lumière à un proche ?',
        'How likely are you to recommend Maison Lumière to a friend or relative?',
      ),
      rating(
        'csat',
        'csat5',
        'outcome',
        null,
        'Êtes-vous satisfait de cet échange ?',
        'How satisfied are you with this interaction?',
      ),
      rating(
        'ces',
        'ces7',
        'outcome',
        null,
        'Maison Lumière m’a rendu les choses faciles.',
        'Maison Lumière made it easy for me.',
      ),
      {
        code: 'channel',
        type: 'multi_choice',
        scale: null,
        facet: null,
        dimension: null,
        prompt: t('Par où êtes-vous passé ? (facultatif)', 'Which ways did you use? (optional)'),
        required: false,
      },
      text(
        'comment',
        'after_sales',
        'Qu’aurions-nous pu mieux faire ? (facultatif)',
        'What could we have done better? (optional)',
      ),
    ],
    invite: (people) => of('customer', people).slice(0, 12),
  },
];

const OPTIONS: Record<string, { value: string; fr: string; en: string }[]> = {
  'employee-exit:reason': [
    { value: 'pay', fr: 'La rémunération', en: 'Pay' },
    { value: 'growth', fr: 'Les perspectives d’évolution', en: 'Career prospects' },
    { value: 'management', fr: 'Le management', en: 'Management' },
    { value: 'workload', fr: 'La charge de travail', en: 'Workload' },
    { value: 'personal', fr: 'Une raison personnelle', en: 'A personal reason' },
  ],
  'customer-interaction:channel': [
    { value: 'shop', fr: 'En boutique', en: 'In a shop' },
    { value: 'web', fr: 'Sur le site', en: 'On the website' },
    { value: 'phone', fr: 'Par téléphone', en: 'By phone' },
    { value: 'email', fr: 'Par e-mail', en: 'By email' },
  ],
};

export interface DemoInvitation {
  survey: string;
  groupCode: GroupCode;
  email: string;
  token: string;
}

/** Writes the targeted surveys with their open wave, and invites their people; returns the links' tokens. */
export async function writeTargetedSurveys(
  db: Kysely<Database>,
  clock: Clock,
  people: readonly StakeholderContent[],
  newToken?: () => string,
): Promise<DemoInvitation[]> {
  const org = ORGANIZATION.id;
  const json = (value: unknown) => JSON.stringify(value);
  const invitations: DemoInvitation[] = [];
  for (const s of TARGETED_SURVEYS) {
    await db
      .insertInto('survey')
      .values({
        id: targetedSurveyId(s.key),
        organization_id: org,
        group_id: groupId(s.group),
        kind: s.kind,
        title: json(s.title),
        intro: json(s.intro),
        anonymous: s.anonymous ? 1 : 0,
        status: 'open',
        period: s.period,
        created_at: clock.daysAgo(45),
      })
      .execute();
    await db
      .insertInto('question')
      .values(
        s.questions.map((q, n) => ({
          id: questionIdOf(s.key, q.code),
          organization_id: org,
          survey_id: targetedSurveyId(s.key),
          position: n + 1,
          code: q.code,
          type: q.type,
          scale: q.scale,
          facet: q.facet,
          dimension_id: q.dimension === null ? null : dimensionId(q.dimension),
          prompt: json(q.prompt),
          options: OPTIONS[`${s.key}:${q.code}`]
            ? json(OPTIONS[`${s.key}:${q.code}`]!.map((o) => ({ value: o.value, label: t(o.fr, o.en) })))
            : null,
          required: q.required ? 1 : 0,
        })),
      )
      .execute();
    const period = periodContaining(s.period, clock.now.toISOString());
    await db
      .insertInto('wave')
      .values({
        id: targetedWaveId(s.key),
        organization_id: org,
        survey_id: targetedSurveyId(s.key),
        sequence: 1,
        label: period.label,
        opens_at: period.start,
        closes_at: period.end,
        status: 'open',
      })
      .execute();
    const invited = s.invite(people);
    const byId = new Map(invited.map((p) => [p.id, p]));
    let n = 0;
    const issued = await issueInvitations(db, {
      organizationId: org,
      waveId: targetedWaveId(s.key),
      stakeholderIds: invited.map((p) => p.id),
      expiresAt: clock.daysAgo(-60),
      now: clock.daysAgo(1),
      newId: () => `demo-invitation-${s.key}-${String(++n).padStart(3, '0')}`,
      ...(newToken ? { newToken } : {}),
    });
    for (const i of issued) {
      invitations.push({ survey: s.key, groupCode: s.group, email: byId.get(i.stakeholderId)!.email, token: i.token });
    }
  }
  return invitations;
}

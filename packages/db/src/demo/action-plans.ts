import type { ActionStatus, PlanScope } from '@facets/domain';
import type { Kysely } from 'kysely';
import { addFocusArea, createPlanAction, recordActionProgress, setPlanActionPublished } from '../action-plans/index.ts';
import type { Database } from '../schema.ts';
import { groupId, ORGANIZATION } from './content.ts';
import { dimensionId } from './dimensions.ts';
import type { WaveWindow } from './responses.ts';
import { waveId } from './surveys.ts';
import { type Clock, initiativeId, memberId } from './write-model.ts';

/**
 * The action plans written after the employees' latest closed wave (it closed ten weeks before now): the IT manager's
 * for the department, on its two lowest dimensions that wave, and HR's for the whole group, on workload. Written in
 * French, the organisation's language, as their authors would. Times count back from now, all after the close.
 */

export interface PlanEvent {
  daysAgo: number;
  status: ActionStatus;
  note: string | null;
}

export interface PlanActionContent {
  key: string;
  title: string;
  owner: string;
  /** Due date, in days from now (negative: already past). */
  dueInDays: number;
  /** Code of the initiative the action contributes to. */
  initiative: string | null;
  createdDaysAgo: number;
  /** Progress after creation, oldest first. */
  progress: readonly PlanEvent[];
  /** When it was shown in "you said, we did"; null: never. */
  publishedDaysAgo: number | null;
}

export interface FocusAreaContent {
  key: string;
  /** Staff key of the author. */
  author: string;
  scope: PlanScope | null;
  dimension: string;
  note: string;
  createdDaysAgo: number;
  actions: readonly PlanActionContent[];
}

const IT: PlanScope = { key: 'department', value: 'it' };
const MANAGER = 'Karim Benali';
const HR = 'Sophie Lefèvre';

const FOCUS_AREAS: readonly FocusAreaContent[] = [
  {
    key: 'whole-workload',
    author: 'hr',
    scope: null,
    dimension: 'workload',
    note: 'La dimension la plus basse de l’entreprise, en baisse à chaque vague ; Lille et le service client d’abord.',
    createdDaysAgo: 63,
    actions: [
      {
        key: 'whole-disconnect',
        title: 'Retravailler la charte du droit à la déconnexion avec les représentants du personnel',
        owner: HR,
        dueInDays: 100,
        initiative: null,
        createdDaysAgo: 62,
        progress: [
          {
            daysAgo: 12,
            status: 'in_progress',
            note: 'Calendrier arrêté avec le CSE : trois réunions de travail à partir de janvier, après la haute saison.',
          },
        ],
        publishedDaysAgo: 61,
      },
    ],
  },
  {
    key: 'it-workload',
    author: 'manager-it',
    scope: IT,
    dimension: 'workload',
    note: 'Le point le plus bas du service : les demandes urgentes de fin de journée empêchent d’avancer sur les projets.',
    createdDaysAgo: 57,
    actions: [
      {
        key: 'it-rota',
        title:
          'Mettre en place une permanence tournante : une personne par jour traite les demandes urgentes, les autres avancent sur leurs projets',
        owner: MANAGER,
        dueInDays: -21,
        initiative: null,
        createdDaysAgo: 56,
        progress: [
          { daysAgo: 48, status: 'in_progress', note: 'Planning de permanence présenté en réunion d’équipe.' },
          {
            daysAgo: 24,
            status: 'done',
            note: 'Permanence en place depuis un mois : plus d’interruptions l’après-midi, urgences traitées dans l’heure.',
          },
        ],
        publishedDaysAgo: 23,
      },
      {
        key: 'it-seasonal-hire',
        title: 'Recruter un renfort en CDD pour le support pendant la haute saison',
        owner: MANAGER,
        dueInDays: -10,
        initiative: null,
        createdDaysAgo: 56,
        progress: [
          {
            daysAgo: 30,
            status: 'cancelled',
            note: 'Budget non accordé ; la permanence absorbe une partie des urgences, à revoir au budget 2027.',
          },
        ],
        publishedDaysAgo: null,
      },
    ],
  },
  {
    key: 'it-growth',
    author: 'manager-it',
    scope: IT,
    dimension: 'growth',
    note: 'Les attentes d’évolution montent plus vite que ce que l’équipe vit : plusieurs ne voient pas comment progresser.',
    createdDaysAgo: 56,
    actions: [
      {
        key: 'it-one-to-ones',
        title:
          'Un point individuel par mois avec chaque membre de l’équipe sur son évolution, avec la trame du parcours managers',
        owner: MANAGER,
        dueInDays: 40,
        initiative: 'manager-path',
        createdDaysAgo: 55,
        progress: [
          {
            daysAgo: 40,
            status: 'in_progress',
            note: 'Premier tour fait avec la moitié de l’équipe ; deux demandes de formation cloud transmises aux RH.',
          },
        ],
        publishedDaysAgo: 39,
      },
      {
        key: 'it-cloud-training',
        title: 'Ouvrir deux places de certification cloud au plan de formation 2027',
        owner: `${HR} (RH)`,
        dueInDays: 130,
        initiative: null,
        createdDaysAgo: 54,
        progress: [],
        publishedDaysAgo: null,
      },
    ],
  },
];

export const focusAreaId = (key: string) => `demo-focus-area-${key}`;
const planActionId = (key: string) => `demo-plan-action-${key}`;

/** An action's ids: the action's own first, then its history's (creation, then each progress recorded). */
function actionIds(key: string): () => string {
  let n = -1;
  return () => {
    n += 1;
    return n === 0 ? planActionId(key) : `${planActionId(key)}-update-${n}`;
  };
}

const dateIn = (clock: Clock, days: number) => clock.daysAgo(-days).slice(0, 10);

/** Writes the plans through the repository, so they are checked as the console's writes are. */
export async function writeActionPlans(db: Kysely<Database>, clock: Clock, windows: readonly WaveWindow[]) {
  const latest = windows.filter((w) => w.status === 'closed').at(-1);
  if (!latest) throw new Error('The demo has no closed wave to plan from');
  const organizationId = ORGANIZATION.id;
  for (const area of FOCUS_AREAS) {
    const author = memberId(area.author);
    const { id: areaId } = await addFocusArea(db, {
      organizationId,
      groupId: groupId('employee'),
      waveId: waveId('employee', latest.sequence),
      scope: area.scope,
      dimensionId: dimensionId(area.dimension),
      note: area.note,
      memberId: author,
      now: clock.daysAgo(area.createdDaysAgo),
      newId: () => focusAreaId(area.key),
    });
    for (const action of area.actions) {
      const newId = actionIds(action.key);
      const { id: actionId } = await createPlanAction(db, {
        organizationId,
        focusAreaId: areaId,
        title: action.title,
        owner: action.owner,
        dueDate: dateIn(clock, action.dueInDays),
        initiativeId: action.initiative === null ? null : initiativeId(action.initiative),
        memberId: author,
        now: clock.daysAgo(action.createdDaysAgo),
        newId,
      });
      // Progress and publication in the order they happened, so that `updated_at` is the latest of them.
      const events = [
        ...action.progress.map((p) => ({ daysAgo: p.daysAgo, progress: p })),
        ...(action.publishedDaysAgo === null ? [] : [{ daysAgo: action.publishedDaysAgo, progress: null }]),
      ].sort((a, b) => b.daysAgo - a.daysAgo);
      for (const event of events) {
        const now = clock.daysAgo(event.daysAgo);
        if (event.progress === null) {
          await setPlanActionPublished(db, { organizationId, actionId, published: true, now });
        } else {
          const { status, note } = event.progress;
          await recordActionProgress(db, { organizationId, actionId, status, note, memberId: author, now, newId });
        }
      }
    }
  }
}

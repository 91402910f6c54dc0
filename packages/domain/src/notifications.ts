import { z } from 'zod';
import { FEEDBACK_STATUSES, type Locale, LocalizedText } from './model.ts';
import { ADMINS, FEEDBACK_READERS, PLAN_RUNNERS, type StaffRole } from './roles.ts';

/**
 * The optional notifications Facets sends, each of which its recipient may turn off per channel: staff in the
 * console's settings, stakeholders in their portal (`account.notifications.set`), and anyone the e-mail of a kind
 * through the unsubscribe link every such e-mail carries. Invitations, password and sign-in links are not optional
 * and are not listed.
 */
export const NOTIFICATION_KINDS = [
  /** To a stakeholder, about feedback they gave under their name: a reply, a change of status. */
  'feedback_update',
  /** To a stakeholder invited to a wave who has not answered: a reminder. */
  'survey_reminder',
  /** To those who handle feedback (FEEDBACK_READERS): feedback has arrived. */
  'feedback_arrived',
  /** To those who answer feedback (PLAN_RUNNERS): named feedback has waited the organisation's days without a reply. */
  'feedback_waiting',
  /** To leadership and managers: a wave's results are published. */
  'results_published',
  /** To admins: e-mail that could not be delivered (bounced or failed for good), at most one a hour. */
  'delivery_failed',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** How a notification reaches its recipient: an e-mail through the outbox, an item under the bell of the app. */
export const NOTIFICATION_CHANNELS = ['email', 'in_app'] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/**
 * The channels each kind goes by, both on unless turned off. A reminder goes by e-mail only: inside the portal, the
 * list of open surveys is the reminder.
 */
export const CHANNELS_OF: Record<NotificationKind, readonly NotificationChannel[]> = {
  feedback_update: NOTIFICATION_CHANNELS,
  survey_reminder: ['email'],
  feedback_arrived: NOTIFICATION_CHANNELS,
  feedback_waiting: NOTIFICATION_CHANNELS,
  results_published: NOTIFICATION_CHANNELS,
  delivery_failed: NOTIFICATION_CHANNELS,
};

export const STAKEHOLDER_NOTIFICATIONS: readonly NotificationKind[] = ['feedback_update', 'survey_reminder'];

/** Who is told of published results: those who act on them. */
export const RESULTS_NOTIFIED: readonly StaffRole[] = ['leadership', 'manager'];

/** Who is told that feedback waits for a reply: those who may reply (the assignee alone when there is one). */
export const FEEDBACK_HANDLERS: readonly StaffRole[] = PLAN_RUNNERS;

/** The kinds a staff member of this role receives, hence may turn off. */
export function staffNotifications(role: StaffRole): NotificationKind[] {
  return [
    ...(FEEDBACK_READERS.includes(role) ? (['feedback_arrived'] as const) : []),
    ...(FEEDBACK_HANDLERS.includes(role) ? (['feedback_waiting'] as const) : []),
    ...(RESULTS_NOTIFIED.includes(role) ? (['results_published'] as const) : []),
    ...(ADMINS.includes(role) ? (['delivery_failed'] as const) : []),
  ];
}

/** Days named feedback may wait for a staff reply before its handlers are told (organisation setting; 0: never). */
export const DEFAULT_FEEDBACK_WAIT_DAYS = 5;
export const FeedbackWaitDays = z.int().min(0).max(90);

/**
 * What an in-app notification says, as parameters worded by the reader's app in the reader's language
 * (`notificationText`). Each holds no more than its e-mail: no feedback text, no person, no figure below k.
 */
export const NotificationParams = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('feedback_update'),
    change: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('reply') }),
      z.object({ kind: z.literal('status'), status: z.enum(FEEDBACK_STATUSES) }),
    ]),
  }),
  z.object({ kind: z.literal('feedback_arrived'), group: LocalizedText }),
  z.object({ kind: z.literal('feedback_waiting'), group: LocalizedText, days: z.int().min(1) }),
  z.object({
    kind: z.literal('results_published'),
    survey: LocalizedText,
    wave: z.string(),
    /** The whole group's respondents, only when its publication shows them (from k on). */
    respondents: z.int().min(0).nullable(),
  }),
  z.object({ kind: z.literal('delivery_failed'), bounced: z.int().min(0), failed: z.int().min(0) }),
]);
export type NotificationParams = z.infer<typeof NotificationParams>;
export type InAppKind = NotificationParams['kind'];

const STATUS_WORDS = {
  received: { fr: 'reçu', en: 'received' },
  acknowledged: { fr: 'pris en compte', en: 'acknowledged' },
  in_progress: { fr: 'en cours de traitement', en: 'in progress' },
  resolved: { fr: 'résolu', en: 'resolved' },
} as const;

/** The line an in-app notification shows, in the reader's language. */
export function notificationText(params: NotificationParams, locale: Locale): string {
  const fr = locale === 'fr';
  const number = (n: number) => new Intl.NumberFormat(fr ? 'fr-FR' : 'en-GB').format(n);
  switch (params.kind) {
    case 'feedback_update':
      if (params.change.kind === 'reply') return fr ? 'Une réponse à votre retour' : 'A reply to your feedback';
      return fr
        ? `Votre retour est ${STATUS_WORDS[params.change.status].fr}`
        : `Your feedback is ${STATUS_WORDS[params.change.status].en}`;
    case 'feedback_arrived':
      return fr ? `Un nouveau retour (${params.group.fr})` : `New feedback (${params.group.en})`;
    case 'feedback_waiting':
      return fr
        ? `Un retour (${params.group.fr}) attend une réponse depuis ${number(params.days)} jours`
        : `Feedback (${params.group.en}) has waited ${number(params.days)} days for a reply`;
    case 'results_published': {
      const title = `« ${params.survey.fr} » (${params.wave})`;
      if (fr) {
        return params.respondents === null
          ? `Résultats publiés : ${title}`
          : `Résultats publiés : ${title}, ${number(params.respondents)} réponses`;
      }
      const en = `“${params.survey.en}” (${params.wave})`;
      return params.respondents === null
        ? `Results published: ${en}`
        : `Results published: ${en}, ${number(params.respondents)} respondents`;
    }
    case 'delivery_failed': {
      const total = params.bounced + params.failed;
      if (fr)
        return total === 1 ? 'Un e-mail n’a pas pu être remis' : `${number(total)} e-mails n’ont pas pu être remis`;
      return total === 1 ? 'An e-mail could not be delivered' : `${number(total)} e-mails could not be delivered`;
    }
  }
}

import type { NotificationChannel, NotificationKind } from '@facets/domain';

/**
 * Messages of the notifications, in the console and every portal: the bell, the list, and the choices per kind and
 * channel. The line each notification shows is worded by domain `notificationText`, in the reader's language.
 * `fr` has the type of `en`, so a key missing in one language fails the typecheck.
 */
const en = {
  bell: {
    label: 'Notifications',
    labelUnread_one: 'Notifications, {{count}} unread',
    labelUnread_other: 'Notifications, {{count}} unread',
    title: 'Notifications',
    markAllRead: 'Mark all as read',
    empty: 'No notifications',
    emptyBody: 'Replies to your feedback and what concerns your work will appear here.',
    failed: 'Your notifications could not be loaded.',
    unread: '(unread)',
    all: 'All notifications and your choices',
    more: 'Show more',
  },
  notificationChoices: {
    title: 'What you receive',
    intro: 'Choose, for each kind of notification, whether it reaches you by e-mail, in this space, or both.',
    kind: 'Notification',
    email: 'By e-mail',
    in_app: 'Here',
    saved: 'Your choice is saved.',
    failed: 'Your choice could not be saved. Please try again.',
  } satisfies Record<NotificationChannel | 'title' | 'intro' | 'kind' | 'saved' | 'failed', string>,
  notificationKinds: {
    feedback_update: {
      label: 'Your feedback',
      hint: 'When the organisation replies to feedback you gave under your name, or its status changes.',
    },
    survey_reminder: { label: 'Survey reminders', hint: 'When you were invited to a survey and have not answered.' },
    feedback_arrived: {
      label: 'New feedback',
      hint: 'When a stakeholder gives feedback under their name (anonymous feedback is in the inbox only).',
    },
    feedback_waiting: {
      label: 'Feedback waiting for a reply',
      hint: 'When named feedback has waited the days the organisation set without a reply: once per feedback.',
    },
    results_published: {
      label: 'Results published',
      hint: 'When a wave’s results are published: the survey, the wave and how many answered (from k on).',
    },
    delivery_failed: {
      label: 'Undelivered e-mail',
      hint: 'When e-mail of the organisation could not be delivered: at most one notice an hour.',
    },
  } satisfies Record<NotificationKind, { label: string; hint: string }>,
};

const fr: typeof en = {
  bell: {
    label: 'Notifications',
    labelUnread_one: 'Notifications, {{count}} non lue',
    labelUnread_other: 'Notifications, {{count}} non lues',
    title: 'Notifications',
    markAllRead: 'Tout marquer comme lu',
    empty: 'Aucune notification',
    emptyBody: 'Les réponses à vos retours et ce qui concerne votre travail apparaîtront ici.',
    failed: 'Vos notifications n’ont pas pu être chargées.',
    unread: '(non lue)',
    all: 'Toutes les notifications et vos choix',
    more: 'Afficher plus',
  },
  notificationChoices: {
    title: 'Ce que vous recevez',
    intro:
      'Choisissez, pour chaque sorte de notification, si elle vous parvient par e-mail, dans cet espace, ou les deux.',
    kind: 'Notification',
    email: 'Par e-mail',
    in_app: 'Ici',
    saved: 'Votre choix est enregistré.',
    failed: 'Votre choix n’a pas pu être enregistré. Veuillez réessayer.',
  },
  notificationKinds: {
    feedback_update: {
      label: 'Vos retours',
      hint: 'Quand l’organisation répond à un retour donné sous votre nom, ou que son statut change.',
    },
    survey_reminder: {
      label: 'Rappels d’enquête',
      hint: 'Quand vous avez été invité à une enquête et n’y avez pas encore répondu.',
    },
    feedback_arrived: {
      label: 'Nouveaux retours',
      hint: 'Quand une partie prenante donne un retour sous son nom (les retours anonymes sont dans la boîte de réception seulement).',
    },
    feedback_waiting: {
      label: 'Retours en attente de réponse',
      hint: 'Quand un retour nominatif attend une réponse depuis le nombre de jours fixé par l’organisation : une fois par retour.',
    },
    results_published: {
      label: 'Résultats publiés',
      hint: 'Quand les résultats d’une vague sont publiés : l’enquête, la vague et combien ont répondu (à partir de k).',
    },
    delivery_failed: {
      label: 'E-mails non remis',
      hint: 'Quand des e-mails de l’organisation n’ont pas pu être remis : une notification par heure au plus.',
    },
  },
};

export const notificationMessages = { fr, en };

import { z } from 'zod';
import { ADMINS, FEEDBACK_READERS, type StaffRole } from './roles.ts';

/**
 * The optional e-mails Facets sends, each of which its recipient may turn off: staff in the console's settings
 * (`account.notifications.set`), stakeholders through the unsubscribe link every such e-mail carries. Invitations,
 * password and sign-in links are not optional and are not listed.
 */
export const NOTIFICATION_KINDS = [
  /** To a stakeholder, about feedback they gave under their name: a reply, a change of status. */
  'feedback_update',
  /** To a stakeholder invited to a wave who has not answered: a reminder. */
  'survey_reminder',
  /** To those who handle feedback (FEEDBACK_READERS): feedback has arrived. */
  'feedback_arrived',
  /** To leadership and managers: a wave's results are published. */
  'results_published',
  /** To admins: e-mail that could not be delivered (bounced or failed for good), at most one a hour. */
  'delivery_failed',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const STAKEHOLDER_NOTIFICATIONS: readonly NotificationKind[] = ['feedback_update', 'survey_reminder'];

/** Who is told of published results: those who act on them. */
export const RESULTS_NOTIFIED: readonly StaffRole[] = ['leadership', 'manager'];

/** The kinds a staff member of this role receives, hence may turn off. */
export function staffNotifications(role: StaffRole): NotificationKind[] {
  return [
    ...(FEEDBACK_READERS.includes(role) ? (['feedback_arrived'] as const) : []),
    ...(RESULTS_NOTIFIED.includes(role) ? (['results_published'] as const) : []),
    ...(ADMINS.includes(role) ? (['delivery_failed'] as const) : []),
  ];
}

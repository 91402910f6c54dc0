import { z } from 'zod';

/**
 * The sensitive actions the audit log records, one event each, written in the same transaction as the action. The log
 * says who did what to which configuration — a wave, a staff member, a setting, an exported table, an e-mail — and
 * never holds a response, an answer, a comment or which person answered: its details are counts, names of staff,
 * setting values and labels of the organisation's own configuration.
 */
export const AuditAction = z.enum([
  /** Invitations imported from a CSV file (or the group's directory) into a wave that has not opened yet. */
  'invitations.import',
  /** Invitations imported into a wave that is already open: people added after the wave began. */
  'invitations.import_open_wave',
  /** A group's people directory synced from a file: how many created, updated and deactivated, never who. */
  'people.sync',
  /**
   * People written by a provisioning client (SCIM), as the admin who created its key: one event per key and group an
   * hour, counting how many were created, updated and deactivated, never who.
   */
  'people.provision',
  /** A person's identity erased on request: the row stays nameless, the event names the group only. */
  'people.erase',
  /** Organisation settings changed (name, language, anonymity thresholds, anonymous feedback), old → new. */
  'settings.update',
  /**
   * A survey's primary breakdown changed, old → new (null: department, if its group has it): which segments its
   * publication shows exactly first, a disclosure setting as the thresholds are.
   */
  'surveys.primary_breakdown',
  'members.invite',
  'members.resend_invitation',
  'members.update_role',
  /** A manager linked to their person in the directory (whose team they read), or unlinked: old → new, by name. */
  'members.set_person',
  'members.remove',
  /**
   * The organisation's model changed: a group, dimension, segment attribute or value created, changed (labels, a
   * dimension's groups), archived (it carried data: kept for reports, hidden from new work) or deleted. The details
   * name the item (`item`), its code and labels, never a stakeholder.
   */
  'model.create',
  'model.update',
  'model.archive',
  'model.delete',
  /** A table of the console exported to CSV. */
  'export.csv',
  /**
   * The organisation's single sign-on provider set (issuer, client id, domains, first role, whether staff must use
   * it: old → new; the client secret only as `clientSecret: true` when it changed) or removed.
   */
  'sso.set',
  'sso.remove',
  /** An e-mail of the outbox read with the secret link it carries (only where e-mail is delivered by hand). */
  'outbox.read',
  /** A key of the public API created (its name and scopes; never the secret) or revoked. */
  'api_keys.create',
  'api_keys.revoke',
  /**
   * A webhook created, changed (URL, events, description, paused or resumed: old → new), deleted, its signing secret
   * replaced (never the secret itself), or one of its deliveries sent again. The details name the URL.
   */
  'webhooks.create',
  'webhooks.update',
  'webhooks.delete',
  'webhooks.rotate_secret',
  'webhooks.redeliver',
  /** A message that was not delivered (bounced or failed) put back for delivery; the details give its status then. */
  'outbox.retry',
  /**
   * A comment theme renamed, merged into another or taken out of it, or mapped to a dimension (old → new); the
   * details name the theme by its code.
   */
  'themes.update',
]);
export type AuditAction = z.infer<typeof AuditAction>;

type Scalar = string | number | boolean | null;
/** One recorded value: a scalar, a list of labels, or a change from one value to another. */
export type AuditValue = Scalar | readonly string[] | { from: Scalar; to: Scalar };
export type AuditDetails = Readonly<Record<string, AuditValue>>;

/**
 * The changes between two versions of a record, field by field, as `{ from, to }`; fields whose value stayed the
 * same are left out, so an update that changes nothing has no changes (and is not recorded).
 */
export function changesOf<T extends Record<string, Scalar>>(
  before: T,
  after: T,
): Record<string, { from: Scalar; to: Scalar }> {
  const changes: Record<string, { from: Scalar; to: Scalar }> = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

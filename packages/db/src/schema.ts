import type { Generated } from 'kysely';

/**
 * The single source of truth for the database's shape. Types describe what the drivers return on both dialects:
 * integers for booleans (0/1), ISO-8601 text for times, JSON as text. Every tenant table carries organization_id.
 */

import type { OutboxStatus } from '@facets/domain';
import type { ColumnType } from 'kysely';

/** JSON-encoded `{ fr, en }` text. */
type LocalizedJson = string;

export interface OrganizationTable {
  id: string;
  slug: string;
  name: string;
  default_locale: string;
  /** Minimum respondents for a score cell to be shown (>= 3). */
  k_threshold: number;
  /** Minimum respondents for comments to be shown (>= 3). */
  comment_threshold: number;
  created_at: string;
  /** 1 when stakeholders may give feedback anonymously (the default). */
  allow_anonymous_feedback: Generated<number>;
  /** Signs unsubscribe links (notifications/unsubscribe.ts), made on first use (migration 2026_12_03_1610). */
  notification_key: Generated<string | null>;
  /** JSON array of the languages the organisation writes in (`["fr","en"]`, `["fr"]`, `["en"]`). */
  languages: Generated<string>;
  /** IANA time zone the hours of recurring programmes are read in (migration 2026_12_04_1000; Europe/Paris by default). */
  time_zone: Generated<string>;
  /** The organisation's logo, a PNG or JPEG data URL carried inside its e-mails (migration 2026_12_04_2100). */
  logo: Generated<string | null>;
  /** The fatigue rule (domain fatigue.ts, migration 2026_12_04_1100): at most this many invitations per person… */
  fatigue_max_surveys: Generated<number | null>;
  /** …in this many days; both null: no rule. */
  fatigue_period_days: Generated<number | null>;
  /** Days named feedback may wait for a staff reply before its handlers are told; 0: never (migration 2026_12_04_2001). */
  feedback_wait_days: Generated<number>;
}

/** One entry of an organisation's list (domain organisation-lists.ts): an owner department, initiative kind or channel. */
export interface OrganizationListEntryTable {
  organization_id: string;
  /** department | initiative_kind | promise_channel */
  list: string;
  /** Chosen once, never changed: initiatives and promises store it. */
  code: string;
  /** JSON { fr?, en? } in the organisation's languages. */
  label: LocalizedJson;
  /** Order in which the list is offered. */
  position: number;
  /** Set when archived: kept for the rows that name it, offered to no new one. */
  archived_at: string | null;
  created_at: string;
}

// ── better-auth's tables, snake_case columns mapped in the auth configuration ──
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  email_verified: number;
  image: string | null;
  created_at: string;
  updated_at: string;
}
export interface AuthSessionTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
  updated_at: string;
}
export interface AuthAccountTable {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: string | null;
  refresh_token_expires_at: string | null;
  scope: string | null;
  password: string | null;
  created_at: string;
  updated_at: string;
}
export interface AuthVerificationTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

/** A person's place in an organisation: a staff role, or a stakeholder of one group. */
export interface MemberTable {
  id: string;
  organization_id: string;
  user_id: string;
  role: string; // Role
  /** For managers: the department whose employee results they see. */
  department: string | null;
  /** For stakeholders: their stakeholder record. */
  stakeholder_id: string | null;
  /**
   * For managers: their own person in an employee group's directory (migration 2026_12_04_1400); they then read their
   * team's results, everyone under that person. Optional on insert.
   */
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  /** Set when an admin removed the person: the row stays for what they authored, the membership no longer counts. */
  removed_at: string | null;
}

export interface StakeholderGroupTable {
  id: string;
  organization_id: string;
  kind: string; // GroupKind
  code: string;
  label: LocalizedJson;
  created_at: string;
  /** Set when archived (migration 2026_12_03_1300): kept for reports, hidden from new work. Optional on insert. */
  archived_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An attribute stakeholders of a group are segmented by (department, site, tenure band, supplier category…). */
export interface SegmentAttributeTable {
  id: string;
  organization_id: string;
  group_id: string;
  key: string;
  label: LocalizedJson;
  /** JSON array of { value, label: { fr, en }, archived?: true }. */
  values: string;
  /** Set when archived (migration 2026_12_03_1300): kept for reports, hidden from new work. Optional on insert. */
  archived_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StakeholderTable {
  id: string;
  organization_id: string;
  group_id: string;
  external_ref: string | null;
  email: string | null;
  display_name: string;
  /** The company as the contact's file or record spelled it; `company_id` is the company they belong to. */
  company: string | null;
  /** The company record of a supplier, customer or shareholder contact (anonymity counts companies). Optional on insert. */
  company_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON object attribute key → value. */
  segments: string;
  created_at: string;
  /** The language messages to this person are written in ('fr', 'en'); null: the organisation's. Optional on insert. */
  locale: ColumnType<string | null, string | null | undefined, string | null>;
  /** The people directory (directory/): ISO dates (YYYY-MM-DD) the person started and left. Optional on insert. */
  start_date: ColumnType<string | null, string | null | undefined, string | null>;
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 while the person is in the group's directory file; a sync sets 0 and never deletes. Optional on insert. */
  active: ColumnType<number, number | undefined, number>;
  /** The person's manager, another stakeholder of the group (employees). Optional on insert. */
  manager_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the person's identity was erased on request: the row stays, with no name, e-mail or reference. */
  erased_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the person last left the active directory (null while active): the deactivation limit's window counts it. */
  deactivated_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * A company the organisation's contacts belong to: one record per company, however its name is spelled, so that
 * suppliers are counted by company and not by spelling (matching in `@facets/domain` companies.ts).
 */
export interface CompanyTable {
  id: string;
  organization_id: string;
  name: string;
  /** JSON array of the e-mail domains of its contacts, lower case (never a public mail provider's). */
  domains: string;
  created_at: string;
}

export interface DimensionTable {
  id: string;
  organization_id: string;
  code: string;
  label: LocalizedJson;
  description: LocalizedJson | null;
  created_at: string;
  /** Set when archived (migration 2026_12_03_1300): kept for reports, hidden from new work. Optional on insert. */
  archived_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Which groups a dimension belongs to; more than one row makes it shared. */
export interface DimensionGroupTable {
  organization_id: string;
  dimension_id: string;
  group_id: string;
}

export interface IntendedExperienceTable {
  id: string;
  organization_id: string;
  group_id: string;
  dimension_id: string;
  statement: LocalizedJson;
  /** 0–100 index. */
  target: number;
  /** 1 (highest) to 3. */
  priority: number;
  updated_at: string;
  updated_by: string | null;
}

export interface InitiativeTable {
  id: string;
  organization_id: string;
  title: LocalizedJson;
  description: LocalizedJson | null;
  kind: string; // InitiativeKind
  owner_department: string; // Department
  status: string; // InitiativeStatus
  start_date: string | null;
  end_date: string | null;
  /** 1 when shown in the linked groups' "you said, we did". */
  published: number;
  created_at: string;
  updated_at: string;
}

export interface InitiativeTargetTable {
  organization_id: string;
  initiative_id: string;
  group_id: string;
  dimension_id: string;
}

/** What the organisation communicates to a group (the promise that raises expectations). */
export interface PromiseTable {
  id: string;
  organization_id: string;
  group_id: string;
  dimension_id: string | null;
  channel: string; // PromiseChannel
  statement: LocalizedJson;
  made_on: string;
  created_at: string;
}

export interface SurveyTable {
  id: string;
  organization_id: string;
  group_id: string;
  kind: string; // SurveyKind
  title: LocalizedJson;
  intro: LocalizedJson | null;
  anonymous: number;
  status: string; // SurveyStatus
  created_at: string;
  /** The segment key whose values are published first (migration 2026_12_02_1300); null: department, if any. */
  primary_segment_key: string | null;
  /** 1 for the group's headline survey, reported on when a reader chooses none (migration 2026_12_02_1500). */
  headline: Generated<number>;
  /**
   * The survey leading the programme this one is part of (migration 2026_12_03_1000); null: it leads its own. Always
   * a survey of the same group that leads its own programme (repositories/programmes.ts).
   */
  programme_survey_id: Generated<string | null>;
  /**
   * The calendar period a continuous survey reports by, `month` or `quarter` (ReportingPeriod, migration
   * 2026_12_03_1200): each period is a wave of its own (repositories/periods.ts). Null: waves scheduled by hand.
   */
  period: Generated<string | null>;
  /** When the invited who have not answered are reminded, JSON ReminderSchedule (migration 2026_12_03_1600); null: never. */
  reminders: Generated<string | null>;
  /** JSON Cadence of a recurring programme (migration 2026_12_04_1001, db `cadences/`); null: waves scheduled by hand. */
  cadence: Generated<string | null>;
  /** JSON LifecycleTrigger of an onboarding or exit survey (migration 2026_12_04_1100); null: none (db lifecycle/). */
  lifecycle_trigger: Generated<string | null>;
}

export interface WaveTable {
  id: string;
  organization_id: string;
  survey_id: string;
  /** Position of the wave in its survey, 1-based. */
  sequence: number;
  label: string;
  opens_at: string;
  closes_at: string | null;
  status: string; // SurveyStatus
}

export interface QuestionTable {
  id: string;
  organization_id: string;
  survey_id: string;
  position: number;
  code: string;
  type: string; // QuestionType
  scale: string | null; // Scale, for ratings
  facet: string | null; // QuestionFacet, for ratings
  dimension_id: string | null;
  prompt: LocalizedJson;
  /** JSON array of { value, label: { fr, en } } for choice questions. */
  options: string | null;
  required: number;
}

export interface InvitationTable {
  id: string;
  organization_id: string;
  wave_id: string;
  stakeholder_id: string;
  /** SHA-256 of the single-use token; the token itself is never stored. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/**
 * One accepted submission. For an anonymous survey stakeholder_id is null: only the segment snapshot remains.
 * (organization_id, idempotency_key) is unique, so a retried submission is recorded once.
 */
export interface ResponseTable {
  id: string;
  organization_id: string;
  wave_id: string;
  group_id: string;
  stakeholder_id: string | null;
  idempotency_key: string;
  /** JSON snapshot of the respondent's segments at submission time. */
  segments: string;
  submitted_at: string;
}

/**
 * That a stakeholder took part in a wave — the portal's "answered" and the guard against answering twice. It holds no
 * time and no response id, so that for an anonymous survey nothing joins a person to their response.
 */
export interface WaveParticipationTable {
  organization_id: string;
  wave_id: string;
  stakeholder_id: string;
}

export interface AnswerTable {
  id: string;
  organization_id: string;
  response_id: string;
  question_id: string;
  value_number: number | null;
  value_text: string | null;
  /** JSON array of chosen option values. */
  value_choices: string | null;
}

/** What the comment analytics read in one text answer (domain `text/`), keyed by the answer alone. */
export interface CommentAnalysisTable {
  organization_id: string;
  answer_id: string;
  language: string;
  polarity: string;
  score: number;
  /** JSON array of theme codes. */
  themes: string;
}

/** An organisation's changes to one built-in comment theme (domain `text/catalogue.ts`). */
export interface CommentThemeTable {
  organization_id: string;
  code: string;
  /** JSON { fr?, en? }; null: the built-in name. */
  label: string | null;
  merged_into: string | null;
  dimension_id: string | null;
  updated_at: string;
}

/**
 * Incrementally maintained moments of one cell, updated in the transaction that accepts a response.
 * dimension_id is '' for outcome items with no dimension; segment_key/value are '' for the whole group.
 */
export interface AggregateCellTable {
  organization_id: string;
  wave_id: string;
  group_id: string;
  segment_key: string;
  segment_value: string;
  dimension_id: string;
  facet: string; // QuestionFacet
  scale: string; // Scale
  n: number;
  sum: number;
  sum_sq: number;
}

/** The histogram of a cell: how many answers had each raw value. */
export interface AggregateBinTable {
  organization_id: string;
  wave_id: string;
  group_id: string;
  segment_key: string;
  segment_value: string;
  dimension_id: string;
  facet: string;
  scale: string;
  value: number;
  count: number;
}

/**
 * Co-moments of two variables over the responses of a wave that answered both, whole group only. Variables are
 * `lived:<dimensionId>` (the respondent's mean lived index on the dimension) and `outcome:<scale>` (their outcome
 * item index); one row per unordered pair, var_a < var_b.
 */
export interface AggregatePairTable {
  organization_id: string;
  wave_id: string;
  group_id: string;
  var_a: string;
  var_b: string;
  n: number;
  sum_a: number;
  sum_b: number;
  sum_aa: number;
  sum_bb: number;
  sum_ab: number;
}

/** Responses per segment cell ('' / '' for the whole group), whatever they answered. */
export interface AggregateRespondentsTable {
  organization_id: string;
  wave_id: string;
  group_id: string;
  segment_key: string;
  segment_value: string;
  n: number;
}

/** Responses carrying both segment values (key_a < key_b): what overlapping segments would give away. */
export interface AggregateSegmentOverlapTable {
  organization_id: string;
  wave_id: string;
  group_id: string;
  key_a: string;
  value_a: string;
  key_b: string;
  value_b: string;
  n: number;
}

/** Leadership's own view of the organisation's maturity stage, kept beside the evidence (never instead of it). */
export interface MaturityAssessmentTable {
  id: string;
  organization_id: string;
  member_id: string;
  /** 1 (communication) to 5 (strategic asset). */
  stage: number;
  /** JSON object: the questionnaire's answers. */
  answers: string;
  created_at: string;
}

export interface FeedbackTable {
  id: string;
  organization_id: string;
  group_id: string;
  /** Null when given anonymously. */
  stakeholder_id: string | null;
  idempotency_key: string;
  category: string; // FeedbackCategory
  dimension_id: string | null;
  body: string;
  reference: string | null;
  status: string; // FeedbackStatus
  assignee_member_id: string | null;
  created_at: string;
  updated_at: string;
  /** For anonymous feedback: SHA-256 of the key its author's device keeps to follow it; null otherwise. */
  follow_key_hash: string | null;
}

export interface FeedbackReplyTable {
  id: string;
  organization_id: string;
  feedback_id: string;
  author_kind: string; // 'staff' | 'stakeholder'
  author_member_id: string | null;
  body: string;
  created_at: string;
}

/** Messages to send (invitations, magic links); read by admins and tests when no SMTP server is configured. */
export interface OutboxTable {
  id: string;
  organization_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
  /** Delivery attempts so far, and the last failure (null once sent or before any attempt). */
  attempts: Generated<number>;
  last_error: string | null;
  /** When a failed delivery may be tried again (null: at once). */
  next_attempt_at: string | null;
  /** Where the message stands (domain `OUTBOX_STATUSES`; migration 2026_12_04_1600). */
  status: Generated<OutboxStatus>;
  /** When it stopped being tried: bounced, or failed at its last attempt. */
  failed_at: string | null;
}

/** An e-mail that told an admin of undelivered messages (migration 2026_12_04_1600; db `notifications/delivery.ts`). */
export interface DeliveryNoticeTable {
  organization_id: string;
  outbox_id: string;
  member_id: string;
  created_at: string;
}

/** A background job of the SQLite engine (migration 2026_12_03_1500); pg-boss keeps PostgreSQL's. */
/** One reminder sent: to one invited person, for one wave, on one UTC day (migration 2026_12_03_1600). */
export interface ReminderTable {
  organization_id: string;
  wave_id: string;
  stakeholder_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  outbox_id: string;
  created_at: string;
}

/**
 * A survey's trigger fired once for one key (migration 2026_12_04_1100, db lifecycle/): the person's id for a
 * lifecycle trigger, the interaction's reference for an after-interaction survey. Who was asked and when, never
 * whether they answered.
 */
export interface TriggeredInvitationTable {
  organization_id: string;
  survey_id: string;
  trigger_key: string;
  stakeholder_id: string;
  /** TriggerOutcome: `invited`, or why not (`over_limit`, `already_invited`, `without_email`). */
  outcome: string;
  created_at: string;
}

/**
 * A kind of optional notification a person turned off on one channel (domain NotificationKind, NotificationChannel;
 * migrations 2026_12_03_1610, 2026_12_04_2000).
 */
export interface NotificationOptoutTable {
  organization_id: string;
  /** `member` (staff, by member id) or `stakeholder`. */
  recipient_kind: string;
  recipient_id: string;
  kind: string;
  /** `email` or `in_app`. */
  channel: string;
  created_at: string;
}

/**
 * One in-app notification of one recipient (migration 2026_12_04_2000), written in the transaction of its e-mail:
 * its kind, the JSON parameters its app words it with (domain NotificationParams), a link inside the app.
 */
export interface NotificationTable {
  id: string;
  organization_id: string;
  /** `member` (staff, by member id) or `stakeholder`. */
  recipient_kind: string;
  recipient_id: string;
  kind: string;
  params: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

/** The handlers of named feedback were told it waits for a reply (migration 2026_12_04_2001): once per feedback. */
export interface FeedbackWaitNoticeTable {
  organization_id: string;
  feedback_id: string;
  created_at: string;
}

/** The digest of a wave's published results was written to the outbox (migration 2026_12_03_1610). */
export interface ResultsNoticeTable {
  organization_id: string;
  wave_id: string;
  created_at: string;
}

/**
 * A counter of the abuse limits shared by the servers of one PostgreSQL database (migration 2026_12_04_1500): a keyed
 * hash of who is counted, the points used, when they expire (ms since the epoch). Written by rate-limiter-flexible.
 */
export interface RateLimitTable {
  key: string;
  points: Generated<number>;
  expire: number | null;
}

export interface JobTable {
  id: string;
  organization_id: string | null;
  name: string;
  /** JSON text. */
  payload: string;
  singleton_key: string | null;
  state: 'created' | 'active' | 'completed' | 'failed';
  run_at: string;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  started_at: string | null;
  /** An active job past this time was abandoned (its process stopped) and is taken again. */
  expires_at: string | null;
  finished_at: string | null;
}

/**
 * An organisation's OpenID Connect provider for staff (migration 2026_12_03_1800), in the shape better-auth's SSO
 * plugin reads, plus the role of a first sign-in and whether staff must use it. `oidc_config` is JSON text holding
 * the client secret: only the plugin and `repositories/sso.ts` read it, and no API answer carries it.
 */
export interface SsoProviderTable {
  id: string;
  organization_id: string;
  /** The plugin's key for the provider, in its callback path (`/api/auth/sso/callback/<provider_id>`). */
  provider_id: string;
  issuer: string;
  oidc_config: string | null;
  saml_config: string | null;
  user_id: string | null;
  /** Allowed e-mail domains, comma-separated (the plugin's format). */
  domain: string;
  /** 1: the organisation's admin vouches that the provider speaks for these domains. */
  domain_verified: Generated<number>;
  staff_role: string;
  require_sso: Generated<number>;
  created_at: string;
  updated_at: string;
}

/**
 * A key of the public REST API (migration 2026_12_04_1200; `api-keys/`): the lookup part of the key in clear (unique),
 * the SHA-256 of its secret part in hex, its scopes as JSON (domain `API_SCOPES`), the admin it acts for.
 */
export interface ApiKeyTable {
  id: string;
  organization_id: string;
  name: string;
  scopes: string;
  lookup: string;
  secret_hash: string;
  created_by_member_id: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** The group a key with the `scim` scope provisions (migration 2026_12_04_1900); null for other keys. */
  scim_group_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When its admins were last told that a SCIM deactivation was refused for the deactivation limit. */
  scim_limit_notified_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A URL subscribed to events (migration 2026_12_04_1300, db `webhooks/`). */
export interface WebhookSubscriptionTable {
  id: string;
  organization_id: string;
  url: string;
  description: string;
  /** JSON text: the events (domain WEBHOOK_EVENTS). */
  events: string;
  state: 'active' | 'paused';
  /** The signing secret, sealed with the server's key (secret-box.ts); no answer carries it after creation. */
  secret_sealed: string;
  /** The first failed attempt since the last success; null while deliveries succeed. */
  failing_since: string | null;
  paused_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One event for one subscription, its body as sent (JSON text). */
export interface WebhookDeliveryTable {
  id: string;
  organization_id: string;
  subscription_id: string;
  event: string;
  body: string;
  /** domain WEBHOOK_DELIVERY_STATES. */
  state: 'pending' | 'queued' | 'delivered' | 'failed';
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One try of a delivery. */
export interface WebhookAttemptTable {
  id: string;
  organization_id: string;
  delivery_id: string;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** The count of an open wave's respondents last sent to webhooks (domain `responseCountDue`). */
export interface WebhookCountNoticeTable {
  organization_id: string;
  wave_id: string;
  respondents: number;
  sent_at: string;
}

/** A closed wave's published results (publication/): JSON content, written once per threshold. */
export interface WavePublicationTable {
  organization_id: string;
  wave_id: string;
  group_id: string;
  k: number;
  comment_k: number;
  published_at: string;
  content: string;
}

/** One sensitive action of the console (repositories/audit.ts); `details` is JSON text, never about a respondent. */
export interface AuditEventTable {
  id: string;
  organization_id: string;
  at: string;
  actor_member_id: string | null;
  action: string;
  /** What the action was done to: a wave, a member, a message id, an exported table's title; null for settings. */
  target: string | null;
  details: string;
}

/**
 * A dimension a scope chose to act on from one wave's results: the whole group (scope_key and scope_value '') or one
 * segment of it (a manager's department).
 */
export interface FocusAreaTable {
  id: string;
  organization_id: string;
  group_id: string;
  /** The wave whose results it was chosen from. */
  wave_id: string;
  scope_key: string;
  scope_value: string;
  dimension_id: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** One action of a focus area: written in the author's words (one language), with an owner, a due date, a status. */
export interface PlanActionTable {
  id: string;
  organization_id: string;
  focus_area_id: string;
  /** The initiative it contributes to, if any. */
  initiative_id: string | null;
  title: string;
  owner: string;
  due_date: string | null;
  status: string; // ActionStatus
  /** 1 when shown to the scope's stakeholders in "you said, we did". */
  published: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Progress recorded on an action: the status it moved to and what was done, oldest first. */
export interface PlanActionUpdateTable {
  id: string;
  organization_id: string;
  action_id: string;
  status: string; // ActionStatus
  note: string | null;
  author_member_id: string | null;
  created_at: string;
}

export interface Database {
  organization: OrganizationTable;
  organization_list_entry: OrganizationListEntryTable;
  auth_user: AuthUserTable;
  auth_session: AuthSessionTable;
  auth_account: AuthAccountTable;
  auth_verification: AuthVerificationTable;
  member: MemberTable;
  stakeholder_group: StakeholderGroupTable;
  segment_attribute: SegmentAttributeTable;
  company: CompanyTable;
  stakeholder: StakeholderTable;
  dimension: DimensionTable;
  dimension_group: DimensionGroupTable;
  intended_experience: IntendedExperienceTable;
  initiative: InitiativeTable;
  initiative_target: InitiativeTargetTable;
  promise: PromiseTable;
  survey: SurveyTable;
  wave: WaveTable;
  question: QuestionTable;
  invitation: InvitationTable;
  response: ResponseTable;
  answer: AnswerTable;
  comment_analysis: CommentAnalysisTable;
  comment_theme: CommentThemeTable;
  wave_participation: WaveParticipationTable;
  aggregate_cell: AggregateCellTable;
  aggregate_bin: AggregateBinTable;
  aggregate_pair: AggregatePairTable;
  aggregate_respondents: AggregateRespondentsTable;
  aggregate_segment_overlap: AggregateSegmentOverlapTable;
  maturity_assessment: MaturityAssessmentTable;
  feedback: FeedbackTable;
  feedback_reply: FeedbackReplyTable;
  outbox: OutboxTable;
  delivery_notice: DeliveryNoticeTable;
  job: JobTable;
  rate_limit: RateLimitTable;
  sso_provider: SsoProviderTable;
  api_key: ApiKeyTable;
  reminder: ReminderTable;
  triggered_invitation: TriggeredInvitationTable;
  notification_optout: NotificationOptoutTable;
  notification: NotificationTable;
  feedback_wait_notice: FeedbackWaitNoticeTable;
  results_notice: ResultsNoticeTable;
  wave_publication: WavePublicationTable;
  audit_event: AuditEventTable;
  focus_area: FocusAreaTable;
  plan_action: PlanActionTable;
  plan_action_update: PlanActionUpdateTable;
  webhook_subscription: WebhookSubscriptionTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
  webhook_count_notice: WebhookCountNoticeTable;
}

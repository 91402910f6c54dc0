import {
  DomainError,
  FatigueRule,
  FeedbackWaitDays,
  invalid,
  Locale,
  lengthDetail,
  OrganizationLanguages,
  OrganizationLogo,
  TimeZone,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { parseFatigueRule } from './fatigue.ts';
import { parseLanguages } from './organizations.ts';
import { bool } from './rows.ts';

/** What an admin sets for the whole organisation: its name, language, anonymity thresholds, feedback rules, time zone. */
export interface OrganizationSettings {
  name: string;
  defaultLocale: Locale;
  /** Respondents a score cell needs before it is shown: never below 3 (docs/architecture.md, The disclosure guarantee). */
  kThreshold: number;
  /** Respondents a set of comments needs before it is shown: never below 3. */
  commentThreshold: number;
  allowAnonymousFeedback: boolean;
  /**
   * The languages it writes its texts in, French first. Switching to one fills nothing: texts keep what they hold and
   * readers fall back to the language a text has (domain languages.ts).
   */
  languages: Locale[];
  /** The IANA time zone the hours of its recurring programmes are read in (domain `cadences.ts`). */
  timeZone: string;
  /** Its logo (a PNG or JPEG data URL, domain `OrganizationLogo`), inside its e-mails beside its name; null: none. */
  logo: string | null;
  /**
   * At most so many invitations per person in so many days (domain fatigue.ts); null: no rule, the default, since
   * the rule withholds invitations HR asked for and only the organisation knows how often its people are asked.
   */
  fatigueRule: FatigueRule | null;
  /** Days named feedback may wait for a staff reply before its handlers are told (notifications/waiting.ts); 0: never. */
  feedbackWaitDays: number;
}

/** The floor of both anonymity thresholds; the schema's check constraints hold the same. */
const MIN_THRESHOLD = 3;
/** A ceiling that keeps a typo (500) from hiding every figure of a real organisation. */
const MAX_THRESHOLD = 100;
const MAX_ORGANIZATION_NAME = 120;

export async function getOrganizationSettings(
  db: Kysely<Database>,
  organizationId: string,
): Promise<OrganizationSettings> {
  const row = await db
    .selectFrom('organization')
    .select([
      'name',
      'default_locale',
      'k_threshold',
      'comment_threshold',
      'allow_anonymous_feedback',
      'languages',
      'time_zone',
      'logo',
      'fatigue_max_surveys',
      'fatigue_period_days',
      'feedback_wait_days',
    ])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'organizationId: no such organisation', 'organizationId');
  return {
    name: row.name,
    defaultLocale: Locale.safeParse(row.default_locale).data ?? 'fr',
    kThreshold: row.k_threshold,
    commentThreshold: row.comment_threshold,
    allowAnonymousFeedback: bool(row.allow_anonymous_feedback),
    languages: parseLanguages(row.languages),
    timeZone: row.time_zone,
    logo: row.logo,
    fatigueRule: parseFatigueRule(row.fatigue_max_surveys, row.fatigue_period_days),
    feedbackWaitDays: row.feedback_wait_days,
  };
}

function checkThreshold(field: string, value: number): number {
  if (!Number.isInteger(value) || value < MIN_THRESHOLD || value > MAX_THRESHOLD) {
    throw invalid(field, `must be a whole number between ${MIN_THRESHOLD} and ${MAX_THRESHOLD}`, {
      reason: 'out_of_range',
      minimum: MIN_THRESHOLD,
      maximum: MAX_THRESHOLD,
    });
  }
  return value;
}

/** Changes the settings given (the others stay), all or none; returns the settings as stored. */
export async function updateOrganizationSettings(
  db: Kysely<Database>,
  args: { organizationId: string; changes: Partial<OrganizationSettings> },
): Promise<OrganizationSettings> {
  const { changes } = args;
  const set: Partial<{
    name: string;
    default_locale: string;
    k_threshold: number;
    comment_threshold: number;
    allow_anonymous_feedback: number;
    languages: string;
    time_zone: string;
    logo: string | null;
    fatigue_max_surveys: number | null;
    fatigue_period_days: number | null;
    feedback_wait_days: number;
  }> = {};
  if (changes.name !== undefined) {
    const name = changes.name.trim();
    if (name.length < 1 || name.length > MAX_ORGANIZATION_NAME) {
      throw invalid(
        'name',
        `must be between 1 and ${MAX_ORGANIZATION_NAME} characters`,
        lengthDetail(name.length, MAX_ORGANIZATION_NAME),
      );
    }
    set.name = name;
  }
  if (changes.defaultLocale !== undefined) {
    const locale = Locale.safeParse(changes.defaultLocale);
    if (!locale.success) throw invalid('defaultLocale', `must be one of ${Locale.options.join(', ')}`, 'invalid_value');
    set.default_locale = locale.data;
  }
  if (changes.kThreshold !== undefined) set.k_threshold = checkThreshold('kThreshold', changes.kThreshold);
  if (changes.commentThreshold !== undefined) {
    set.comment_threshold = checkThreshold('commentThreshold', changes.commentThreshold);
  }
  if (changes.allowAnonymousFeedback !== undefined) {
    set.allow_anonymous_feedback = changes.allowAnonymousFeedback ? 1 : 0;
  }
  if (changes.languages !== undefined) {
    const languages = OrganizationLanguages.safeParse(changes.languages);
    if (!languages.success) throw invalid('languages', 'must be fr, en or both, each once', 'invalid_value');
    set.languages = JSON.stringify(Locale.options.filter((l) => languages.data.includes(l)));
  }
  if (changes.timeZone !== undefined) {
    const zone = TimeZone.safeParse(changes.timeZone);
    if (!zone.success)
      throw invalid('timeZone', 'must be a time zone of the IANA database, such as Europe/Paris', 'invalid_value');
    set.time_zone = zone.data;
  }
  if (changes.logo !== undefined) {
    const logo = OrganizationLogo.nullable().safeParse(changes.logo);
    if (!logo.success) {
      throw invalid('logo', logo.error.issues[0]?.message ?? 'must be a PNG or JPEG image', 'invalid_format');
    }
    set.logo = logo.data;
  }
  if (changes.fatigueRule !== undefined) {
    const rule = FatigueRule.nullable().safeParse(changes.fatigueRule);
    if (!rule.success) {
      const field = String(rule.error.issues[0]?.path[0] ?? 'maxSurveys');
      throw invalid(`fatigueRule.${field}`, 'must be whole numbers: 1 to 50 surveys in 1 to 365 days', 'out_of_range');
    }
    set.fatigue_max_surveys = rule.data?.maxSurveys ?? null;
    set.fatigue_period_days = rule.data?.periodDays ?? null;
  }
  if (changes.feedbackWaitDays !== undefined) {
    const days = FeedbackWaitDays.safeParse(changes.feedbackWaitDays);
    if (!days.success) {
      throw invalid('feedbackWaitDays', 'must be a whole number of days between 0 and 90', {
        reason: 'out_of_range',
        minimum: 0,
        maximum: 90,
      });
    }
    set.feedback_wait_days = days.data;
  }
  if (changes.defaultLocale !== undefined || changes.languages !== undefined) {
    // The messages it sends (invitations) go in a language it writes in.
    const current = await getOrganizationSettings(db, args.organizationId);
    const locale = (set.default_locale ?? current.defaultLocale) as Locale;
    const languages = set.languages === undefined ? current.languages : (JSON.parse(set.languages) as Locale[]);
    if (!languages.includes(locale)) {
      throw invalid('defaultLocale', 'must be one of the languages the organisation writes in', 'invalid_value');
    }
  }
  if (Object.keys(set).length > 0) {
    const result = await db.updateTable('organization').set(set).where('id', '=', args.organizationId).execute();
    if (Number(result[0]?.numUpdatedRows ?? 0) === 0) {
      throw new DomainError('not_found', 'organizationId: no such organisation', 'organizationId');
    }
  }
  return getOrganizationSettings(db, args.organizationId);
}

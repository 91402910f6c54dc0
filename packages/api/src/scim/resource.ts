import type { DirectoryPerson, PersonRecord, SegmentAttribute } from '@facets/db';
import { z } from 'zod';

/**
 * A person of the directory as a SCIM 2.0 User (RFC 7643), and back. What the directory holds, and nothing else:
 * `userName` is the person's e-mail (also `emails[primary]`), `externalId` their external id, `name.formatted` and
 * `displayName` their name, `preferredLanguage` (or `locale`) their language (French or English; another language
 * leaves the organisation's), `active`; the enterprise extension's `department` is the group's `department`
 * segment and `manager.value` the SCIM id of their manager; every other segment attribute of the group is an
 * attribute of the Facets extension, by its code, valued by a value's code or label.
 */

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const FACETS_USER = 'urn:facets:params:scim:schemas:extension:2.0:User';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The segment key the enterprise extension's `department` stands for. */
const DEPARTMENT = 'department';

/** A SCIM client's refusal: the HTTP status, the RFC 7644 `scimType` when one fits, and a detail naming the attribute. */
export class ScimRefusal extends Error {
  readonly status: number;
  readonly scimType: string | null;
  constructor(status: number, scimType: string | null, detail: string) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }
}

const invalid = (attribute: string, why: string) => new ScimRefusal(400, 'invalidValue', `${attribute}: ${why}`);

export interface ScimUser {
  schemas: string[];
  id: string;
  externalId?: string;
  userName: string;
  name: { formatted: string };
  displayName: string;
  emails?: { value: string; primary: true; type: 'work' }[];
  preferredLanguage?: string;
  locale?: string;
  active: boolean;
  [ENTERPRISE_USER]: { department?: string; manager?: { value: string; displayName: string } };
  [FACETS_USER]: Record<string, string>;
  meta: { resourceType: 'User'; location: string };
}

/** The group's attributes other than `department`, which the enterprise extension carries. */
const extensionAttributes = (attributes: readonly SegmentAttribute[]) => attributes.filter((a) => a.key !== DEPARTMENT);

export function scimUserOf(person: DirectoryPerson, attributes: readonly SegmentAttribute[], base: string): ScimUser {
  const userName = person.email ?? person.externalId ?? person.id;
  const department = attributes.some((a) => a.key === DEPARTMENT) ? person.segments[DEPARTMENT] : undefined;
  return {
    schemas: [CORE_USER, ENTERPRISE_USER, FACETS_USER],
    id: person.id,
    ...(person.externalId !== null ? { externalId: person.externalId } : {}),
    userName,
    name: { formatted: person.name },
    displayName: person.name,
    ...(person.email !== null ? { emails: [{ value: person.email, primary: true, type: 'work' as const }] } : {}),
    ...(person.locale !== null ? { preferredLanguage: person.locale, locale: person.locale } : {}),
    active: person.active,
    [ENTERPRISE_USER]: {
      ...(department !== undefined ? { department } : {}),
      ...(person.manager ? { manager: { value: person.manager.id, displayName: person.manager.name } } : {}),
    },
    [FACETS_USER]: Object.fromEntries(
      extensionAttributes(attributes).flatMap((a) =>
        person.segments[a.key] !== undefined ? [[a.key, person.segments[a.key]!]] : [],
      ),
    ),
    meta: { resourceType: 'User', location: `${base}/Users/${person.id}` },
  };
}

/** Entra ID sends booleans as "True" and "False". */
const Boolish = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i)
    .transform((s) => s.toLowerCase() === 'true'),
]);
const Text = (max: number) => z.string().trim().max(max);

/** A User as a client sends it: unknown attributes are not the directory's and are left to the client. */
export const ScimUserInput = z.looseObject({
  userName: Text(320).min(1),
  externalId: Text(200).nullish(),
  name: z
    .looseObject({ formatted: Text(200).nullish(), givenName: Text(100).nullish(), familyName: Text(100).nullish() })
    .nullish(),
  displayName: Text(200).nullish(),
  emails: z
    .array(z.looseObject({ value: Text(320), primary: Boolish.nullish(), type: z.string().nullish() }))
    .max(20)
    .nullish(),
  preferredLanguage: Text(35).nullish(),
  locale: Text(35).nullish(),
  active: Boolish.nullish(),
  [ENTERPRISE_USER]: z
    .looseObject({
      department: Text(200).nullish(),
      manager: z.union([z.looseObject({ value: Text(100).nullish() }), Text(100)]).nullish(),
    })
    .nullish(),
  [FACETS_USER]: z.record(z.string(), Text(200).nullable()).nullish(),
});
export type ScimUserInput = z.infer<typeof ScimUserInput>;

const Email = z.email();

/** A language tag's French or English, else null (the organisation's language). */
function languageOf(tag: string | null | undefined): 'fr' | 'en' | null {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' || primary === 'en' ? primary : null;
}

/** The code of the value of `attribute` a client named by its code or by a label (any case). */
function valueCode(attribute: SegmentAttribute, text: string, path: string): string {
  const wanted = text.toLowerCase();
  const value = attribute.values.find(
    (v) =>
      !v.archived &&
      (v.value.toLowerCase() === wanted ||
        Object.values(v.label).some((label) => typeof label === 'string' && label.toLowerCase() === wanted)),
  );
  if (!value) throw invalid(path, `"${text}" is not one of the values of ${attribute.key}`);
  return value.value;
}

/** The directory's record of a User sent whole (POST, PUT, or a resource after a PATCH). */
export function recordOf(body: unknown, attributes: readonly SegmentAttribute[]): PersonRecord {
  const parsed = ScimUserInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.') || 'body';
    throw new ScimRefusal(
      400,
      issue.code === 'invalid_type' ? 'invalidSyntax' : 'invalidValue',
      `${path}: ${issue.message}`,
    );
  }
  const user = parsed.data;
  const emails = user.emails ?? [];
  const primary = emails.find((e) => e.primary === true) ?? emails[0];
  const email = Email.safeParse(user.userName).success ? user.userName : primary?.value;
  if (email === undefined || !Email.safeParse(email).success) {
    throw invalid('userName', 'an e-mail address is required, as userName or as the primary e-mail');
  }
  const name =
    user.name?.formatted ||
    user.displayName ||
    [user.name?.givenName, user.name?.familyName].filter(Boolean).join(' ') ||
    email;
  const segments: Record<string, string> = {};
  const enterprise = user[ENTERPRISE_USER];
  const department = enterprise?.department;
  if (department) {
    const attribute = attributes.find((a) => a.key === DEPARTMENT);
    if (!attribute) throw invalid(`${ENTERPRISE_USER}:department`, 'this group has no department attribute');
    segments[DEPARTMENT] = valueCode(attribute, department, `${ENTERPRISE_USER}:department`);
  }
  for (const [key, value] of Object.entries(user[FACETS_USER] ?? {})) {
    const path = `${FACETS_USER}:${key}`;
    const attribute = extensionAttributes(attributes).find((a) => a.key === key);
    if (!attribute) throw invalid(path, 'this group has no such attribute');
    if (value) segments[key] = valueCode(attribute, value, path);
  }
  const manager = enterprise?.manager;
  const managerId = (typeof manager === 'string' ? manager : manager?.value) || null;
  return {
    externalId: user.externalId || null,
    email,
    name,
    locale: languageOf(user.preferredLanguage ?? user.locale),
    segments,
    managerId,
    active: user.active ?? true,
  };
}

/** The SCIM attribute a directory field stands for, in a refusal. */
export function attributeOf(field: string | undefined): string {
  if (field === undefined) return 'body';
  if (field === 'email') return 'userName';
  if (field === 'manager') return `${ENTERPRISE_USER}:manager`;
  if (field === 'personId') return 'id';
  if (field === `segments.${DEPARTMENT}`) return `${ENTERPRISE_USER}:department`;
  if (field.startsWith('segments.')) return `${FACETS_USER}:${field.slice('segments.'.length)}`;
  return field;
}

/** `userName eq "…"`, `externalId eq "…"` or `emails.value eq "…"`: what Okta and Entra ID ask before creating. */
export function parseFilter(filter: string): { email: string } | { externalId: string } {
  const match = /^\s*(userName|externalId|emails\.value|emails)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!match) {
    throw new ScimRefusal(
      400,
      'invalidFilter',
      'filter: only userName eq "…", externalId eq "…" and emails.value eq "…" are supported',
    );
  }
  const value = match[2]!.replace(/\\(.)/g, '$1');
  return match[1]!.toLowerCase() === 'externalid' ? { externalId: value } : { email: value };
}

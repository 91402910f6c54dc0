import { z } from 'zod';
import { WrittenText } from './languages.ts';
import {
  DEPARTMENTS,
  type Department,
  INITIATIVE_KINDS,
  type InitiativeKind,
  type LocalizedText,
  PROMISE_CHANNELS,
  type PromiseChannel,
} from './model.ts';
import { MODEL_LABEL_MAX, ModelCode } from './organisation-model.ts';

/*
 * The organisation's own lists: the departments that own initiatives, the kinds of initiative and the channels of
 * promises. Every organisation starts with the built-in entries below (their codes are the model's constants) and adds,
 * renames and archives its own; a code is chosen once and never changes. Maturity reads the built-in codes only: an
 * organisation's own kind or department counts as "other" (maturity.ts).
 */

export const ORGANISATION_LISTS = ['department', 'initiative_kind', 'promise_channel'] as const;
export const OrganisationList = z.enum(ORGANISATION_LISTS);
export type OrganisationList = z.infer<typeof OrganisationList>;

/** The most entries a list holds. */
export const LIST_ENTRIES_MAX = 100;

export const ListEntryLabel = WrittenText(MODEL_LABEL_MAX);

const t = (fr: string, en: string): LocalizedText => ({ fr, en });

export const DEFAULT_DEPARTMENT_LABELS: Readonly<Record<Department, LocalizedText>> = {
  leadership: t('Direction', 'Leadership'),
  marketing: t('Marketing', 'Marketing'),
  hr: t('RH', 'HR'),
  it: t('Informatique', 'IT'),
  procurement: t('Achats', 'Procurement'),
  finance: t('Finance', 'Finance'),
  operations: t('Opérations', 'Operations'),
  customer_service: t('Service client', 'Customer service'),
  investor_relations: t('Relations investisseurs', 'Investor relations'),
};

export const DEFAULT_INITIATIVE_KIND_LABELS: Readonly<Record<InitiativeKind, LocalizedText>> = {
  communication: t('Communication', 'Communication'),
  service: t('Service', 'Service'),
  offer: t('Offre', 'Offer'),
  process: t('Processus', 'Process'),
  digital: t('Numérique', 'Digital'),
  policy: t('Politique', 'Policy'),
  training: t('Formation', 'Training'),
};

export const DEFAULT_PROMISE_CHANNEL_LABELS: Readonly<Record<PromiseChannel, LocalizedText>> = {
  marketing: t('Marketing', 'Marketing'),
  employer_brand: t('Marque employeur', 'Employer brand'),
  supplier_charter: t('Charte fournisseurs', 'Supplier charter'),
  investor_story: t('Discours investisseurs', 'Investor story'),
  other: t('Autre', 'Other'),
};

/** The entries every organisation starts with, in the order they are offered. */
export const DEFAULT_LIST_ENTRIES: Readonly<
  Record<OrganisationList, readonly { code: string; label: LocalizedText }[]>
> = {
  department: DEPARTMENTS.map((code) => ({ code, label: DEFAULT_DEPARTMENT_LABELS[code] })),
  initiative_kind: INITIATIVE_KINDS.map((code) => ({ code, label: DEFAULT_INITIATIVE_KIND_LABELS[code] })),
  promise_channel: PROMISE_CHANNELS.map((code) => ({ code, label: DEFAULT_PROMISE_CHANNEL_LABELS[code] })),
};

/** The input field that takes an entry of each list (initiatives and promises). */
export const LIST_FIELDS: Readonly<Record<OrganisationList, string>> = {
  department: 'ownerDepartment',
  initiative_kind: 'kind',
  promise_channel: 'channel',
};

export const ListEntryCode = ModelCode;

import type { GroupKind, LocalizedText } from '@facets/domain';
import { companyValue } from '../repositories/respondents.ts';

export { companyValue };

/**
 * The demo organisation: a French home-goods maker with workshops in Lyon and Lille, a head office in Paris and a
 * customer service centre in Bordeaux.
 */
export const ORGANIZATION = {
  id: 'demo-org',
  slug: 'demo',
  name: 'Maison Lumière',
  defaultLocale: 'fr',
  kThreshold: 5,
  commentThreshold: 5,
} as const;

export const DEMO_PASSWORD = 'facets-demo';

export const t = (fr: string, en: string): LocalizedText => ({ fr, en });

export type GroupCode = 'employee' | 'customer' | 'supplier' | 'shareholder';

export interface GroupContent {
  code: GroupCode;
  kind: GroupKind;
  label: LocalizedText;
}

export const GROUPS: readonly GroupContent[] = [
  { code: 'employee', kind: 'employee', label: t('Salariés', 'Employees') },
  { code: 'customer', kind: 'customer', label: t('Clients', 'Customers') },
  { code: 'supplier', kind: 'supplier', label: t('Fournisseurs', 'Suppliers') },
  { code: 'shareholder', kind: 'shareholder', label: t('Actionnaires', 'Shareholders') },
];

export const groupId = (code: GroupCode) => `demo-group-${code}`;

export interface SegmentValue {
  value: string;
  label: LocalizedText;
}

export interface SegmentAttributeContent {
  group: GroupCode;
  key: string;
  label: LocalizedText;
  values: readonly SegmentValue[];
}

const v = (value: string, fr: string, en: string): SegmentValue => ({ value, label: t(fr, en) });

/**
 * The sites: where employees work and, for customers, the site that serves their region. Both groups carry the same
 * codes, so the experience chain sets employees' figures against customers' site by site.
 */
const SITES: readonly SegmentValue[] = [
  v('lyon', 'Lyon', 'Lyon'),
  v('paris', 'Paris', 'Paris'),
  v('lille', 'Lille', 'Lille'),
  v('bordeaux', 'Bordeaux', 'Bordeaux'),
];

/** The site serving a customer region (the others, from Bordeaux). */
export const SITE_OF_REGION: Readonly<Record<string, string>> = {
  auvergne_rhone_alpes: 'lyon',
  ile_de_france: 'paris',
  hauts_de_france: 'lille',
  other: 'bordeaux',
};

/**
 * Supplier companies, each a company record (anonymity counts suppliers by company: one company is never k of them).
 * Several have more than one contact.
 */
export const SUPPLIER_COMPANIES = [
  { name: 'Atelier Durand', category: 'raw_materials', contacts: 3 },
  { name: 'Verrerie du Rhône', category: 'raw_materials', contacts: 3 },
  { name: 'Tissages Vauban', category: 'raw_materials', contacts: 2 },
  { name: 'Cartonnages Béal', category: 'raw_materials', contacts: 2 },
  { name: 'Transports Roussel', category: 'logistics', contacts: 3 },
  { name: 'Nord Express Logistique', category: 'logistics', contacts: 3 },
  { name: 'Propreté Services Lyonnais', category: 'services', contacts: 2 },
  { name: 'Cabinet Lemaire Conseil', category: 'services', contacts: 2 },
  { name: 'Numérik Solutions', category: 'it', contacts: 3 },
  { name: 'Datacentre Alpin', category: 'it', contacts: 2 },
] as const;

export const SEGMENT_ATTRIBUTES: readonly SegmentAttributeContent[] = [
  {
    group: 'employee',
    key: 'department',
    label: t('Service', 'Department'),
    values: [
      v('marketing', 'Marketing', 'Marketing'),
      v('hr', 'Ressources humaines', 'Human resources'),
      v('it', 'Informatique', 'IT'),
      v('operations', 'Production et logistique', 'Operations'),
      v('finance', 'Finance', 'Finance'),
      v('customer_service', 'Service client', 'Customer service'),
    ],
  },
  {
    group: 'employee',
    key: 'site',
    label: t('Site', 'Site'),
    values: SITES,
  },
  {
    group: 'employee',
    key: 'tenure_band',
    label: t('Ancienneté', 'Tenure'),
    values: [
      v('under_1y', "Moins d'un an", 'Less than a year'),
      v('1_3y', '1 à 3 ans', '1 to 3 years'),
      v('3_10y', '3 à 10 ans', '3 to 10 years'),
      v('over_10y', 'Plus de 10 ans', 'More than 10 years'),
    ],
  },
  {
    group: 'customer',
    key: 'segment',
    label: t('Type de client', 'Customer type'),
    values: [
      v('retail', 'Particuliers en boutique', 'In-store shoppers'),
      v('trade', 'Professionnels', 'Trade and professionals'),
      v('online', 'Clients en ligne', 'Online shoppers'),
    ],
  },
  {
    group: 'customer',
    key: 'region',
    label: t('Région', 'Region'),
    values: [
      v('auvergne_rhone_alpes', 'Auvergne-Rhône-Alpes', 'Auvergne-Rhône-Alpes'),
      v('ile_de_france', 'Île-de-France', 'Île-de-France'),
      v('hauts_de_france', 'Hauts-de-France', 'Hauts-de-France'),
      v('other', 'Autres régions', 'Other regions'),
    ],
  },
  { group: 'customer', key: 'site', label: t('Site', 'Site'), values: SITES },
  {
    group: 'supplier',
    key: 'supplier_category',
    label: t('Catégorie de fournisseur', 'Supplier category'),
    values: [
      v('raw_materials', 'Matières premières', 'Raw materials'),
      v('logistics', 'Logistique', 'Logistics'),
      v('services', 'Services', 'Services'),
      v('it', 'Informatique', 'IT'),
    ],
  },
  {
    group: 'shareholder',
    key: 'holder_type',
    label: t("Type d'actionnaire", 'Holder type'),
    values: [
      v('institutional', 'Investisseur institutionnel', 'Institutional investor'),
      v('retail', 'Actionnaire individuel', 'Individual shareholder'),
      v('employee_shareholder', 'Salarié actionnaire', 'Employee shareholder'),
    ],
  },
];

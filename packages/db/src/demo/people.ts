import { companyKey, type Random, type StaffRole } from '@facets/domain';
import { companyValue, type GroupCode, SITE_OF_REGION, SUPPLIER_COMPANIES } from './content.ts';

export interface StaffContent {
  key: string;
  email: string;
  name: string;
  role: StaffRole;
  department: string | null;
}

/** Staff sign-ins of the contract (password `facets-demo`). */
export const STAFF: readonly StaffContent[] = [
  {
    key: 'leadership',
    email: 'leadership@demo.facets.test',
    name: 'Hélène Marchand',
    role: 'leadership',
    department: null,
  },
  { key: 'hr', email: 'hr@demo.facets.test', name: 'Sophie Lefèvre', role: 'hr', department: null },
  { key: 'admin', email: 'admin@demo.facets.test', name: 'Thomas Girard', role: 'admin', department: null },
  { key: 'analyst', email: 'analyst@demo.facets.test', name: 'Julien Roux', role: 'analyst', department: null },
  { key: 'manager-it', email: 'manager.it@demo.facets.test', name: 'Karim Benali', role: 'manager', department: 'it' },
];

export interface StakeholderContent {
  id: string;
  group: GroupCode;
  externalRef: string;
  displayName: string;
  email: string;
  /** The company as the contact's record spells it (spellings of one company vary, as in real files). */
  company: string | null;
  /** The company record: one per company, however spelled. */
  companyId: string | null;
  segments: Record<string, string>;
  /** Set for the stakeholders who sign in to a portal in the demo (and in the e2e story). */
  signIn: boolean;
}

/** The stakeholder sign-ins of the contract; each is the first stakeholder of its group. */
export const SIGN_IN_STAKEHOLDERS: Readonly<
  Record<GroupCode, Omit<StakeholderContent, 'id' | 'externalRef' | 'group' | 'signIn' | 'companyId'>>
> = {
  employee: {
    displayName: 'Camille Bernard',
    email: 'employee@demo.facets.test',
    company: null,
    segments: { department: 'it', site: 'lyon', tenure_band: '1_3y' },
  },
  customer: {
    displayName: 'Léa Moreau',
    email: 'customer@demo.facets.test',
    company: null,
    segments: { segment: 'online', region: 'auvergne_rhone_alpes', site: 'lyon' },
  },
  supplier: {
    displayName: 'Marc Durand',
    email: 'supplier@demo.facets.test',
    company: 'Atelier Durand',
    segments: { supplier_category: 'raw_materials' },
  },
  shareholder: {
    displayName: 'Pierre Fontaine',
    email: 'shareholder@demo.facets.test',
    company: null,
    segments: { holder_type: 'retail' },
  },
};

const FIRST_NAMES = (
  'Adrien Agathe Alice Antoine Bastien Benoît Chloé Clément Damien Élise Emma Étienne Fanny Florian ' +
  'Gaëlle Guillaume Hugo Inès Jeanne Jérôme Laura Léo Lucie Manon Mathieu Maxime Mélanie Nadia Nathalie ' +
  'Nicolas Océane Olivier Pauline Quentin Rachid Romain Sarah Sébastien Sylvie Théo Valérie Yasmine ' +
  'Youssef Zoé Aurélien Margaux'
).split(' ');
const LAST_NAMES = (
  'Arnaud Barbier Blanc Bonnet Boyer Brun Chevalier Clément Colin David Denis Dubois Dumont Dupuis ' +
  'Faure Fournier Gaillard Garnier Gauthier Guerin Henry Joly Lacroix Lambert Laurent Lemoine Leroy ' +
  'Mallet Masson Mercier Meunier Michel Morel Muller Noël Perrin Picard Renaud Rey Robin Rousseau ' +
  'Roussel Schmitt Vidal Vincent Weber'
).split(' ');

/**
 * Employees per department (115 in all: enough respondents per wave for key-driver weights): a few small departments
 * keep some segment cells below k.
 */
const DEPARTMENTS: readonly (readonly [string, number])[] = [
  ['operations', 38],
  ['customer_service', 22],
  ['marketing', 16],
  ['it', 22],
  ['finance', 9],
  ['hr', 8],
];
/**
 * Where each department works: operations in the Lyon and Lille workshops, IT in Lyon, customer service in Bordeaux,
 * the rest at the head office in Paris. A site is then a union of whole departments (operations' two halves are large
 * enough to stand on their own), so a wave published department first shows its sites too.
 * Every employee's site costs one draw, whatever the weights, so the people and their answers do not depend on them.
 */
const SITES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  operations: [
    ['lyon', 1],
    ['lille', 1],
  ],
  customer_service: [['bordeaux', 1]],
  marketing: [['paris', 1]],
  it: [['lyon', 1]],
  finance: [['paris', 1]],
  hr: [['paris', 1]],
};
const TENURES: readonly (readonly [string, number])[] = [
  ['under_1y', 3],
  ['1_3y', 6],
  ['3_10y', 7],
  ['over_10y', 4],
];

/** Customers on the panel: enough respondents per wave for key-driver weights. */
const CUSTOMERS = 150;

const TRADE_COMPANIES = [
  'Hôtel des Canuts',
  'Studio Arlette Décoration',
  'Le Bouchon Doré',
  'Intérieurs Vergne',
  'Concept Store Maille',
  'Hôtel du Vieux-Lille',
  'Atelier d’architecture Roche',
  'Gîtes de la Drôme',
];
const INSTITUTIONS = [
  'Banque régionale d’investissement',
  'Fonds Avenir PME',
  'Rhône Capital Partenaires',
  'Mutuelle des Artisans',
  'Family office Chassagne',
];

const ascii = (s: string) => companyValue(s).replace(/_/g, '-');

/** The id of a demo company: one per company, whichever spelling a contact's record uses. */
export const demoCompanyId = (name: string) => `demo-company-${companyKey(name).replace(/_/g, '-')}`;

/** Contacts whose records spell their company their own way: still one company, counted once. */
const SPELLINGS: Record<string, readonly string[]> = {
  'Verrerie du Rhône': ['Verrerie du Rhône', 'VERRERIE DU RHONE SA', 'Verrerie du Rhône S.A.'],
  'Transports Roussel': ['Transports Roussel', 'Transports Roussel SARL', 'transports roussel'],
};

/** Builds every stakeholder of the demo from the seeded generator; same seed, same people. */
export function buildStakeholders(random: Random): StakeholderContent[] {
  const used = new Set(Object.values(SIGN_IN_STAKEHOLDERS).map((s) => s.displayName));
  const name = () => {
    for (;;) {
      const candidate = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  const emailOf = (displayName: string, domain: string) => `${ascii(displayName).replace('-', '.')}@${domain}`;
  const people: StakeholderContent[] = [];
  const add = (
    group: GroupCode,
    prefix: string,
    s: Omit<StakeholderContent, 'id' | 'group' | 'externalRef' | 'signIn' | 'companyId'>,
  ) => {
    const n = people.filter((p) => p.group === group).length + 1;
    people.push({
      ...s,
      companyId: s.company ? demoCompanyId(s.company) : null,
      id: `demo-stakeholder-${group}-${String(n).padStart(3, '0')}`,
      group,
      externalRef: `${prefix}-${String(n).padStart(4, '0')}`,
      signIn: n === 1,
    });
  };

  add('employee', 'SAL', SIGN_IN_STAKEHOLDERS.employee);
  const departments = DEPARTMENTS.flatMap(([d, count]) =>
    Array.from({ length: d === 'it' ? count - 1 : count }, () => d),
  );
  for (const department of departments) {
    const displayName = name();
    add('employee', 'SAL', {
      displayName,
      email: emailOf(displayName, 'maison-lumiere.example'),
      company: null,
      segments: { department, site: random.weighted(SITES[department]!), tenure_band: random.weighted(TENURES) },
    });
  }

  add('customer', 'CLI', SIGN_IN_STAKEHOLDERS.customer);
  for (let n = 2; n <= CUSTOMERS; n++) {
    const displayName = name();
    const segment = random.weighted([
      ['retail', 9],
      ['trade', 5],
      ['online', 6],
    ] as const);
    const region = random.weighted([
      ['auvergne_rhone_alpes', 8],
      ['ile_de_france', 6],
      ['hauts_de_france', 3],
      ['other', 3],
    ] as const);
    add('customer', 'CLI', {
      displayName,
      email: emailOf(displayName, 'client.example'),
      company: segment === 'trade' ? random.pick(TRADE_COMPANIES) : null,
      segments: { segment, region, site: SITE_OF_REGION[region]! },
    });
  }

  for (const company of SUPPLIER_COMPANIES) {
    for (let c = 0; c < company.contacts; c++) {
      const first = company.name === 'Atelier Durand' && c === 0;
      const s = first ? SIGN_IN_STAKEHOLDERS.supplier : undefined;
      const displayName = s?.displayName ?? name();
      add('supplier', 'FRN', {
        displayName,
        email: s?.email ?? emailOf(displayName, `${ascii(company.name)}.example`),
        company: SPELLINGS[company.name]?.[c] ?? company.name,
        segments: { supplier_category: company.category },
      });
    }
  }

  add('shareholder', 'ACT', SIGN_IN_STAKEHOLDERS.shareholder);
  const holders: [string, string][] = INSTITUTIONS.map((i) => ['institutional', i]);
  for (let n = 0; n < 8; n++) holders.push(['retail', '']);
  for (let n = 0; n < 6; n++) holders.push(['employee_shareholder', '']);
  for (const [holderType, institution] of holders) {
    const displayName = name();
    add('shareholder', 'ACT', {
      displayName,
      email: emailOf(displayName, institution ? `${ascii(institution)}.example` : 'actionnaire.example'),
      company: institution || null,
      segments: { holder_type: holderType },
    });
  }
  return people;
}

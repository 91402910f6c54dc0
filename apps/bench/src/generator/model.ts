import type { GroupKind, InitiativeKind, InitiativeStatus } from '@facets/domain';

/**
 * The benchmark organisation, "Bench Industries": the sizes of issue #6 (20,000 employees, 2,000 suppliers, 50,000
 * customers, 500 shareholders), shared and group dimensions, and per group two surveys of eight waves each (a
 * quarterly experience survey and a pulse between them), so that a million responses fit one answer per person and
 * wave.
 */
export const ORG = { id: 'bench-org', slug: 'bench', name: 'Bench Industries', k: 5, commentK: 5 } as const;
export const PASSWORD = 'facets-bench';
export const LEADERSHIP_EMAIL = 'leadership@bench.facets.test';
export const respondentEmail = (n: number) => `respondent-${String(n + 1).padStart(5, '0')}@bench.facets.test`;

export type GroupCode = 'employee' | 'supplier' | 'customer' | 'shareholder';
export const GROUP_CODES: readonly GroupCode[] = ['employee', 'supplier', 'customer', 'shareholder'];
export const groupId = (g: GroupCode) => `bench-group-${g}`;
export const dimensionId = (code: string) => `bench-dim-${code}`;
export const stakeholderId = (g: GroupCode, n: number) => `bench-sh-${g}-${n}`;

export const POPULATION: Readonly<Record<GroupCode, number>> = {
  employee: 20_000,
  supplier: 2_000,
  customer: 50_000,
  shareholder: 500,
};

const text = (en: string, fr: string) => ({ en, fr });

export const GROUPS: readonly { code: GroupCode; kind: GroupKind; label: { en: string; fr: string } }[] = [
  { code: 'employee', kind: 'employee', label: text('Employees', 'Salariés') },
  { code: 'supplier', kind: 'supplier', label: text('Suppliers', 'Fournisseurs') },
  { code: 'customer', kind: 'customer', label: text('Customers', 'Clients') },
  { code: 'shareholder', kind: 'shareholder', label: text('Shareholders', 'Actionnaires') },
];

/** Segment attributes per group: [key, [value, weight][]]. Weights make some cells small, as in real organisations. */
export const SEGMENTS: Readonly<
  Record<GroupCode, readonly (readonly [string, readonly (readonly [string, number])[]])[]>
> = {
  employee: [
    [
      'department',
      [
        ['operations', 30],
        ['production', 20],
        ['logistics', 12],
        ['quality', 5],
        ['maintenance', 5],
        ['sales', 8],
        ['marketing', 4],
        ['customer_service', 8],
        ['it', 4],
        ['finance', 2],
        ['hr', 1.5],
        ['legal', 0.5],
      ],
    ],
    [
      'site',
      [
        ['lyon', 30],
        ['lille', 20],
        ['paris', 20],
        ['nantes', 12],
        ['bordeaux', 10],
        ['marseille', 8],
      ],
    ],
    [
      'tenure_band',
      [
        ['under_1y', 15],
        ['1_3y', 30],
        ['3_10y', 35],
        ['over_10y', 20],
      ],
    ],
  ],
  supplier: [
    [
      'supplier_category',
      [
        ['raw_materials', 30],
        ['components', 25],
        ['packaging', 15],
        ['logistics', 12],
        ['services', 12],
        ['it', 6],
      ],
    ],
    [
      'region',
      [
        ['france', 50],
        ['europe', 30],
        ['asia', 15],
        ['americas', 5],
      ],
    ],
  ],
  customer: [
    [
      'segment',
      [
        ['retail', 50],
        ['trade', 20],
        ['online', 30],
      ],
    ],
    [
      'region',
      [
        ['auvergne_rhone_alpes', 15],
        ['ile_de_france', 25],
        ['hauts_de_france', 10],
        ['grand_est', 8],
        ['nouvelle_aquitaine', 12],
        ['occitanie', 10],
        ['provence', 10],
        ['other', 10],
      ],
    ],
  ],
  shareholder: [
    [
      'holder_type',
      [
        ['retail', 70],
        ['institutional', 10],
        ['employee', 20],
      ],
    ],
  ],
};

export interface DimensionContent {
  code: string;
  label: { en: string; fr: string };
  groups: readonly GroupCode[];
  /** Index (0–100) of the first and last wave, lived and expected: the story the figures tell. */
  lived: readonly [number, number];
  expected: readonly [number, number];
}

export const DIMENSIONS: readonly DimensionContent[] = [
  {
    code: 'transparency',
    label: text('Transparency', 'Transparence'),
    groups: ['employee', 'supplier', 'customer', 'shareholder'],
    lived: [52, 61],
    expected: [66, 74],
  },
  {
    code: 'listening',
    label: text('Being listened to', 'Écoute'),
    groups: ['employee', 'supplier', 'customer'],
    lived: [55, 58],
    expected: [70, 72],
  },
  {
    code: 'reliability',
    label: text('Reliability', 'Fiabilité'),
    groups: ['supplier', 'customer'],
    lived: [64, 70],
    expected: [78, 80],
  },
  {
    code: 'recognition',
    label: text('Recognition', 'Reconnaissance'),
    groups: ['employee'],
    lived: [48, 57],
    expected: [65, 66],
  },
  {
    code: 'workload',
    label: text('Workload', 'Charge de travail'),
    groups: ['employee'],
    lived: [50, 46],
    expected: [62, 64],
  },
  { code: 'growth', label: text('Growth', 'Évolution'), groups: ['employee'], lived: [45, 52], expected: [60, 68] },
  {
    code: 'payment_terms',
    label: text('Payment terms', 'Délais de paiement'),
    groups: ['supplier'],
    lived: [40, 62],
    expected: [75, 76],
  },
  {
    code: 'product_quality',
    label: text('Product quality', 'Qualité des produits'),
    groups: ['customer'],
    lived: [72, 74],
    expected: [80, 84],
  },
  { code: 'delivery', label: text('Delivery', 'Livraison'), groups: ['customer'], lived: [60, 68], expected: [70, 78] },
  {
    code: 'returns',
    label: text('Returns', 'Rendement'),
    groups: ['shareholder'],
    lived: [58, 55],
    expected: [65, 70],
  },
  {
    code: 'governance',
    label: text('Governance', 'Gouvernance'),
    groups: ['shareholder'],
    lived: [62, 66],
    expected: [70, 71],
  },
];

export const dimensionsOf = (g: GroupCode) => DIMENSIONS.filter((d) => d.groups.includes(g));

export const INTENDED: readonly { group: GroupCode; dimension: string; target: number; priority: number }[] = [
  { group: 'employee', dimension: 'transparency', target: 70, priority: 1 },
  { group: 'employee', dimension: 'recognition', target: 68, priority: 1 },
  { group: 'employee', dimension: 'workload', target: 60, priority: 2 },
  { group: 'supplier', dimension: 'payment_terms', target: 75, priority: 1 },
  { group: 'supplier', dimension: 'transparency', target: 65, priority: 2 },
  { group: 'customer', dimension: 'product_quality', target: 80, priority: 1 },
  { group: 'customer', dimension: 'delivery', target: 75, priority: 1 },
  { group: 'customer', dimension: 'listening', target: 65, priority: 3 },
  { group: 'shareholder', dimension: 'governance', target: 70, priority: 2 },
];

export const INITIATIVES: readonly {
  code: string;
  kind: InitiativeKind;
  owner: 'hr' | 'marketing' | 'it' | 'procurement' | 'finance' | 'operations';
  status: InitiativeStatus;
  targets: readonly (readonly [GroupCode, string])[];
}[] = [
  {
    code: 'recognition-programme',
    kind: 'policy',
    owner: 'hr',
    status: 'active',
    targets: [['employee', 'recognition']],
  },
  {
    code: 'open-books',
    kind: 'communication',
    owner: 'finance',
    status: 'delivered',
    targets: [
      ['employee', 'transparency'],
      ['shareholder', 'governance'],
    ],
  },
  {
    code: 'pay-in-30-days',
    kind: 'process',
    owner: 'procurement',
    status: 'active',
    targets: [['supplier', 'payment_terms']],
  },
  { code: 'delivery-tracking', kind: 'digital', owner: 'it', status: 'active', targets: [['customer', 'delivery']] },
  {
    code: 'quality-circle',
    kind: 'offer',
    owner: 'operations',
    status: 'planned',
    targets: [['customer', 'product_quality']],
  },
  {
    code: 'brand-campaign',
    kind: 'communication',
    owner: 'marketing',
    status: 'active',
    targets: [['customer', 'reliability']],
  },
];

export const COMMENTS: readonly string[] = [
  'More regular updates on what is decided and why.',
  'Answer faster when we raise a problem.',
  'Keep the promises made in the last meeting.',
  'Fewer tools, better ones.',
  'Explain the plan for next year.',
  'Recognise the work done by the teams on the ground.',
];

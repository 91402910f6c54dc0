import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  screenshotsDir,
  sidewaysOverflow,
  signIn,
  snap,
  type ViewportName,
} from './browser.ts';
import { readScoreCell } from './cells.ts';
import { apiCaller, type Call, databaseReader, initOrganization, sessionCookie } from './organisation-support.ts';
import { WORDS as PORTAL_WORDS } from './portal-fixtures.ts';
import { type RunningServer, startServer } from './server.ts';
import { answerEveryScreen } from './survey-answers.ts';

/**
 * An organisation adopts Facets from an empty database, without the demo (`FACETS_DEMO=0`): `facets init` prints a
 * single-use link, the admin chooses a password with it and signs in, builds the model (groups in the dialog, a
 * dimension shared by two groups, an attribute with its values; the rest through the procedures the console calls),
 * syncs a directory of 300 employees with a reporting line and 40 supplier contacts of 12 companies through the
 * directory page, sees bad files refused whole with every problem named and nothing written, launches a survey from
 * a template to every active employee, and a survey of a group of its own; employees and members of that group answer
 * from the links of their e-mails in their portals; the waves close and the console shows the results with their n,
 * withholding a department with fewer than k respondents. No demo data is anywhere, from the first step to the last.
 */

const chromiumPath = inject('chromiumPath');

const ORG = 'Coopérative Vireo';
const ADMIN = 'claire.fontaine@vireo.example';
const PASSWORD = 'vireo admin password';

const WORDS = {
  en: {
    ...PORTAL_WORDS.en,
    addGroup: 'Add a group',
    kind: 'Kind of group',
    nameFr: 'Name (French)',
    nameEn: 'Name (English)',
    code: 'Code',
    create: 'Create',
    cancel: 'Cancel',
    codeTaken: 'Another item already has this code: choose another.',
    chooseDirectory: 'Choose a directory file',
    valid: 'The file is valid',
    apply: 'Sync the directory',
    synced: 'Directory synced',
    refused: 'The file was not imported',
    report: 'Problems found in the file',
    groupToSurvey: 'Group to survey',
    createSurvey: 'Create the survey',
    waveName: 'Name of the wave',
    schedule: 'Schedule the wave',
    openNow: 'Schedule and open now',
    manage: 'Invitations and response rate',
    count: 'Count',
    close: 'Close',
    group: 'Group',
    cutBy: 'Cut by',
  },
  fr: {
    ...PORTAL_WORDS.fr,
    addGroup: 'Ajouter un groupe',
    kind: 'Type de groupe',
    nameFr: 'Nom (français)',
    nameEn: 'Nom (anglais)',
    code: 'Code',
    create: 'Créer',
    cancel: 'Annuler',
    codeTaken: 'Un autre élément a déjà ce code : choisissez-en un autre.',
    chooseDirectory: 'Choisir un fichier d’annuaire',
    valid: 'Le fichier est valide',
    apply: 'Synchroniser l’annuaire',
    synced: 'Annuaire synchronisé',
    refused: 'Le fichier n’a pas été importé',
    report: 'Problèmes trouvés dans le fichier',
    groupToSurvey: 'Groupe à interroger',
    createSurvey: 'Créer l’enquête',
    waveName: 'Nom de la vague',
    schedule: 'Planifier la vague',
    openNow: 'Planifier et ouvrir maintenant',
    manage: 'Invitations et taux de réponse',
    count: 'Compter',
    close: 'Clore',
    group: 'Groupe',
    cutBy: 'Découper par',
  },
} as const;
type Locale = keyof typeof WORDS;

// The directory: a CEO, five directors (one per department), thirty managers (six per department) and their reports.
const DEPARTMENTS = [
  { value: 'legal', fr: 'Juridique', en: 'Legal' },
  { value: 'it', fr: 'Informatique', en: 'IT' },
  { value: 'finance', fr: 'Finance', en: 'Finance' },
  { value: 'operations', fr: 'Opérations', en: 'Operations' },
  { value: 'sales', fr: 'Ventes', en: 'Sales' },
] as const;
const SITES = ['paris', 'lyon', 'nantes'] as const;
const TENURES = ['lt2', 'y2_5', 'gt5'] as const;
const FIRST = ['Camille', 'Léa', 'Hugo', 'Nora', 'Malik', 'Inès', 'Jules', 'Sofia', 'Yanis', 'Chloé', 'Ethan', 'Zoé'];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Blanc',
];
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

interface Employee {
  id: string;
  name: string;
  email: string;
  language: Locale;
  department: (typeof DEPARTMENTS)[number];
  site: string;
  tenure: string;
  manager: string;
}

const employees: Employee[] = Array.from({ length: 300 }, (_, i) => {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length)]!;
  const id = `E${String(i + 1).padStart(3, '0')}`;
  // 0: the CEO; 1–5: directors; 6–35: managers; 36–299: their reports, round the thirty managers.
  const dept = i === 0 ? 0 : i <= 5 ? i - 1 : i <= 35 ? Math.floor((i - 6) / 6) : Math.floor(((i - 36) % 30) / 6);
  const manager =
    i === 0
      ? ''
      : i <= 5
        ? 'E001'
        : i <= 35
          ? `E${String(dept + 2).padStart(3, '0')}`
          : `E${String(((i - 36) % 30) + 7).padStart(3, '0')}`;
  return {
    id,
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}@vireo.example`,
    language: i % 2 === 0 ? 'fr' : 'en',
    department: DEPARTMENTS[dept]!,
    site: SITES[i % 3]!,
    tenure: TENURES[Math.floor(i / 3) % 3]!,
    manager,
  };
});
/** The spreadsheet row of an employee: the header is row 1. */
const rowOf = (id: string) => employees.findIndex((e) => e.id === id) + 2;

/** The HR file, with French headers and `;` as an export from a French spreadsheet writes it. */
function directoryCsv(people: readonly Employee[]): string {
  const header = 'matricule;courriel;nom;langue;service;site;ancienneté;responsable;date_debut';
  const rows = people.map((e, i) =>
    [
      e.id,
      e.email,
      e.name,
      e.language,
      e.department.fr,
      e.site,
      e.tenure,
      e.manager,
      `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/20${10 + (i % 15)}`,
    ].join(';'),
  );
  return [header, ...rows].join('\n');
}

const COMPANIES = [
  'Verrerie Morel SA',
  'Transports Lebrun',
  'Atelier Castel SARL',
  'Nordic Pack GmbH',
  'Imprimerie Vidal',
  'Bois & Fils',
  'Logistique Arnaud',
  'Chimie Delmas',
  'Textiles Perrin',
  'Aciers Roche',
  'Conseil Hamel',
  'Électro Fabre',
];
const CATEGORIES = ['raw_materials', 'logistics', 'services'] as const;
const suppliersCsv = () =>
  [
    'external_id,email,name,company,category',
    ...Array.from({ length: 40 }, (_, i) => {
      const c = i % COMPANIES.length;
      const company = COMPANIES[c]!;
      const domain = `${ascii(company.split(' ')[1] ?? company).replace(/[^a-z]/g, '')}${c}.example`;
      return `S${String(i + 1).padStart(3, '0')},contact${i + 1}@${domain},Contact ${i + 1},${company},${CATEGORIES[c % 3]}`;
    }),
  ].join('\n');

/** The answering employees: six of Legal, two of IT (fewer than k). */
const RESPONDENTS = ['E037', 'E038', 'E039', 'E040', 'E041', 'E042', 'E043', 'E044'];
const ALUMNI = Array.from({ length: 5 }, (_, i) => ({
  email: `alumni.${i + 1}@vireo-alumni.example`,
  language: (i % 2 === 0 ? 'en' : 'fr') as Locale,
}));

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/** A main step: no sideways scroll, a screenshot, and (`scan`) the accessibility checks, which cost seconds a page. */
async function check(page: Page, shot: string, { scan }: { scan: boolean } = { scan: true }): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => page.waitForLoadState('load'));
  if (scan) expect(await accessibilityViolations(page)).toEqual([]);
  expect(await sidewaysOverflow(page)).toEqual([]);
  await snap(page, `adoption-${shot}`);
}
const shot = (page: Page, name: string) => check(page, name, { scan: false });

describe.skipIf(!chromiumPath)('adoption: an organisation of its own from an empty database', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: ReturnType<typeof databaseReader>;
  let call: Call;
  let organizationId = '';
  const groups: Record<'staff' | 'vendors' | 'clients' | 'alumni', string> = {
    staff: '',
    vendors: '',
    clients: '',
    alumni: '',
  };
  let surveyId = '';
  let waveId = '';
  let alumniWave = '';

  const open = async (locale: Locale, viewport: ViewportName) => {
    const context = await newContext(browser, { locale, viewport, baseURL: server.baseUrl });
    return { context, page: await context.newPage() };
  };
  /** The admin's console in one language at one width, signed in once and kept for the next steps. */
  const consoles = new Map<string, { context: BrowserContext; page: Page }>();
  const admin = async (locale: Locale, viewport: ViewportName, path: string) => {
    let opened = consoles.get(`${locale}-${viewport}`);
    if (!opened) {
      opened = await open(locale, viewport);
      consoles.set(`${locale}-${viewport}`, opened);
      await signIn(opened.page, WORDS[locale], ADMIN, path, PASSWORD);
    } else {
      await opened.page.goto(path);
    }
    return opened;
  };

  /** Nothing of the demo: no other organisation's row in any table, no demo account, no Maison Lumière. */
  function expectNoDemoData(): void {
    const tables = db
      .query<{ name: string }>("select name from sqlite_master where type = 'table'")
      .map((t) => t.name)
      .filter((name) =>
        db
          .query<{ name: string }>(`select name from pragma_table_info('${name}')`)
          .some((c) => c.name === 'organization_id'),
      );
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) {
      expect(db.count(`select count(*) as n from "${table}" where organization_id <> ?`, organizationId), table).toBe(
        0,
      );
    }
    expect(db.count("select count(*) as n from organization where id <> ? or name like '%Lumi%'", organizationId)).toBe(
      0,
    );
    expect(db.count("select count(*) as n from auth_user where email like '%demo.facets.test'")).toBe(0);
    expect(db.count('select count(*) as n from auth_user where email <> ?', ADMIN)).toBe(0);
  }

  beforeAll(async () => {
    server = await startServer({ demo: false });
    db = databaseReader(server.databaseUrl);
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    for (const { context } of consoles.values()) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('starts empty; init prints a single-use link; the admin chooses a password with it and signs in', async () => {
    expect(db.count('select count(*) as n from organization')).toBe(0);
    expect(db.count('select count(*) as n from auth_user')).toBe(0);
    const printed = initOrganization(server, { name: ORG, slug: 'vireo', adminEmail: ADMIN });
    const link = /(http\S+\/console\/set-password\?token=\S+)/.exec(printed)?.[1];
    expect(link, printed).toBeDefined();
    organizationId = db.query<{ id: string }>('select id from organization')[0]!.id;
    expectNoDemoData();

    const { context, page } = await open('en', 'desktop');
    await page.goto(link as string);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await check(page, 'en-desktop-01-set-password');
    await page.getByLabel('New password').fill(PASSWORD);
    await page.getByLabel('Confirm the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save my password' }).click();
    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await page.getByLabel(WORDS.en.email).fill(ADMIN);
    await page.getByLabel(WORDS.en.password).fill(PASSWORD);
    await page.getByRole('button', { name: WORDS.en.signIn, exact: true }).click();
    await page.getByRole('button', { name: WORDS.en.signOut }).waitFor();
    await shot(page, 'en-desktop-02-signed-in');
    consoles.set('en-desktop', { context, page });
    // The link works once.
    const reused = await open('en', 'desktop');
    await reused.page.goto(link as string);
    await reused.page.getByLabel('New password').fill('another password');
    await reused.page.getByLabel('Confirm the password').fill('another password');
    await reused.page.getByRole('button', { name: 'Save my password' }).click();
    await reused.page.getByText('This link has expired or has already been used.').waitFor();
    await reused.context.close();
    call = apiCaller(server.baseUrl, await sessionCookie(server.baseUrl, ADMIN, PASSWORD));
  });

  it('builds the model: groups in the dialog (a duplicate code refused), a shared dimension, an attribute and its values', async () => {
    const w = WORDS.en;
    const { page } = await admin('en', 'desktop', '/console/model');
    await page.getByText('No stakeholder group yet').waitFor();
    await shot(page, 'en-desktop-03-model-empty');
    const dialog = page.getByRole('dialog');
    const newGroup = async (kind: string, fr: string, en: string, code?: string) => {
      await page.getByRole('button', { name: w.addGroup }).click();
      await dialog.getByLabel(w.kind).selectOption({ label: kind });
      await dialog.getByLabel(w.nameFr).fill(fr);
      await dialog.getByLabel(w.nameEn).fill(en);
      if (code) await dialog.getByRole('textbox', { name: w.code }).fill(code);
      await dialog.getByRole('button', { name: w.create, exact: true }).click();
    };
    await newGroup('Employees', 'Équipe', 'Staff');
    await page.getByText('Staff created.').waitFor();
    // A code another group has: refused in the dialog, beside the field, and nothing written.
    await newGroup('Suppliers', 'Fournisseurs', 'Vendors', 'staff');
    await dialog.getByText(w.codeTaken).waitFor();
    await shot(page, 'en-desktop-04-model-code-taken');
    expect(db.count('select count(*) as n from stakeholder_group')).toBe(1);
    await dialog.getByRole('textbox', { name: w.code }).fill('vendors');
    await dialog.getByRole('button', { name: w.create, exact: true }).click();
    await page.getByText('Vendors created.').waitFor();

    for (const g of db.query<{ id: string; code: 'staff' | 'vendors' }>('select id, code from stakeholder_group')) {
      groups[g.code] = g.id;
    }
    groups.clients = (
      await call<{ id: string }>('model.groups.create', {
        kind: 'customer',
        code: 'clients',
        label: { fr: 'Clientèle', en: 'Clients' },
      })
    ).id;
    groups.alumni = (
      await call<{ id: string }>('model.groups.create', {
        kind: 'custom',
        code: 'alumni',
        label: { fr: 'Anciens', en: 'Alumni' },
      })
    ).id;
    await page.reload();

    // A dimension shared by the staff and the vendors, made in the staff's card.
    const staff = page.getByRole('region', { name: 'Staff', exact: true });
    await staff.getByRole('button', { name: 'Add a dimension' }).click();
    await dialog.getByLabel(w.nameFr).fill('Transparence');
    await dialog.getByLabel(w.nameEn).fill('Transparency');
    await dialog.getByRole('checkbox', { name: 'Vendors' }).check();
    await dialog.getByRole('button', { name: w.create, exact: true }).click();
    await page.getByText('Transparency created.').waitFor();
    await page.getByRole('region', { name: 'Vendors', exact: true }).getByText('Shared with Staff').waitFor();

    // The staff's departments, an attribute with values of its own.
    await staff.getByRole('button', { name: 'Add an attribute' }).click();
    await dialog.getByLabel(w.nameFr).fill('Service');
    await dialog.getByLabel(w.nameEn).fill('Department');
    await dialog.getByRole('button', { name: w.create, exact: true }).click();
    await page.getByText('Department created.').waitFor();
    for (const d of DEPARTMENTS.slice(0, 2)) {
      await staff.getByRole('button', { name: 'Add a value to Department' }).click();
      await dialog.getByLabel(w.nameFr).fill(d.fr);
      await dialog.getByLabel(w.nameEn).fill(d.en);
      await expect.poll(() => dialog.getByRole('textbox', { name: w.code }).inputValue()).toBe(d.value);
      await dialog.getByRole('button', { name: w.create, exact: true }).click();
      await page.getByText(`${d.en} created.`).waitFor();
    }
    await staff.getByRole('list', { name: 'Values of Department' }).getByText('legal', { exact: true }).waitFor();

    // The rest through the procedures the console calls.
    const label = (fr: string, en: string) => ({ fr, en });
    for (const d of DEPARTMENTS.slice(2)) {
      await call('model.attributes.addValue', {
        groupId: groups.staff,
        key: 'department',
        value: d.value,
        label: label(d.fr, d.en),
      });
    }
    const dimension = (code: string, fr: string, en: string, groupIds: string[]) =>
      call<{ id: string }>('model.dimensions.create', { code, label: label(fr, en), description: null, groupIds });
    await dimension('recognition', 'Reconnaissance', 'Recognition', [groups.staff]);
    await dimension('workload', 'Charge de travail', 'Workload', [groups.staff]);
    await dimension('payment_reliability', 'Fiabilité des paiements', 'Payment reliability', [groups.vendors]);
    await dimension('reliability', 'Fiabilité des promesses', 'Reliability of promises', [groups.clients]);
    await dimension('belonging', 'Appartenance', 'Belonging', [groups.alumni]);
    const attribute = (
      groupId: string,
      key: string,
      l: { fr: string; en: string },
      values: [string, string, string][],
    ) =>
      call('model.attributes.create', {
        groupId,
        key,
        label: l,
        values: values.map(([value, fr, en]) => ({ value, label: label(fr, en) })),
      });
    await attribute(groups.staff, 'site', label('Site', 'Site'), [
      ['paris', 'Paris', 'Paris'],
      ['lyon', 'Lyon', 'Lyon'],
      ['nantes', 'Nantes', 'Nantes'],
    ]);
    await attribute(groups.staff, 'tenure', label('Ancienneté', 'Tenure band'), [
      ['lt2', 'Moins de 2 ans', 'Under 2 years'],
      ['y2_5', '2 à 5 ans', '2 to 5 years'],
      ['gt5', 'Plus de 5 ans', 'Over 5 years'],
    ]);
    await attribute(groups.vendors, 'category', label('Catégorie de fournisseur', 'Supplier category'), [
      ['raw_materials', 'Matières premières', 'Raw materials'],
      ['logistics', 'Logistique', 'Logistics'],
      ['services', 'Services', 'Services'],
    ]);
    await attribute(groups.clients, 'region', label('Région', 'Region'), [
      ['north', 'Nord', 'North'],
      ['south', 'Sud', 'South'],
    ]);
    await page.reload();
    await staff.getByText('Tenure band').waitFor();
    await check(page, 'en-desktop-05-model');

    const fr = await admin('fr', 'phone', '/console/model');
    await fr.page.getByRole('region', { name: 'Anciens', exact: true }).getByText('Appartenance').waitFor();
    await shot(fr.page, 'fr-phone-05-model');
  });

  it('syncs 300 employees with their reporting line and 40 supplier contacts of 12 companies', async () => {
    const w = WORDS.en;
    const { page } = await admin('en', 'desktop', `/console/directory/${groups.staff}`);
    await page.getByText('Nobody here yet').waitFor();
    await page.getByLabel(w.chooseDirectory).setInputFiles(csvFile('salaries.csv', directoryCsv(employees)));
    await page.getByText(w.valid).waitFor();
    await page.getByText('300 rows: 300 to create, 0 to update, 0 unchanged, 0 to deactivate.').waitFor();
    await check(page, 'en-desktop-06-directory-dry-run');
    // The dry run wrote nothing.
    expect(db.count('select count(*) as n from stakeholder')).toBe(0);
    await page.getByRole('button', { name: w.apply }).click();
    await page.getByText(w.synced).waitFor();
    await page.getByText('300 created, 0 updated, 0 deactivated.').waitFor();
    await page.getByRole('heading', { name: '300 people' }).waitFor();
    await shot(page, 'en-desktop-07-directory-synced');
    expect(db.count('select count(*) as n from stakeholder where group_id = ? and active = 1', groups.staff)).toBe(300);
    // The reporting line as the file gives it: everyone but the CEO has a manager, four levels deep.
    expect(db.count('select count(*) as n from stakeholder where manager_id is not null')).toBe(299);
    const depth = db.query<{ depth: number }>(
      `with recursive line(id, depth) as (
         select id, 1 from stakeholder where manager_id is null and group_id = ?
         union all select s.id, line.depth + 1 from stakeholder s join line on s.manager_id = line.id)
       select max(depth) as depth from line`,
      groups.staff,
    );
    expect(depth[0]?.depth).toBe(4);
    const [legal] = db.query<{ segments: string; manager: string }>(
      `select s.segments, m.external_ref as manager from stakeholder s join stakeholder m on m.id = s.manager_id
       where s.external_ref = 'E037'`,
    );
    expect(JSON.parse(legal!.segments)).toEqual({ department: 'legal', site: 'paris', tenure: 'lt2' });
    expect(legal!.manager).toBe('E007');

    await page.getByLabel('Stakeholder group').selectOption({ label: 'Vendors' });
    await page.getByText('Nobody here yet').waitFor();
    await page.getByLabel(w.chooseDirectory).setInputFiles(csvFile('suppliers.csv', suppliersCsv()));
    await page
      .getByText('40 rows: 40 to create, 0 to update, 0 unchanged, 0 to deactivate. 12 new companies.')
      .waitFor();
    await page.getByRole('button', { name: w.apply }).click();
    await page.getByText('40 created, 0 updated, 0 deactivated.').waitFor();
    await shot(page, 'en-desktop-08-directory-suppliers');
    expect(db.count('select count(*) as n from company')).toBe(12);
    expect(
      db.count('select count(*) as n from stakeholder where group_id = ? and company_id is not null', groups.vendors),
    ).toBe(40);
  });

  it('refuses bad directory files whole, every problem named, nothing written; a large deactivation asks', async () => {
    const w = WORDS.fr;
    const digest = () =>
      db.query<{ d: string }>(
        `select group_concat(id || ':' || coalesce(manager_id, '') || ':' || active || ':' || coalesce(email, '') || ':' || segments, '|') as d
         from (select * from stakeholder order by id)`,
      )[0]?.d;
    const before = digest();
    const { page } = await admin('fr', 'phone', `/console/directory/${groups.staff}`);
    await page.getByRole('heading', { name: '300 personnes' }).waitFor();
    const upload = (name: string, people: Employee[]) =>
      page.getByLabel(w.chooseDirectory).setInputFiles(csvFile(name, directoryCsv(people)));
    const report = page.getByRole('table', { name: w.report });
    // The phone's page is long (the directory's first 25 people above): the sync card is kept on its own too.
    const syncCard = page.locator('section.fx-card', {
      has: page.getByRole('heading', { name: 'Synchroniser depuis un fichier' }),
    });
    const cardShot = (name: string) => syncCard.screenshot({ path: join(screenshotsDir, `adoption-${name}-card.png`) });
    const reportRow = (row: number) => report.getByRole('row', { name: new RegExp(`^${row}\\b`) });

    // A manager nobody of the file is, and a reporting line that comes back on itself (a manager reporting to one
    // of their own reports).
    await upload(
      'hierarchie.csv',
      employees.map((e) =>
        e.id === 'E100' ? { ...e, manager: 'E999' } : e.id === 'E007' ? { ...e, manager: 'E037' } : e,
      ),
    );
    await page.getByText(w.refused).waitFor();
    await page.getByText('3 problèmes sur 300 lignes. Rien n’a été enregistré').waitFor();
    await expect
      .poll(async () => reportRow(rowOf('E100')).textContent())
      .toContain('Aucune ligne du fichier n’a l’identifiant « E999 ».');
    const cycle = `La ligne hiérarchique boucle sur elle-même : E007 → E037 → E007 (lignes ${rowOf('E007')}, ${rowOf('E037')}).`;
    expect(await reportRow(rowOf('E007')).textContent()).toContain(cycle);
    expect(await reportRow(rowOf('E037')).textContent()).toContain(cycle);
    // The report leaves as the directory file's, not an invitation file's (its file name and the audit log too).
    await page.getByRole('button', { name: 'Exporter « Problèmes du fichier d’annuaire » en CSV' }).waitFor();
    await check(page, 'fr-phone-09-directory-refused-hierarchy');
    await cardShot('fr-phone-09-directory-refused-hierarchy');
    expect(digest()).toBe(before);

    // Two people with one e-mail address.
    const e149 = employees.find((e) => e.id === 'E149')!;
    await upload(
      'doublons.csv',
      employees.map((e) => (e.id === 'E150' ? { ...e, email: e149.email } : e)),
    );
    await page.getByText('1 problème sur 300 lignes.', { exact: false }).waitFor();
    await expect
      .poll(async () => reportRow(rowOf('E150')).textContent())
      .toContain(`« ${e149.email} » figure déjà ligne ${rowOf('E149')}.`);
    await cardShot('fr-phone-10-directory-refused-duplicate');
    expect(digest()).toBe(before);

    // Half the file: syncing it would deactivate 150 of 300 people, more than 40 %. It stops and asks.
    await upload('moitie.csv', employees.slice(0, 150));
    await page.getByText('Beaucoup de personnes seraient désactivées').waitFor();
    await page.getByText(/Ce fichier désactiverait 150 des 300 personnes actives du groupe, plus de 40\s?%/).waitFor();
    const apply = page.getByRole('button', { name: w.apply });
    expect(await apply.isDisabled()).toBe(true);
    await page.getByLabel('Je confirme : désactiver ces 150 personnes').waitFor();
    await cardShot('fr-phone-11-directory-confirm-deactivation');
    // Applied without the confirmation (as an old page or a script would), it writes nothing either.
    const unconfirmed = await call<{ status: string }>('people.sync.commit', {
      groupId: groups.staff,
      csv: directoryCsv(employees.slice(0, 150)),
      confirmDeactivation: false,
    });
    expect(unconfirmed.status).toBe('needs_confirmation');
    expect(digest()).toBe(before);
  });

  it('launches a survey from a template to every active employee, and a survey of its own group', async () => {
    const w = WORDS.fr;
    const { page } = await admin('fr', 'desktop', '/console/surveys/new');
    await page.getByLabel(w.groupToSurvey).selectOption({ label: 'Équipe' });
    await page.getByRole('radio', { name: /^Engagement des collaborateurs/ }).check();
    await check(page, 'fr-desktop-12-new-survey');
    await page.getByRole('button', { name: w.createSurvey }).click();
    await page.getByRole('button', { name: w.schedule }).waitFor();
    surveyId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByLabel(w.waveName).fill('Printemps 2027');
    await page.getByRole('button', { name: w.schedule }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.openNow }).click();
    await page.getByRole('link', { name: w.manage }).click();
    await page.getByRole('button', { name: w.count }).click();
    await page
      .getByText('300 personnes sélectionnées : 300 seront invitées, 0 le sont déjà, 0 n’ont pas d’e-mail.')
      .waitFor();
    await shot(page, 'fr-desktop-13-wave-invite-count');
    await page.getByRole('button', { name: 'Inviter 300 personnes' }).click();
    await page.getByText('300 invitations envoyées.').waitFor();
    waveId = new URL(page.url()).pathname.split('/').pop() as string;
    await check(page, 'fr-desktop-14-wave-invited');
    expect(db.count('select count(*) as n from invitation where wave_id = ?', waveId)).toBe(300);

    // The group of its own has no template: a survey of one question, its invitees from a file.
    const created = await call<{ surveyId: string }>('surveys.create', {
      groupId: groups.alumni,
      title: { fr: 'Votre lien avec la coopérative', en: 'Your bond with the cooperative' },
      anonymous: true,
    });
    const [belonging] = db.query<{ id: string }>("select id from dimension where code = 'belonging'");
    await call('surveys.questions.save', {
      surveyId: created.surveyId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: belonging!.id,
          prompt: { fr: 'Je me sens toujours lié à la coopérative.', en: 'I still feel bound to the cooperative.' },
          options: null,
          required: true,
        },
      ],
    });
    const now = Date.now();
    alumniWave = (
      await call<{ waveId: string }>('surveys.waves.schedule', {
        surveyId: created.surveyId,
        label: 'Rencontre 2027',
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + 14 * 86_400_000).toISOString(),
      })
    ).waveId;
    await call('surveys.invitations.import', {
      waveId: alumniWave,
      csv: ['email,name,language', ...ALUMNI.map((a, i) => `${a.email},Alumnus ${i + 1},${a.language}`)].join('\n'),
    });
  });

  it('refuses to remove a dimension the open survey asks, and writes nothing', async () => {
    const { page } = await admin('en', 'desktop', '/console/model');
    const staff = page.getByRole('region', { name: 'Staff', exact: true });
    await staff.getByRole('button', { name: 'Remove Transparency' }).click();
    await page
      .getByRole('dialog')
      .getByText(`The open survey “Your experience at ${ORG}” asks this dimension: close its wave before removing it.`)
      .waitFor();
    await shot(page, 'en-desktop-15-model-dimension-in-open-survey');
    // Asked of the API directly, as an old page would: refused as a conflict, nothing archived.
    const transparency = db.query<{ id: string }>("select id from dimension where code = 'transparency'")[0]!.id;
    await expect(call('model.dimensions.remove', { dimensionId: transparency })).rejects.toThrow(/: 409 .*in_use/);
    expect(db.count("select count(*) as n from dimension where code = 'transparency' and archived_at is null")).toBe(1);
    // Nothing to confirm in the dialog: it only closes.
    await page.getByRole('dialog').getByRole('button', { name: WORDS.en.close, exact: true }).first().click();
  });

  it('eight employees and five alumni answer from the links of their e-mails, in their own portals', async () => {
    const answer = async (path: string, locale: Locale, viewport: ViewportName, name: string | null) => {
      const w = WORDS[locale];
      const { context, page } = await open(locale, viewport);
      await page.goto(path);
      await page.getByRole('progressbar').waitFor();
      if (name) await check(page, `${name}-1-invitation`);
      await answerEveryScreen(page, w);
      await page.getByRole('heading', { name: w.thanks }).waitFor();
      if (name) await shot(page, `${name}-2-thanks`);
      await context.close();
    };
    for (const [i, id] of RESPONDENTS.entries()) {
      const e = employees.find((x) => x.id === id)!;
      const link = db.invitationPath(server.baseUrl, 'staff', e.email);
      expect(link, e.email).toBeDefined();
      const viewport: ViewportName = i % 2 === 0 ? 'desktop' : 'phone';
      await answer(link as string, e.language, viewport, i < 2 ? `${e.language}-${viewport}-16-staff` : null);
      if (i === 0) {
        // One answer is fewer than k: the wave page says so, and neither the count nor the rate.
        const { page } = await admin('fr', 'desktop', `/console/surveys/${surveyId}/waves/${waveId}`);
        await page.getByText('moins de 5 réponses ·').waitFor();
        expect(await page.getByText('1 réponse').count()).toBe(0);
      }
    }
    expect(db.count('select count(*) as n from response where wave_id = ?', waveId)).toBe(8);
    for (const [i, a] of ALUMNI.entries()) {
      const link = db.invitationPath(server.baseUrl, 'alumni', a.email);
      expect(link, a.email).toBeDefined();
      const viewport: ViewportName = i % 2 === 0 ? 'phone' : 'desktop';
      await answer(link as string, a.language, viewport, i < 2 ? `${a.language}-${viewport}-17-alumni` : null);
    }
    expect(db.count('select count(*) as n from response where wave_id = ?', alumniWave)).toBe(5);
  });

  it('closes the waves; the console shows each figure with its n and withholds a department below k', async () => {
    const w = WORDS.en;
    const { page } = await admin('en', 'desktop', `/console/surveys/${surveyId}`);
    await page.getByRole('button', { name: w.close, exact: true }).click();
    await page.getByRole('button', { name: w.close, exact: true }).waitFor({ state: 'detached' });
    await call('surveys.waves.close', { waveId: alumniWave });

    await page.goto('/console/');
    const staff = page.getByRole('region', { name: 'Staff', exact: true });
    const lived = (region: typeof staff, dimension: string) =>
      region
        .getByRole('row', { name: new RegExp(`^${dimension}`) })
        .getByRole('cell')
        .nth(2);
    await expect
      .poll(async () => readScoreCell((await lived(staff, 'Transparency').textContent()) ?? ''))
      .toEqual({
        score: 100,
        n: 8,
      });
    const alumni = page.getByRole('region', { name: 'Alumni', exact: true });
    await expect
      .poll(async () => readScoreCell((await lived(alumni, 'Belonging').textContent()) ?? ''))
      .toEqual({
        score: 100,
        n: 5,
      });
    // A group with no wave yet: no data, not "not asked" of a survey it never had.
    const vendorsCell = lived(page.getByRole('region', { name: 'Vendors', exact: true }), 'Payment reliability');
    expect(await vendorsCell.textContent()).toContain('No data');
    expect(await vendorsCell.textContent()).not.toContain('Not asked');
    await check(page, 'en-desktop-18-overview');

    // By department: IT has two respondents, fewer than k = 5: no figure, only the reason.
    await page.goto('/console/groups');
    await page.getByLabel(w.group, { exact: true }).selectOption({ label: 'Staff' });
    await page.getByLabel(w.cutBy).selectOption({ label: 'Department' });
    const it = page.getByRole('row', { name: /^IT/ });
    await expect.poll(async () => (await it.textContent()) ?? '').toContain('fewer than 5 respondents');
    expect(await it.textContent()).not.toMatch(/n\s*=|\d{2}/);
    const whole = page.getByRole('row', { name: /^Whole group/ });
    expect(await whole.textContent()).toContain('8');
    await check(page, 'en-desktop-19-groups-by-department');

    const fr = await admin('fr', 'phone', '/console/');
    const équipe = fr.page.getByRole('region', { name: 'Équipe', exact: true });
    await expect
      .poll(async () => readScoreCell((await lived(équipe, 'Transparence').textContent()) ?? ''))
      .toEqual({ score: 100, n: 8 });
    await check(fr.page, 'fr-phone-20-overview');

    expectNoDemoData();
  });
});

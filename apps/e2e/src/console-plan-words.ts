import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations, sidewaysOverflow } from './browser.ts';

/** What the planning and operations browser tests read and click, in both languages, and how they sign in. */

export const PASSWORD = 'facets-demo';
export const DEMO = {
  leadership: 'leadership@demo.facets.test',
  hr: 'hr@demo.facets.test',
  admin: 'admin@demo.facets.test',
  analyst: 'analyst@demo.facets.test',
  manager: 'manager.it@demo.facets.test',
} as const;
export type DemoRole = keyof typeof DEMO;

export const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    nav: {
      overview: 'Overview',
      inbox: 'Feedback inbox',
      intended: 'Intended experience',
      initiatives: 'Initiatives',
      promises: 'Promises',
      people: 'People',
      settings: 'Settings',
    },
    readOnly: 'Read only',
    exportCsv: /^Export .* as CSV$/,
    shareholders: 'Shareholders',
    suppliers: 'Suppliers',
    listening: 'Listening',
    pair: 'Shareholders × Listening',
    statementFr: 'Statement (French)',
    statementEn: 'Statement (English)',
    target: 'Target (0–100)',
    targetInvalid: 'Enter a whole number from 0 to 100.',
    save: 'Save',
    clear: 'Clear',
    saved: 'Saved: Shareholders × Listening.',
    cleared: 'Cleared: Shareholders × Listening.',
    newInitiative: 'New initiative',
    titleFr: 'Title (French)',
    titleEn: 'Title (English)',
    ownerDepartment: 'Owner department',
    status: 'Status',
    active: 'Active',
    investorRelations: 'Investor relations',
    publish: 'Show in “You said, we did”',
    published: 'Published',
    edit: 'Edit',
    delete: 'Delete',
    deleteForGood: 'Delete for good',
    newPromise: 'New promise',
    group: 'Group',
    dimension: 'Dimension',
    channel: 'Channel',
    investorStory: 'Investor story',
    promiseFr: 'Promise (French)',
    promiseEn: 'Promise (English)',
    promiseSaved: 'Promise saved.',
    promiseDeleted: 'Promise deleted.',
    assignedTo: 'Assigned to',
    yourReply: 'Your reply',
    sendReply: 'Send reply',
    handledBy: 'Handled by Hélène Marchand',
    kThreshold: 'Respondents needed to show a score',
    thresholdInvalid: 'Enter a whole number from 3 to 100.',
    saveSettings: 'Save the settings',
    settingsSaved: 'Settings saved. Every page now follows them.',
    anonymity: (k: number) => `at least ${k} people answered`,
    invite: 'Invite someone',
    sendInvitation: 'Send the invitation',
    name: 'Name',
    inviteEmail: 'E-mail',
    role: 'Role',
    manager: 'Manager',
    department: 'Department',
    departmentRequired: 'Choose the department this manager sees.',
    invited: 'Invitation sent',
    remove: 'Remove',
    cancel: 'Cancel',
    newPassword: 'New password',
    confirmPassword: 'Confirm the password',
    savePassword: 'Save my password',
    tooShort: 'Use at least 8 characters.',
    linkExpired: 'This link has expired or has already been used.',
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    nav: {
      overview: 'Vue d’ensemble',
      inbox: 'Retours reçus',
      intended: 'Expérience voulue',
      initiatives: 'Initiatives',
      promises: 'Promesses',
      people: 'Personnes',
      settings: 'Réglages',
    },
    readOnly: 'Lecture seule',
    exportCsv: /^Exporter .* en CSV$/,
    shareholders: 'Actionnaires',
    suppliers: 'Fournisseurs',
    listening: 'Écoute',
    pair: 'Actionnaires × Écoute',
    statementFr: 'Énoncé (français)',
    statementEn: 'Énoncé (anglais)',
    target: 'Cible (0–100)',
    targetInvalid: 'Saisissez un nombre entier de 0 à 100.',
    save: 'Enregistrer',
    clear: 'Effacer',
    saved: 'Enregistré : Actionnaires × Écoute.',
    cleared: 'Effacé : Actionnaires × Écoute.',
    newInitiative: 'Nouvelle initiative',
    titleFr: 'Titre (français)',
    titleEn: 'Titre (anglais)',
    ownerDepartment: 'Service responsable',
    status: 'Statut',
    active: 'En cours',
    investorRelations: 'Relations investisseurs',
    publish: 'Afficher dans « Vous avez dit, nous avons fait »',
    published: 'Publiée',
    edit: 'Modifier',
    delete: 'Supprimer',
    deleteForGood: 'Supprimer définitivement',
    newPromise: 'Nouvelle promesse',
    group: 'Groupe',
    dimension: 'Dimension',
    channel: 'Canal',
    investorStory: 'Discours investisseurs',
    promiseFr: 'Promesse (français)',
    promiseEn: 'Promesse (anglais)',
    promiseSaved: 'Promesse enregistrée.',
    promiseDeleted: 'Promesse supprimée.',
    assignedTo: 'Attribué à',
    yourReply: 'Votre réponse',
    sendReply: 'Envoyer la réponse',
    handledBy: 'Suivi par Hélène Marchand',
    kThreshold: 'Répondants nécessaires pour afficher un score',
    thresholdInvalid: 'Saisissez un nombre entier de 3 à 100.',
    saveSettings: 'Enregistrer les réglages',
    settingsSaved: 'Réglages enregistrés. Toutes les pages les appliquent désormais.',
    anonymity: (k: number) => `au moins ${k} personnes ont répondu`,
    invite: 'Inviter quelqu’un',
    sendInvitation: 'Envoyer l’invitation',
    name: 'Nom',
    inviteEmail: 'E-mail',
    role: 'Rôle',
    manager: 'Manager',
    department: 'Service',
    departmentRequired: 'Choisissez le service que ce manager voit.',
    invited: 'Invitation envoyée',
    remove: 'Retirer',
    cancel: 'Annuler',
    newPassword: 'Nouveau mot de passe',
    confirmPassword: 'Confirmez le mot de passe',
    savePassword: 'Enregistrer mon mot de passe',
    tooShort: 'Utilisez au moins 8 caractères.',
    linkExpired: 'Ce lien a expiré ou a déjà servi.',
  },
} as const;
export type Locale = keyof typeof WORDS;
export type Words = (typeof WORDS)[Locale];

export { signIn } from './browser.ts';

/** Opens a console page from the main navigation, as a person would, and waits for its heading. */
export async function openPage(page: Page, w: Words, entry: keyof Words['nav']): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: w.nav[entry], exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** No serious or critical accessibility violation, and nothing wider than the screen. */
export async function expectClean(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await sidewaysOverflow(page)).toEqual([]);
}

/** Calls a tRPC mutation with the page's session, as a script in the browser could; resolves to the HTTP status. */
export async function mutationStatus(page: Page, path: string, input: unknown): Promise<number> {
  return page.evaluate(
    async ([p, body]) => {
      const response = await fetch(`/trpc/${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    [path, input] as const,
  );
}

/** Calls a tRPC query with the page's session; resolves to the HTTP status. */
export async function queryStatus(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => (await fetch(`/trpc/${p}`)).status, path);
}

import { createDb, type Db, issueInvitations, newId } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';

/** What the portal stories need to know of the product: its words, its portals, and the demo database. */

export type Locale = 'fr' | 'en';
export type Group = 'employee' | 'supplier' | 'customer' | 'shareholder';

export const ORG = 'demo-org';
export const PASSWORD = 'facets-demo';
export const HR_MEMBER = 'demo-member-hr';

export const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    next: 'Next',
    back: 'Back',
    submit: 'Submit',
    thanks: 'Thank you!',
    required: 'Please answer this question to continue.',
    pasteRefused: /Not pasted: your text would have 10,485,760 characters/,
    tooLong: /Your text has 5,001 characters/,
    tooLarge: 'What you sent is too large (the limit is 1 MB).',
    network: 'We could not reach Facets.',
    used: 'You have already answered',
    expired: 'This invitation has expired',
    invalid: 'This link does not work',
    giveFeedback: 'Give feedback',
    myFeedback: 'My feedback',
    results: 'You said, we did',
    rules: 'Reporting rules',
    rulesHeading: 'Who sees what',
    did: 'What we are doing',
    suggestion: 'Suggestion',
    yourFeedback: 'Your feedback',
    sendFeedback: 'Send feedback',
    feedbackSent: 'Thank you, your feedback has been sent.',
    withoutName: 'Send without my name',
    yourReply: 'Your reply',
    sendReply: 'Send reply',
    replySent: 'Your reply has been sent.',
    useLink: 'Email me a sign-in link instead',
    sendLink: 'Email me a link',
    linkSent: 'Check your email',
    step: (n: number) => new RegExp(`^Step ${n} of \\d+$`),
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    next: 'Suivant',
    back: 'Précédent',
    submit: 'Envoyer',
    thanks: 'Merci !',
    required: 'Veuillez répondre à cette question pour continuer.',
    pasteRefused: /Rien n’a été collé : votre texte compterait 10\s485\s760 caractères/,
    tooLong: /Votre texte compte 5\s001 caractères/,
    tooLarge: 'Votre envoi est trop volumineux (la limite est de 1 Mo).',
    network: 'Impossible de joindre Facets.',
    used: 'Vous avez déjà répondu',
    expired: 'Cette invitation a expiré',
    invalid: 'Ce lien ne fonctionne pas',
    giveFeedback: 'Donner un avis',
    myFeedback: 'Mes retours',
    results: 'Vous avez dit, nous avons fait',
    rules: 'Règles de diffusion',
    rulesHeading: 'Qui voit quoi',
    did: 'Ce que nous faisons',
    suggestion: 'Suggestion',
    yourFeedback: 'Votre avis',
    sendFeedback: 'Envoyer mon avis',
    feedbackSent: 'Merci, votre avis a bien été envoyé.',
    withoutName: 'Envoyer sans mon nom',
    yourReply: 'Votre réponse',
    sendReply: 'Envoyer la réponse',
    replySent: 'Votre réponse a été envoyée.',
    useLink: 'Recevoir plutôt un lien de connexion par e-mail',
    sendLink: 'Recevoir un lien',
    linkSent: 'Consultez vos e-mails',
    step: (n: number) => new RegExp(`^Étape ${n} sur \\d+$`),
  },
} as const;
export type Words = (typeof WORDS)[Locale];

/** Each portal: its sign-in, the wave its invitations point to, and what its people write. */
export const PORTALS: Record<
  Group,
  { path: string; email: string; waveId: string; company?: string; reference?: string; anonymousFeedback: boolean }
> = {
  employee: {
    path: '/employee/',
    email: 'employee@demo.facets.test',
    waveId: 'demo-wave-employee-onboarding-1',
    anonymousFeedback: true,
  },
  supplier: {
    path: '/supplier/',
    email: 'supplier@demo.facets.test',
    waveId: 'demo-wave-supplier-5',
    company: 'Atelier Durand',
    reference: 'FAC-2026-0412',
    anonymousFeedback: false,
  },
  customer: {
    path: '/customer/',
    email: 'customer@demo.facets.test',
    waveId: 'demo-wave-customer-interaction-1',
    reference: 'CMD-88412',
    anonymousFeedback: false,
  },
  shareholder: {
    path: '/shareholder/',
    email: 'shareholder@demo.facets.test',
    waveId: 'demo-wave-shareholder-5',
    anonymousFeedback: false,
  },
};

/** Each portal's name for the reference of a feedback (portal-kit README). */
export const REFERENCE_LABELS: Record<Group, Record<Locale, string>> = {
  employee: { en: 'Request or ticket number', fr: 'N° de demande ou de ticket' },
  supplier: { en: 'Order or invoice number', fr: 'N° de commande ou de facture' },
  customer: { en: 'Order number', fr: 'N° de commande' },
  shareholder: { en: 'Document or meeting reference', fr: 'Référence du document ou de l’assemblée' },
};

let db: Db | undefined;
export function database(url: string): Db {
  db ??= createDb(url);
  return db;
}

/** A new stakeholder of the group, invited to the portal's wave, as the console's invitations would do. */
export async function invite(
  url: string,
  group: Group,
  options: { expiresAt?: string; now?: string } = {},
): Promise<{ token: string; stakeholderId: string }> {
  const d = database(url).db;
  const person = await addStakeholder(
    d,
    { organizationId: ORG, now: new Date().toISOString() },
    {
      groupId: `demo-group-${group}`,
      segments: {},
      ...(PORTALS[group].company ? { company: PORTALS[group].company } : {}),
    },
  );
  const [issued] = await issueInvitations(d, {
    organizationId: ORG,
    waveId: PORTALS[group].waveId,
    stakeholderIds: [person.id],
    expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
    now: options.now ?? new Date().toISOString(),
    newId,
  });
  return { token: issued!.token, stakeholderId: person.id };
}

export async function responsesOf(url: string, waveId: string): Promise<number> {
  const row = await database(url)
    .db.selectFrom('response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', ORG)
    .where('wave_id', '=', waveId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

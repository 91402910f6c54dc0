import type { Locale, StaffRole } from '@facets/domain';

/** The messages the API writes to staff, in the organisation's language (the console itself speaks both). */

const ROLE_NAMES: Record<Locale, Record<StaffRole, string>> = {
  en: {
    admin: 'administrator',
    leadership: 'leadership',
    hr: 'HR',
    manager: 'manager',
    analyst: 'analyst (read-only)',
  },
  fr: {
    admin: 'administrateur',
    leadership: 'direction',
    hr: 'RH',
    manager: 'manager',
    analyst: 'analyste (lecture seule)',
  },
};

export interface InvitationMessage {
  subject: string;
  body: string;
}

/** The console page where a token becomes a password. */
export const setPasswordLink = (baseUrl: string, token: string) =>
  `${baseUrl}/console/set-password?token=${encodeURIComponent(token)}`;

export function invitationMessage(args: {
  locale: Locale;
  organizationName: string;
  name: string;
  invitedBy: string;
  role: StaffRole;
  link: string;
  expiresAt: string;
}): InvitationMessage {
  const role = ROLE_NAMES[args.locale][args.role];
  const until = new Intl.DateTimeFormat(args.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(args.expiresAt));
  if (args.locale === 'fr') {
    return {
      subject: `Invitation à la console Facets de ${args.organizationName}`,
      body: [
        `Bonjour ${args.name},`,
        '',
        `${args.invitedBy} vous invite à rejoindre la console Facets de ${args.organizationName} avec le rôle ${role}.`,
        'Choisissez votre mot de passe en suivant ce lien :',
        args.link,
        '',
        `Ce lien ne sert qu’une fois et expire le ${until}. Si vous n’attendiez pas cette invitation, ignorez ce message.`,
      ].join('\n'),
    };
  }
  return {
    subject: `Invitation to the Facets console of ${args.organizationName}`,
    body: [
      `Hello ${args.name},`,
      '',
      `${args.invitedBy} invites you to the Facets console of ${args.organizationName} as ${role}.`,
      'Choose your password with this link:',
      args.link,
      '',
      `The link works once and expires on ${until}. If you were not expecting this invitation, ignore this message.`,
    ].join('\n'),
  };
}

/** The texts of the e-mails the server itself writes, in both product languages. */

export type MailLanguage = 'fr' | 'en';

export function mailLanguage(value: unknown, fallback: string): MailLanguage {
  if (value === 'fr' || value === 'en') return value;
  return fallback === 'fr' ? 'fr' : 'en';
}

export function signInMessage(args: { lang: MailLanguage; organizationName: string; url: string; minutes: number }) {
  const { organizationName: org, url, minutes } = args;
  if (args.lang === 'fr') {
    return {
      subject: `Votre lien de connexion à l’espace ${org}`,
      body: [
        'Bonjour,',
        '',
        `Voici votre lien pour vous connecter à votre espace ${org} sur Facets :`,
        url,
        '',
        `Ce lien fonctionne une seule fois, pendant ${minutes} minutes.`,
        'Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.',
      ].join('\n'),
    };
  }
  return {
    subject: `Your sign-in link for ${org}`,
    body: [
      'Hello,',
      '',
      `Here is your link to sign in to your ${org} space on Facets:`,
      url,
      '',
      `The link works once, for ${minutes} minutes.`,
      'If you did not ask for it, ignore this message: nobody can sign in without the link.',
    ].join('\n'),
  };
}

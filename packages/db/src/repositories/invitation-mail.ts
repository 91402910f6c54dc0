import type { Locale, LocalizedText } from '@facets/domain';

/** The invitation e-mail, in the person's language, with its link (invitations.ts `invitationLink`). */

export interface InvitationMailInput {
  locale: Locale;
  organizationName: string;
  personName: string;
  surveyTitle: LocalizedText;
  anonymous: boolean;
  opensAt: string;
  closesAt: string | null;
  now: string;
  link: string;
}

const day = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );

export function invitationMail(input: InvitationMailInput): { subject: string; body: string } {
  const { locale, organizationName: org, personName: name, link } = input;
  const title = input.surveyTitle[locale];
  const opensLater = input.opensAt > input.now;
  if (locale === 'fr') {
    const when = [
      opensLater ? `L’enquête ouvre le ${day(input.opensAt, 'fr')}.` : null,
      input.closesAt ? `Vous pouvez répondre jusqu’au ${day(input.closesAt, 'fr')}.` : null,
    ].filter(Boolean);
    return {
      subject: `${org} : votre avis compte – ${title}`,
      body: [
        `Bonjour ${name},`,
        '',
        `${org} vous invite à répondre à l’enquête « ${title} ».`,
        input.anonymous
          ? 'Vos réponses sont anonymes : elles ne seront jamais reliées à votre nom.'
          : 'Vos réponses sont confidentielles : elles ne sont présentées que regroupées avec celles d’autres participants.',
        '',
        `Répondre à l’enquête : ${link}`,
        '',
        ...when,
        'Ce lien vous est personnel et ne sert qu’une fois : merci de ne pas le transférer.',
        '',
        org,
      ].join('\n'),
    };
  }
  const when = [
    opensLater ? `The survey opens on ${day(input.opensAt, 'en')}.` : null,
    input.closesAt ? `You can answer until ${day(input.closesAt, 'en')}.` : null,
  ].filter(Boolean);
  return {
    subject: `${org}: your view counts – ${title}`,
    body: [
      `Hello ${name},`,
      '',
      `${org} invites you to answer the survey “${title}”.`,
      input.anonymous
        ? 'Your answers are anonymous: they will never be linked to your name.'
        : 'Your answers are confidential: they are only reported together with those of other participants.',
      '',
      `Answer the survey: ${link}`,
      '',
      ...when,
      'This link is personal and works once: please do not forward it.',
      '',
      org,
    ].join('\n'),
  };
}

import type { Locale, LocalizedText } from '@facets/domain';

/**
 * The reminder e-mail, in the person's language, with a fresh invitation link. It says only what the invitation
 * said: never how many have answered, nor who.
 */

export interface ReminderMailInput {
  locale: Locale;
  organizationName: string;
  personName: string;
  surveyTitle: LocalizedText;
  anonymous: boolean;
  closesAt: string | null;
  link: string;
  /** Turns reminders off for this person (notifications/unsubscribe.ts). */
  unsubscribe: string;
}

const day = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );

export function reminderMail(input: ReminderMailInput): { subject: string; body: string } {
  const { locale, organizationName: org, personName: name, link } = input;
  const title = input.surveyTitle[locale];
  if (locale === 'fr') {
    return {
      subject: `Rappel – ${org} : ${title}`,
      body: [
        `Bonjour ${name},`,
        '',
        `${org} vous a invité·e à répondre à l’enquête « ${title} », et il est encore temps de le faire.`,
        input.anonymous
          ? 'Vos réponses sont anonymes : elles ne seront jamais reliées à votre nom.'
          : 'Vos réponses sont confidentielles : elles ne sont présentées que regroupées avec celles d’autres participants.',
        '',
        `Répondre à l’enquête : ${link}`,
        '',
        ...(input.closesAt ? [`Vous pouvez répondre jusqu’au ${day(input.closesAt, 'fr')}.`] : []),
        'Ce lien remplace celui du message précédent ; il vous est personnel et ne sert qu’une fois.',
        '',
        org,
        '',
        '—',
        `Ne plus recevoir de relances : ${input.unsubscribe}`,
      ].join('\n'),
    };
  }
  return {
    subject: `Reminder – ${org}: ${title}`,
    body: [
      `Hello ${name},`,
      '',
      `${org} invited you to answer the survey “${title}”, and there is still time to do so.`,
      input.anonymous
        ? 'Your answers are anonymous: they will never be linked to your name.'
        : 'Your answers are confidential: they are only reported together with those of other participants.',
      '',
      `Answer the survey: ${link}`,
      '',
      ...(input.closesAt ? [`You can answer until ${day(input.closesAt, 'en')}.`] : []),
      'This link replaces the one in the earlier message; it is personal and works once.',
      '',
      org,
      '',
      '—',
      `Stop receiving reminders: ${input.unsubscribe}`,
    ].join('\n'),
  };
}

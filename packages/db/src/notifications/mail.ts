import type { FeedbackStatus, Locale, LocalizedText } from '@facets/domain';

/**
 * The optional e-mails, in the recipient's language. Each ends with the link that turns its kind off. None carries
 * what its reader could not see in the console or the portal: no feedback text (it is read where it is handled), no
 * figure below k.
 */

type Mail = { subject: string; body: string };

const footer = (locale: Locale, unsubscribe: string) =>
  locale === 'fr'
    ? ['', '—', `Ne plus recevoir ces messages : ${unsubscribe}`]
    : ['', '—', `Stop receiving these messages: ${unsubscribe}`];

const STATUS: Record<FeedbackStatus, { fr: string; en: string }> = {
  received: { fr: 'reçu', en: 'received' },
  acknowledged: { fr: 'pris en compte', en: 'acknowledged' },
  in_progress: { fr: 'en cours de traitement', en: 'in progress' },
  resolved: { fr: 'résolu', en: 'resolved' },
};

/** To a stakeholder about feedback they gave under their name. */
export function feedbackUpdateMail(args: {
  locale: Locale;
  organizationName: string;
  personName: string;
  change: { kind: 'reply' } | { kind: 'status'; status: FeedbackStatus };
  link: string;
  unsubscribe: string;
}): Mail {
  const { locale, organizationName: org, personName: name, link } = args;
  const status = args.change.kind === 'status' ? STATUS[args.change.status] : null;
  if (locale === 'fr') {
    return {
      subject: status ? `${org} : votre retour est ${status.fr}` : `${org} a répondu à votre retour`,
      body: [
        `Bonjour ${name},`,
        '',
        status
          ? `Le retour que vous avez donné à ${org} est désormais ${status.fr}.`
          : `${org} a répondu au retour que vous avez donné.`,
        `Le lire dans votre espace : ${link}`,
        ...footer('fr', args.unsubscribe),
      ].join('\n'),
    };
  }
  return {
    subject: status ? `${org}: your feedback is ${status.en}` : `${org} replied to your feedback`,
    body: [
      `Hello ${name},`,
      '',
      status ? `The feedback you gave ${org} is now ${status.en}.` : `${org} replied to the feedback you gave.`,
      `Read it in your space: ${link}`,
      ...footer('en', args.unsubscribe),
    ].join('\n'),
  };
}

/** To those who handle feedback: some has arrived (its text is read in the inbox). */
export function feedbackArrivedMail(args: {
  locale: Locale;
  organizationName: string;
  groupLabel: LocalizedText;
  link: string;
  unsubscribe: string;
}): Mail {
  const group = args.groupLabel[args.locale];
  if (args.locale === 'fr') {
    return {
      subject: `${args.organizationName} : un nouveau retour (${group})`,
      body: [
        'Bonjour,',
        '',
        `Un nouveau retour est arrivé de la part du groupe « ${group} ».`,
        `Le lire dans la boîte de réception : ${args.link}`,
        ...footer('fr', args.unsubscribe),
      ].join('\n'),
    };
  }
  return {
    subject: `${args.organizationName}: new feedback (${group})`,
    body: [
      'Hello,',
      '',
      `New feedback has arrived from the group “${group}”.`,
      `Read it in the inbox: ${args.link}`,
      ...footer('en', args.unsubscribe),
    ].join('\n'),
  };
}

/** To those who answer feedback: named feedback has waited `days` days without a reply (its text is read in the inbox). */
export function feedbackWaitingMail(args: {
  locale: Locale;
  organizationName: string;
  groupLabel: LocalizedText;
  days: number;
  link: string;
  unsubscribe: string;
}): Mail {
  const group = args.groupLabel[args.locale];
  if (args.locale === 'fr') {
    return {
      subject: `${args.organizationName} : un retour attend une réponse (${group})`,
      body: [
        'Bonjour,',
        '',
        `Un retour du groupe « ${group} » attend une réponse depuis ${args.days} jours.`,
        `Le lire et y répondre dans la boîte de réception : ${args.link}`,
        ...footer('fr', args.unsubscribe),
      ].join('\n'),
    };
  }
  return {
    subject: `${args.organizationName}: feedback is waiting for a reply (${group})`,
    body: [
      'Hello,',
      '',
      `Feedback from the group “${group}” has waited ${args.days} days for a reply.`,
      `Read and answer it in the inbox: ${args.link}`,
      ...footer('en', args.unsubscribe),
    ].join('\n'),
  };
}

/** To leadership and managers: a wave's results are published. `respondents` only when shown (from k on). */
export function resultsDigestMail(args: {
  locale: Locale;
  organizationName: string;
  surveyTitle: LocalizedText;
  waveLabel: string;
  respondents: number | null;
  link: string;
  unsubscribe: string;
}): Mail {
  const title = args.surveyTitle[args.locale];
  const n = args.respondents;
  if (args.locale === 'fr') {
    return {
      subject: `${args.organizationName} : les résultats de « ${title} » (${args.waveLabel}) sont publiés`,
      body: [
        'Bonjour,',
        '',
        `Les résultats de l’enquête « ${title} », vague ${args.waveLabel}, sont publiés.`,
        n === null
          ? 'Trop peu de personnes ont répondu pour que les résultats du groupe entier soient montrés.'
          : `${new Intl.NumberFormat('fr-FR').format(n)} personnes ont répondu.`,
        `Les lire dans la console : ${args.link}`,
        ...footer('fr', args.unsubscribe),
      ].join('\n'),
    };
  }
  return {
    subject: `${args.organizationName}: results of “${title}” (${args.waveLabel}) are published`,
    body: [
      'Hello,',
      '',
      `The results of the survey “${title}”, wave ${args.waveLabel}, are published.`,
      n === null
        ? 'Too few people answered for the whole group’s results to be shown.'
        : `${new Intl.NumberFormat('en-GB').format(n)} people answered.`,
      `Read them in the console: ${args.link}`,
      ...footer('en', args.unsubscribe),
    ].join('\n'),
  };
}

/** To an organisation's admins: a webhook was paused after a day of failed deliveries. Not optional: no footer. */
export function webhookPausedMail(args: { locale: Locale; organizationName: string; url: string; link: string }): Mail {
  const { organizationName: org, url, link } = args;
  if (args.locale === 'fr') {
    return {
      subject: `${org} : un webhook a été mis en pause`,
      body: [
        'Bonjour,',
        '',
        `Les envois vers ${url} échouent depuis 24 heures : ce webhook est en pause et ne reçoit plus d'événements.`,
        `Voir l'historique des envois et le réactiver : ${link}`,
      ].join('\n'),
    };
  }
  return {
    subject: `${org}: a webhook was paused`,
    body: [
      'Hello,',
      '',
      `Deliveries to ${url} have failed for 24 hours: this webhook is paused and receives no more events.`,
      `See its delivery history and resume it: ${link}`,
    ].join('\n'),
  };
}

/**
 * To admins: messages of the organisation that could not be delivered since they were last told. Counts only, and
 * the page where they are listed: the recipients and subjects stay in the console.
 */
export function deliveryFailedMail(args: {
  locale: Locale;
  organizationName: string;
  bounced: number;
  failed: number;
  link: string;
  unsubscribe: string;
}): Mail {
  const { bounced, failed } = args;
  const total = bounced + failed;
  if (args.locale === 'fr') {
    const n = new Intl.NumberFormat('fr-FR');
    return {
      subject: `${args.organizationName} : ${total === 1 ? 'un e-mail n’a pas pu être remis' : `${n.format(total)} e-mails n’ont pas pu être remis`}`,
      body: [
        'Bonjour,',
        '',
        total === 1
          ? 'Un e-mail de votre organisation n’a pas pu être remis à son destinataire.'
          : `${n.format(total)} e-mails de votre organisation n’ont pas pu être remis à leurs destinataires.`,
        ...(bounced > 0
          ? [`Refusés par le serveur du destinataire (adresse inconnue ou refusée) : ${n.format(bounced)}.`]
          : []),
        ...(failed > 0 ? [`Abandonnés après plusieurs essais : ${n.format(failed)}.`] : []),
        '',
        `Les voir et les renvoyer : ${args.link}`,
        ...footer('fr', args.unsubscribe),
      ].join('\n'),
    };
  }
  const n = new Intl.NumberFormat('en-GB');
  return {
    subject: `${args.organizationName}: ${total === 1 ? 'an e-mail could not be delivered' : `${n.format(total)} e-mails could not be delivered`}`,
    body: [
      'Hello,',
      '',
      total === 1
        ? 'An e-mail of your organisation could not be delivered to its recipient.'
        : `${n.format(total)} e-mails of your organisation could not be delivered to their recipients.`,
      ...(bounced > 0 ? [`Refused by the recipient’s server (unknown or refused address): ${n.format(bounced)}.`] : []),
      ...(failed > 0 ? [`Given up after several attempts: ${n.format(failed)}.`] : []),
      '',
      `See them and send them again: ${args.link}`,
      ...footer('en', args.unsubscribe),
    ].join('\n'),
  };
}

/**
 * To an organisation's admins: a provisioning client (SCIM) asked to deactivate more of a group's people within the
 * hour than the deactivation limit allows, and was refused. Names the key and the group, never a person.
 */
export function scimLimitMail(args: {
  locale: Locale;
  organizationName: string;
  keyName: string;
  group: string;
  percent: number;
  link: string;
}): Mail {
  const { organizationName: org, keyName, group, percent, link } = args;
  if (args.locale === 'fr') {
    return {
      subject: `${org} : des désactivations par SCIM ont été refusées`,
      body: [
        'Bonjour,',
        '',
        `La clé « ${keyName} » a demandé de désactiver plus de ${percent} % des personnes actives du groupe ${group} en une heure : Facets a refusé les désactivations au-delà de cette limite.`,
        'Vérifiez la configuration du fournisseur d’identité (attributions, filtres) ; pour des départs réels, confirmez une synchronisation du fichier de l’annuaire, ou désactivez les personnes une à une par l’API REST.',
        `Annuaire du groupe : ${link}`,
      ].join('\n'),
    };
  }
  return {
    subject: `${org}: SCIM deactivations were refused`,
    body: [
      'Hello,',
      '',
      `The key "${keyName}" asked to deactivate more than ${percent} % of the active people of the group ${group} within an hour: Facets refused the deactivations past that limit.`,
      "Check the identity provider's configuration (assignments, filters); for real departures, confirm a sync of the directory file, or deactivate the people one by one through the REST API.",
      `The group's directory: ${link}`,
    ].join('\n'),
  };
}

import { formatNumber, type Language, pickText, useLang, useMe } from '@facets/portal-kit';
import type { BadgeTone } from '@facets/ui';
import type { SurveySummary, WaveSummary } from './api.ts';

export const STATUS_TONE: Record<SurveySummary['status'], BadgeTone> = {
  draft: 'neutral',
  open: 'success',
  closed: 'info',
};

export const STATE_TONE: Record<WaveSummary['state'], BadgeTone> = {
  draft: 'neutral',
  scheduled: 'warning',
  open: 'success',
  closed: 'info',
};

/** "42 % (21 of 50)", or the count alone while nobody is invited. */
export function useRateText(): (wave: Pick<WaveSummary, 'invited' | 'responses'>) => string {
  const { t, lang } = useLang();
  const k = useMe().data?.organization.kThreshold ?? 5;
  return (wave) => rateText(t, lang, wave, k);
}

function rateText(
  t: ReturnType<typeof useLang>['t'],
  lang: Language,
  wave: Pick<WaveSummary, 'invited' | 'responses'>,
  k: number,
): string {
  // Fewer than k responses: no count is said, to anyone (domain countFromK).
  if (wave.responses === null) {
    return wave.invited === 0
      ? t('surveyConsole.rateFewNone', { k })
      : t('surveyConsole.rateFew', { k, invited: formatNumber(wave.invited, lang) });
  }
  if (wave.invited === 0) {
    return t('surveyConsole.rateNone', { count: wave.responses, responses: formatNumber(wave.responses, lang) });
  }
  const rate = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(
    Math.min(1, wave.responses / wave.invited),
  );
  return t('surveyConsole.rateValue', {
    rate,
    responses: formatNumber(wave.responses, lang),
    invited: formatNumber(wave.invited, lang),
  });
}

export function surveyTitle(survey: Pick<SurveySummary, 'title'>, lang: Language): string {
  return pickText(survey.title, lang);
}

import { MAX_REMINDERS } from '@facets/domain';
import { errorCode, refusalOf, useErrorMessage, useLang } from '@facets/portal-kit';

/** The input field the server named in a refusal ('questions.2.dimensionId'), or ''. */
export function errorField(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  // tRPC client errors carry the server's error data, which names the field.
  const field = (error as { data?: { field?: unknown } | null }).data?.field;
  return typeof field === 'string' ? field : '';
}

/** The question a refusal is about (0-based), when it names one. */
export function questionIndexOf(error: unknown): number | null {
  const match = /^questions\.(\d+)\./.exec(errorField(error));
  return match ? Number(match[1]) : null;
}

/**
 * Survey refusals in the reader's language: the server names the field (and says why in English); the console says
 * it in French or English from the field and the code, and falls back to the shared wording.
 */
export function useSurveyError(): (error: unknown) => string {
  const { t } = useLang();
  const generic = useErrorMessage();
  return (error) => {
    const code = errorCode(error);
    const field = errorField(error);
    const question = /^questions\.(\d+)\.(\w+)/.exec(field);
    if (question) {
      const n = Number(question[1]) + 1;
      const part = question[2];
      if (part === 'dimensionId') return t('surveyConsole.errors.dimensionId', { n });
      if (part === 'scale') return t('surveyConsole.errors.scale', { n });
      if (part === 'facet') return t('surveyConsole.errors.facet', { n });
      if (part === 'options') return t('surveyConsole.errors.options', { n });
      if (part === 'prompt') return t('surveyConsole.errors.prompt', { n });
      return t('surveyConsole.errors.question', { n });
    }
    if (field === 'questions')
      return code === 'CONFLICT' ? t('surveyConsole.errors.locked') : t('surveyConsole.errors.questions');
    if (field.startsWith('title')) return t('surveyConsole.errors.title');
    if (field.startsWith('intro')) return t('surveyConsole.errors.intro');
    if (field === 'anonymous') return t('surveyConsole.errors.anonymous');
    if (field.startsWith('dimensionChoices.')) {
      return t('surveyConsole.errors.dimensionChoice', { code: field.slice('dimensionChoices.'.length) });
    }
    if (field === 'opensAt')
      return code === 'CONFLICT' ? t('surveyConsole.errors.overlap') : t('surveyConsole.errors.opensAtPast');
    if (field === 'closesAt') return t('surveyConsole.errors.closesAt');
    if (field === 'label') return t('surveyConsole.errors.label');
    if (field === 'surveyId' && code === 'BAD_REQUEST') return t('surveyConsole.errors.noQuestions');
    if (field === 'waveId' && code === 'CONFLICT') return t('surveyConsole.errors.waveState');
    if (field === 'csv') return t('surveyConsole.errors.csv');
    if (field === 'primarySegmentKey') {
      return code === 'CONFLICT'
        ? t('surveyConsole.errors.primaryBreakdownPublished')
        : t('surveyConsole.errors.primaryBreakdown');
    }
    if (field === 'period')
      return refusalOf(error).reason === 'in_use'
        ? t('surveyConsole.errors.periodInUse')
        : t('surveyConsole.errors.period');
    if (field.startsWith('cadence.audience')) return t('surveyConsole.errors.cadenceAudience');
    if (field === 'cadence') return t('surveyConsole.errors.cadence');
    if (field.startsWith('trigger')) return t('surveyConsole.errors.trigger');
    if (field.startsWith('afterOpening') || field.startsWith('beforeClosing'))
      return t('surveyConsole.errors.reminders', { max: MAX_REMINDERS });
    if (field === 'programmeSurveyId') {
      return code === 'CONFLICT' ? t('surveyConsole.errors.programmeMembers') : t('surveyConsole.errors.programme');
    }
    return generic(error);
  };
}

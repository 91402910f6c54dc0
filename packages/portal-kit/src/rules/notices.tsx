import { useLang } from '../i18n/useLang.ts';
import { Link } from '../router.tsx';

/**
 * The first screen's statement of a survey's mode — anonymous or confidential — in one sentence, with a link to the
 * reporting rules. A plain note (no live region): it is part of the page, not news.
 */
export function SurveyModeNotice({ anonymous, k, rulesTo }: { anonymous: boolean; k: number; rulesTo: string }) {
  const { t } = useLang();
  return (
    <section className="fx-alert fx-alert--info" aria-labelledby="survey-mode-title">
      <p className="fx-alert__title" id="survey-mode-title">
        {anonymous ? t('mode.anonymousTitle') : t('mode.confidentialTitle')}
      </p>
      <p>{anonymous ? t('mode.anonymous') : t('mode.confidential', { k })}</p>
      <p>
        <Link to={rulesTo}>{t('mode.rulesLink')}</Link>
      </p>
    </section>
  );
}

/**
 * Beside a comment box: the text itself can identify its author (and a reference, where the form has one). `id` is
 * for the box's aria-describedby.
 */
export function TextWarning({ id, reference = false }: { id: string; reference?: boolean }) {
  const { t } = useLang();
  return (
    <div className="fx-alert fx-alert--warning" id={id}>
      <p className="fx-alert__title">{t('textWarning.title')}</p>
      <p>{t('textWarning.body')}</p>
      {reference ? <p>{t('textWarning.reference')}</p> : null}
    </div>
  );
}

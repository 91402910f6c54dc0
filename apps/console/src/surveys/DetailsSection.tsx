import { useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, TextArea, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { trimmed } from '../forms/BilingualFields.tsx';
import { useOrgLanguages } from '../forms/languages.ts';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

/** Title, introduction and mode (anonymous or confidential); the mode is fixed once a wave was launched. */
export function DetailsSection({ survey, canBuild, k }: { survey: SurveyDetail; canBuild: boolean; k: number }) {
  const { t } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const [title, setTitle] = useState(survey.title);
  const [intro, setIntro] = useState(survey.intro ?? { fr: '', en: '' });
  const [anonymous, setAnonymous] = useState(survey.anonymous);
  const update = useMutation(
    trpc.surveys.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.surveys.pathFilter()) }),
  );
  const launched = survey.waves.length > 0;
  const disabled = !canBuild;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hasIntro = languages.some((l) => intro[l].trim() !== '');
    update.mutate({
      surveyId: survey.id,
      title: trimmed(title, languages),
      intro: hasIntro ? trimmed(intro, languages) : null,
      anonymous,
    });
  };

  return (
    <Card title={t('surveyConsole.editor.details')} titleAs="h2">
      <form className="fx-stack" onSubmit={submit} noValidate>
        <div className="fx-survey-grid fx-survey-grid--two">
          {languages.includes('fr') ? (
            <TextInput
              label={t('surveyConsole.editor.titleFr')}
              lang="fr"
              value={title.fr}
              maxLength={200}
              disabled={disabled}
              onChange={(e) => setTitle({ ...title, fr: e.currentTarget.value })}
            />
          ) : null}
          {languages.includes('en') ? (
            <TextInput
              label={t('surveyConsole.editor.titleEn')}
              lang="en"
              value={title.en}
              maxLength={200}
              disabled={disabled}
              onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })}
            />
          ) : null}
        </div>
        <div className="fx-survey-grid fx-survey-grid--two">
          {languages.includes('fr') ? (
            <TextArea
              label={t('surveyConsole.editor.introFr')}
              lang="fr"
              rows={4}
              value={intro.fr}
              maxLength={2000}
              disabled={disabled}
              onChange={(e) => setIntro({ ...intro, fr: e.currentTarget.value })}
            />
          ) : null}
          {languages.includes('en') ? (
            <TextArea
              label={t('surveyConsole.editor.introEn')}
              lang="en"
              rows={4}
              value={intro.en}
              maxLength={2000}
              disabled={disabled}
              onChange={(e) => setIntro({ ...intro, en: e.currentTarget.value })}
            />
          ) : null}
        </div>
        <fieldset className="fx-survey-options" disabled={disabled || launched}>
          <legend className="fx-label">{t('surveyConsole.editor.mode')}</legend>
          <p className="fx-hint">{t('surveyConsole.editor.modeHint')}</p>
          <label className="fx-survey-check">
            <input type="radio" name={`mode-${survey.id}`} checked={anonymous} onChange={() => setAnonymous(true)} />
            <span>
              <strong>{t('surveyConsole.editor.modeAnonymous')}</strong> {t('surveyConsole.editor.modeAnonymousHint')}
            </span>
          </label>
          <label className="fx-survey-check">
            <input type="radio" name={`mode-${survey.id}`} checked={!anonymous} onChange={() => setAnonymous(false)} />
            <span>
              <strong>{t('surveyConsole.editor.modeConfidential')}</strong>{' '}
              {t('surveyConsole.editor.modeConfidentialHint', { k })}
            </span>
          </label>
        </fieldset>
        {launched ? <p className="fx-hint">{t('surveyConsole.editor.anonymousLocked')}</p> : null}
        {update.isError ? <Alert tone="error">{surveyError(update.error)}</Alert> : null}
        {update.isSuccess ? <Alert tone="success">{t('surveyConsole.editor.saved')}</Alert> : null}
        {canBuild ? (
          <div>
            <Button type="submit" busy={update.isPending}>
              {t('surveyConsole.editor.saveDetails')}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

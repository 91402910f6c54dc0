import { ErrorAlert, Link, pickText, useLang, useRouter, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, Loading, PageHeader, Select, TextInput } from '@facets/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { TemplatePreview } from './api.ts';
import { useSurveyError } from './errors.ts';
import './surveys.css';
import { trimmed } from '../forms/BilingualFields.tsx';
import { useOrgLanguages } from '../forms/languages.ts';

const BLANK = 'blank';
const DROP = '';

/** Creating a survey: the group, then a template of that group's kind (with its dimensions mapped) or a blank one. */
export function NewSurvey() {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const { navigate } = useRouter();
  const surveyError = useSurveyError();
  const groups = useQuery(trpc.org.groups.queryOptions());
  // An archived group takes no new survey: it is kept for the reports only.
  const open = (groups.data ?? []).filter((g) => !g.archived);
  const [groupId, setGroupId] = useState('');
  const group = groupId || open[0]?.id || '';
  const templates = useQuery({ ...trpc.surveys.templates.queryOptions({ groupId: group }), enabled: group !== '' });
  const [choice, setChoice] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [title, setTitle] = useState({ fr: '', en: '' });
  const create = useMutation(
    trpc.surveys.create.mutationOptions({ onSuccess: ({ surveyId }) => navigate(`surveys/${surveyId}`) }),
  );
  const selected = choice ?? templates.data?.templates[0]?.id ?? BLANK;
  const template = templates.data?.templates.find((tp) => tp.id === selected);
  const groupDimensions = templates.data?.dimensions ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (template) {
      const lacking = template.dimensions.filter((d) => d.dimension === null);
      const dimensionChoices = Object.fromEntries(lacking.map((d) => [d.code, mapping[d.code] || null]));
      create.mutate({ groupId: group, templateId: template.id, dimensionChoices });
    } else {
      create.mutate({ groupId: group, title: trimmed(title, languages) });
    }
  };

  return (
    <div className="fx-stack">
      <p>
        <Link to="surveys">{t('surveyConsole.create.back')}</Link>
      </p>
      <PageHeader title={t('surveyConsole.create.title')} description={t('surveyConsole.create.intro')} />
      {groups.isError ? <ErrorAlert error={groups.error} /> : null}
      <form className="fx-stack" onSubmit={submit} noValidate>
        <Card>
          <div className="fx-stack">
            <Select
              label={t('surveyConsole.create.group')}
              value={group}
              onChange={(e) => {
                setGroupId(e.currentTarget.value);
                setChoice(null);
                setMapping({});
              }}
              options={open.map((g) => ({ value: g.id, label: pickText(g.label, lang) }))}
            />
            {templates.isPending && group ? <Loading label={t('app.loading')} /> : null}
            {templates.isError ? <ErrorAlert error={templates.error} /> : null}
            {templates.data ? (
              <fieldset className="fx-survey-templates">
                <legend className="fx-label">{t('surveyConsole.create.start')}</legend>
                {templates.data.templates.map((tp) => (
                  <TemplateChoice key={tp.id} template={tp} checked={selected === tp.id} onChoose={setChoice} />
                ))}
                <label className="fx-survey-template">
                  <input type="radio" name="template" checked={selected === BLANK} onChange={() => setChoice(BLANK)} />
                  <div>
                    <strong>{t('surveyConsole.create.blank')}</strong>
                    <span>{t('surveyConsole.create.blankHint')}</span>
                  </div>
                </label>
              </fieldset>
            ) : null}
            {templates.data?.templates.length === 0 ? (
              <p className="fx-hint">{t('surveyConsole.create.noTemplates')}</p>
            ) : null}
          </div>
        </Card>
        {template?.dimensions.some((d) => d.dimension === null) ? (
          <Card title={t('surveyConsole.create.mapping')} titleAs="h2">
            <div className="fx-stack">
              <p className="fx-hint">{t('surveyConsole.create.mappingHint')}</p>
              <div className="fx-survey-grid fx-survey-grid--two">
                {template.dimensions
                  .filter((d) => d.dimension === null)
                  .map((d) => (
                    <Select
                      key={d.code}
                      label={t('surveyConsole.create.lacking', { dimension: pickText(d.label, lang) })}
                      value={mapping[d.code] ?? DROP}
                      onChange={(e) => setMapping({ ...mapping, [d.code]: e.currentTarget.value })}
                      options={[
                        { value: DROP, label: t('surveyConsole.create.dropItems', { count: d.items }) },
                        ...groupDimensions.map((g) => ({ value: g.id, label: pickText(g.label, lang) })),
                      ]}
                    />
                  ))}
              </div>
            </div>
          </Card>
        ) : null}
        {selected === BLANK ? (
          <Card>
            <div className="fx-survey-grid fx-survey-grid--two">
              {languages.includes('fr') ? (
                <TextInput
                  label={t('surveyConsole.create.titleFr')}
                  lang="fr"
                  value={title.fr}
                  maxLength={200}
                  onChange={(e) => setTitle({ ...title, fr: e.currentTarget.value })}
                />
              ) : null}
              {languages.includes('en') ? (
                <TextInput
                  label={t('surveyConsole.create.titleEn')}
                  lang="en"
                  value={title.en}
                  maxLength={200}
                  onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })}
                />
              ) : null}
            </div>
          </Card>
        ) : null}
        {create.isError ? <Alert tone="error">{surveyError(create.error)}</Alert> : null}
        <div className="fx-row">
          <Button type="submit" busy={create.isPending} disabled={!group}>
            {t('surveyConsole.create.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function TemplateChoice(props: { template: TemplatePreview; checked: boolean; onChoose: (id: string) => void }) {
  const { t, lang } = useLang();
  const { template } = props;
  return (
    <label className="fx-survey-template">
      <input type="radio" name="template" checked={props.checked} onChange={() => props.onChoose(template.id)} />
      <div>
        <strong>{pickText(template.name, lang)}</strong>
        <span>
          {t(`surveyConsole.cadence.${template.cadence}`)} ·{' '}
          {t('surveyConsole.create.items', { count: template.questions.length })} ·{' '}
          {template.anonymous ? t('surveyConsole.anonymous') : t('surveyConsole.named')}
        </span>
        <span>{pickText(template.description, lang)}</span>
      </div>
    </label>
  );
}

import {
  ADMINS,
  FatigueRule,
  FeedbackWaitDays,
  LOGO_MAX_BYTES,
  OrganizationLogo,
  SUGGESTED_FATIGUE_RULE,
} from '@facets/domain';
import { ErrorAlert, type Me, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, Select, TextInput } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageFrame } from '../forms/PageFrame.tsx';
import type { OrganizationSettings } from '../forms/types.ts';
import { can } from '../roles/roles.ts';
import { ApiKeys } from './ApiKeys.tsx';
import { SsoSettings } from './SsoSettings.tsx';
import './settings.css';

/** The organisation's name and language, its anonymity thresholds and whether feedback may be anonymous. */
export function Settings({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  const isAdmin = can(me, ADMINS);
  return (
    <PageFrame
      me={me}
      title={t('settings.title')}
      intro={t('settings.intro')}
      canChange={isAdmin}
      changedBy={t('roles.whoAdmin')}
      saved=""
      queries={[settings]}
    >
      {settings.data ? <SettingsForm settings={settings.data} readOnly={!isAdmin} /> : null}
      {isAdmin ? <SsoSettings /> : null}
      {isAdmin ? <ApiKeys /> : null}
    </PageFrame>
  );
}

/** The bounds the API applies to both thresholds (docs/architecture.md, The disclosure guarantee: never below 3). */
const MIN_K = 3;
const MAX_K = 100;

function parseThreshold(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= MIN_K && value <= MAX_K ? value : null;
}

/** The choices of languages, as the select keys them. */
const LANGUAGE_CHOICES: Record<string, ('fr' | 'en')[]> = { 'fr+en': ['fr', 'en'], fr: ['fr'], en: ['en'] };

/** The IANA zones the browser knows, with the organisation's own even if it does not list it (UTC). */
function timeZoneChoices(current: string): { value: string; label: string }[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, ...zones])].sort().map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}

function SettingsForm({ settings, readOnly }: { settings: OrganizationSettings; readOnly: boolean }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(settings.name);
  const [locale, setLocale] = useState(settings.defaultLocale);
  const [languages, setLanguages] = useState(settings.languages.join('+'));
  const [k, setK] = useState(String(settings.kThreshold));
  const [commentK, setCommentK] = useState(String(settings.commentThreshold));
  const [anonymous, setAnonymous] = useState(settings.allowAnonymousFeedback);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [waitDays, setWaitDays] = useState(String(settings.feedbackWaitDays));
  const [logo, setLogo] = useState<string | null>(settings.logo);
  const [logoError, setLogoError] = useState<string>();
  const rule = settings.fatigueRule ?? SUGGESTED_FATIGUE_RULE;
  const [fatigueOn, setFatigueOn] = useState(settings.fatigueRule !== null);
  const [maxSurveys, setMaxSurveys] = useState(String(rule.maxSurveys));
  const [periodDays, setPeriodDays] = useState(String(rule.periodDays));
  const [errors, setErrors] = useState<{
    name?: string;
    k?: string;
    commentK?: string;
    fatigue?: string;
    waitDays?: string;
  }>({});
  const update = useMutation(
    trpc.admin.settings.update.mutationOptions({
      // Every figure of the console depends on the thresholds: read everything again.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );

  const submit = () => {
    const kValue = parseThreshold(k);
    const commentValue = parseThreshold(commentK);
    const whole = (text: string) => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : Number.NaN);
    const fatigue = FatigueRule.safeParse({ maxSurveys: whole(maxSurveys), periodDays: whole(periodDays) });
    const wait = FeedbackWaitDays.safeParse(whole(waitDays));
    const next = {
      name: name.trim() ? undefined : t('form.required'),
      k: kValue === null ? t('settings.thresholdInvalid', { min: MIN_K, max: MAX_K }) : undefined,
      commentK: commentValue === null ? t('settings.thresholdInvalid', { min: MIN_K, max: MAX_K }) : undefined,
      fatigue: fatigueOn && !fatigue.success ? t('settings.fatigueInvalid') : undefined,
      waitDays: wait.success ? undefined : t('settings.feedbackWaitInvalid'),
    };
    setErrors(next);
    if (next.name || kValue === null || commentValue === null || next.fatigue || !wait.success) return;
    update.mutate({
      name: name.trim(),
      defaultLocale: locale,
      languages: LANGUAGE_CHOICES[languages] ?? ['fr', 'en'],
      kThreshold: kValue,
      commentThreshold: commentValue,
      allowAnonymousFeedback: anonymous,
      timeZone,
      fatigueRule: fatigueOn && fatigue.success ? fatigue.data : null,
      feedbackWaitDays: wait.data,
      // The image is sent only when it changed.
      ...(logo === settings.logo ? {} : { logo }),
    });
  };

  return (
    <form
      noValidate
      className="fx-stack"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Card title={t('settings.organisation')} titleId="settings-organisation" aria-labelledby="settings-organisation">
        <div className="fx-form-grid">
          <TextInput
            label={t('settings.name')}
            value={name}
            maxLength={120}
            disabled={readOnly}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <Select
            label={t('settings.languages')}
            hint={t('settings.languagesHint')}
            value={languages}
            disabled={readOnly}
            onChange={(e) => {
              const chosen = e.currentTarget.value;
              setLanguages(chosen);
              // The messages go out in a language the organisation writes in.
              const only = LANGUAGE_CHOICES[chosen];
              if (only?.length === 1 && only[0]) setLocale(only[0]);
            }}
            options={[
              { value: 'fr+en', label: t('settings.languagesBoth') },
              { value: 'fr', label: t('settings.languagesFr') },
              { value: 'en', label: t('settings.languagesEn') },
            ]}
          />
          <Select
            label={t('settings.language')}
            hint={t('settings.languageHint')}
            value={locale}
            disabled={readOnly || languages !== 'fr+en'}
            onChange={(e) => setLocale(e.currentTarget.value as 'fr' | 'en')}
            options={[
              { value: 'fr', label: t('lang.fr') },
              { value: 'en', label: t('lang.en') },
            ]}
          />
          <Select
            label={t('settings.timeZone')}
            hint={t('settings.timeZoneHint')}
            value={timeZone}
            disabled={readOnly}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            options={timeZoneChoices(settings.timeZone)}
          />
        </div>
        <div className="fx-stack fx-settings-logo">
          <div>
            <p className="fx-label" id="settings-logo">
              {t('settings.logo')}
            </p>
            <p className="fx-hint">{t('settings.logoHint', { kb: LOGO_MAX_BYTES / 1024 })}</p>
          </div>
          {logo ? <img src={logo} alt={t('settings.logoPreview')} className="fx-settings-logo-preview" /> : null}
          {readOnly ? null : (
            <div className="fx-row">
              <input
                type="file"
                accept="image/png,image/jpeg"
                aria-labelledby="settings-logo"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  if (!file) return;
                  if (file.size > LOGO_MAX_BYTES) {
                    setLogoError(t('settings.logoTooLarge', { kb: LOGO_MAX_BYTES / 1024 }));
                    return;
                  }
                  const reader = new FileReader();
                  reader.onload = () => {
                    const read = OrganizationLogo.safeParse(reader.result);
                    setLogoError(read.success ? undefined : t('settings.logoInvalid'));
                    if (read.success) setLogo(read.data);
                  };
                  reader.readAsDataURL(file);
                }}
              />
              {logo ? (
                <Button type="button" variant="secondary" onClick={() => setLogo(null)}>
                  {t('settings.logoRemove')}
                </Button>
              ) : null}
            </div>
          )}
          {logoError ? (
            <p className="fx-error" role="alert">
              {logoError}
            </p>
          ) : null}
        </div>
      </Card>
      <Card title={t('settings.anonymity')} titleId="settings-anonymity" aria-labelledby="settings-anonymity">
        <div className="fx-stack">
          <p className="fx-hint">{t('settings.anonymityIntro', { min: MIN_K })}</p>
          <div className="fx-form-grid">
            <TextInput
              label={t('settings.kThreshold')}
              hint={t('settings.kThresholdHint')}
              inputMode="numeric"
              value={k}
              disabled={readOnly}
              onChange={(e) => setK(e.currentTarget.value)}
              error={errors.k}
              required
            />
            <TextInput
              label={t('settings.commentThreshold')}
              hint={t('settings.commentThresholdHint')}
              inputMode="numeric"
              value={commentK}
              disabled={readOnly}
              onChange={(e) => setCommentK(e.currentTarget.value)}
              error={errors.commentK}
              required
            />
          </div>
        </div>
      </Card>
      <Card title={t('settings.feedback')} titleId="settings-feedback" aria-labelledby="settings-feedback">
        <label className="fx-checkbox">
          <input
            type="checkbox"
            checked={anonymous}
            disabled={readOnly}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          <span>
            {t('settings.allowAnonymous')}
            <span className="fx-small fx-block">{t('settings.allowAnonymousHint')}</span>
          </span>
        </label>
        <div className="fx-form-grid">
          <TextInput
            label={t('settings.feedbackWait')}
            hint={t('settings.feedbackWaitHint')}
            inputMode="numeric"
            value={waitDays}
            disabled={readOnly}
            onChange={(e) => setWaitDays(e.currentTarget.value)}
            error={errors.waitDays}
          />
        </div>
      </Card>
      <Card title={t('settings.fatigue')} titleId="settings-fatigue" aria-labelledby="settings-fatigue">
        <div className="fx-stack">
          <p className="fx-hint">{t('settings.fatigueIntro')}</p>
          <label className="fx-checkbox">
            <input
              type="checkbox"
              checked={fatigueOn}
              disabled={readOnly}
              onChange={(e) => setFatigueOn(e.currentTarget.checked)}
            />
            <span>{t('settings.fatigueOn')}</span>
          </label>
          {fatigueOn ? (
            <div className="fx-form-grid">
              <TextInput
                label={t('settings.fatigueMax')}
                inputMode="numeric"
                value={maxSurveys}
                disabled={readOnly}
                onChange={(e) => setMaxSurveys(e.currentTarget.value)}
                error={errors.fatigue}
              />
              <TextInput
                label={t('settings.fatigueDays')}
                inputMode="numeric"
                value={periodDays}
                disabled={readOnly}
                onChange={(e) => setPeriodDays(e.currentTarget.value)}
              />
            </div>
          ) : null}
        </div>
      </Card>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      {update.isSuccess ? <Alert tone="success">{t('settings.saved')}</Alert> : null}
      {!readOnly ? (
        <div className="fx-row fx-row--end">
          <Button type="submit" busy={update.isPending}>
            {t('settings.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

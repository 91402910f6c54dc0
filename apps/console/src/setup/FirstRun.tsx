import { MIN_PASSWORD, NewOrganization, slugOf } from '@facets/domain';
import { Shell, signInWithEmail, useLang, useRouter } from '@facets/portal-kit';
import { Alert, Button, ButtonLink, Card, Select, TextInput } from '@facets/ui';
import { type ReactNode, useState } from 'react';
import './setup.css';

/**
 * The first run of an empty server: the organisation and its first admin, created with the setup code the server
 * printed in its log (`POST /api/setup`, apps/server/src/setup.ts), then the admin is signed in.
 */

type Field = 'name' | 'slug' | 'adminName' | 'adminEmail' | 'adminPassword' | 'confirm' | 'code';
type Errors = Partial<Record<Field, string>>;
type Outcome = 'already_set_up' | 'too_many' | 'failed' | null;

export function FirstRun() {
  const { t, lang } = useLang();
  const { href } = useRouter();
  const [form, setForm] = useState({
    name: '',
    slug: '',
    language: lang,
    adminName: '',
    adminEmail: '',
    adminPassword: '',
    confirm: '',
    code: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });

  /** A field's message in the reader's language, from the field and the reason only. */
  const messageOf = (field: Field, reason: string): string => {
    if (reason === 'required' || reason === 'invalid_type') return t('setup.required');
    if (field === 'adminEmail') return t(reason === 'duplicate' ? 'setup.emailTaken' : 'setup.emailInvalid');
    if (field === 'slug') return t(reason === 'duplicate' ? 'setup.slugTaken' : 'setup.slugInvalid');
    if (field === 'adminPassword' && reason === 'too_short') return t('setup.tooShort', { min: MIN_PASSWORD });
    if (reason === 'too_long') return t('setup.tooLong', { max: 120 });
    if (field === 'code') return t('setup.wrongCode');
    return t('setup.failed');
  };

  const submit = async () => {
    const input = {
      name: form.name,
      slug: form.slug.trim() || undefined,
      language: form.language,
      adminEmail: form.adminEmail,
      adminName: form.adminName,
      adminPassword: form.adminPassword,
    };
    const next: Errors = {};
    const parsed = NewOrganization.safeParse(input);
    for (const issue of parsed.error?.issues ?? []) {
      const field = String(issue.path[0]) as Field;
      const reason =
        issue.code === 'too_small'
          ? issue.minimum === 1
            ? 'required'
            : 'too_short'
          : issue.code === 'too_big'
            ? 'too_long'
            : 'invalid_value';
      next[field] ??= field === 'slug' && !input.slug ? t('setup.slugFromName') : messageOf(field, reason);
    }
    if (form.confirm !== form.adminPassword) next.confirm = t('setup.mismatch');
    if (form.code.trim() === '') next.code = t('setup.required');
    setErrors(next);
    setOutcome(null);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const response = await fetch('/api/setup', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...input, code: form.code }),
      });
      if (response.ok) {
        await signInWithEmail(form.adminEmail, form.adminPassword);
        window.location.assign(href(''));
        return;
      }
      const body = (await response.json().catch(() => null)) as {
        error?: string;
        field?: string;
        reason?: string;
      } | null;
      if (response.status === 429) setOutcome('too_many');
      else if (body?.error === 'already_set_up') setOutcome('already_set_up');
      else if (body?.field) setErrors({ [body.field]: messageOf(body.field as Field, body.reason ?? '') });
      else setOutcome('failed');
    } catch {
      setOutcome('failed');
    } finally {
      setBusy(false);
    }
  };

  const derived = slugOf(form.name);
  return (
    <Shell width="narrow">
      <div className="fx-signin">
        <Card>
          <h1>{t('setup.title')}</h1>
          {outcome === 'already_set_up' ? (
            <div className="fx-stack">
              <Alert tone="info">{t('setup.alreadySetUp')}</Alert>
              <ButtonLink href={href('')}>{t('setup.signIn')}</ButtonLink>
            </div>
          ) : (
            <form
              noValidate
              className="fx-stack"
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <p className="fx-muted">{t('setup.intro')}</p>
              {outcome ? (
                <Alert tone="error">{t(outcome === 'too_many' ? 'setup.tooMany' : 'setup.failed')}</Alert>
              ) : null}
              <Section title={t('setup.organisation')}>
                <TextInput
                  label={t('setup.name')}
                  value={form.name}
                  onChange={set('name')}
                  error={errors.name}
                  required
                />
                <TextInput
                  label={t('setup.slug')}
                  hint={derived ? t('setup.slugHint', { slug: derived }) : t('setup.slugHintEmpty')}
                  value={form.slug}
                  onChange={set('slug')}
                  error={errors.slug}
                  autoCapitalize="off"
                  spellCheck={false}
                />
                <Select
                  label={t('setup.language')}
                  value={form.language}
                  onChange={set('language')}
                  options={[
                    { value: 'fr', label: 'Français' },
                    { value: 'en', label: 'English' },
                  ]}
                />
              </Section>
              <Section title={t('setup.admin')}>
                <TextInput
                  label={t('setup.adminName')}
                  value={form.adminName}
                  onChange={set('adminName')}
                  error={errors.adminName}
                  autoComplete="name"
                  required
                />
                <TextInput
                  label={t('setup.adminEmail')}
                  type="email"
                  value={form.adminEmail}
                  onChange={set('adminEmail')}
                  error={errors.adminEmail}
                  autoComplete="email"
                  required
                />
                <TextInput
                  label={t('setup.password')}
                  hint={t('setup.passwordHint', { min: MIN_PASSWORD })}
                  type="password"
                  value={form.adminPassword}
                  onChange={set('adminPassword')}
                  error={errors.adminPassword}
                  autoComplete="new-password"
                  required
                />
                <TextInput
                  label={t('setup.confirm')}
                  type="password"
                  value={form.confirm}
                  onChange={set('confirm')}
                  error={errors.confirm}
                  autoComplete="new-password"
                  required
                />
              </Section>
              <TextInput
                label={t('setup.code')}
                hint={t('setup.codeHint')}
                value={form.code}
                onChange={set('code')}
                error={errors.code}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                required
              />
              <Button type="submit" busy={busy}>
                {t('setup.submit')}
              </Button>
            </form>
          )}
        </Card>
      </div>
    </Shell>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="fx-stack fx-setup-section">
      <legend>
        <h2>{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

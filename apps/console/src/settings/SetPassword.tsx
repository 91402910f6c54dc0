import { MAX_PASSWORD, MIN_PASSWORD } from '@facets/domain';
import { resetPassword, Shell, useLang, useRouter } from '@facets/portal-kit';
import { Alert, Button, ButtonLink, Card, TextInput } from '@facets/ui';
import { useRef, useState } from 'react';

type Outcome = 'done' | 'invalid_token' | 'failed' | null;

/** Where the link of an invitation leads: the new member chooses their password. */
export function SetPassword() {
  const { t } = useLang();
  const { href } = useRouter();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async () => {
    const next = {
      password:
        password.length < MIN_PASSWORD
          ? t('setPassword.tooShort', { min: MIN_PASSWORD })
          : password.length > MAX_PASSWORD
            ? t('setPassword.tooLong', { max: MAX_PASSWORD })
            : undefined,
      confirm: confirm !== password ? t('setPassword.mismatch') : undefined,
    };
    setErrors(next);
    if (next.password || next.confirm) {
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setOutcome((await resetPassword(password, token)) ?? 'done');
    setBusy(false);
  };

  return (
    <Shell width="narrow">
      <div className="fx-signin">
        <Card>
          <h1>{t('setPassword.title')}</h1>
          {outcome === 'done' ? (
            <div className="fx-stack">
              <Alert tone="success">{t('setPassword.done')}</Alert>
              <ButtonLink href={href('')}>{t('setPassword.signIn')}</ButtonLink>
            </div>
          ) : !token || outcome === 'invalid_token' ? (
            <div className="fx-stack">
              <Alert tone="error">{t('setPassword.invalidLink')}</Alert>
              <ButtonLink variant="secondary" href={href('')}>
                {t('setPassword.signIn')}
              </ButtonLink>
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
              <p className="fx-muted">{t('setPassword.intro', { min: MIN_PASSWORD })}</p>
              {outcome === 'failed' ? <Alert tone="error">{t('setPassword.failed')}</Alert> : null}
              <TextInput
                ref={passwordRef}
                label={t('setPassword.password')}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
                required
              />
              <TextInput
                label={t('setPassword.confirm')}
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={errors.confirm}
                required
              />
              <Button type="submit" busy={busy}>
                {t('setPassword.submit')}
              </Button>
            </form>
          )}
        </Card>
      </div>
    </Shell>
  );
}

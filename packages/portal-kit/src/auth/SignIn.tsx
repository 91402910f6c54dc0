import { Alert, Button, Card, TextInput } from '@facets/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import { type SignInFailure, signInWithEmail } from './authClient.ts';

const FAILURE_KEYS: Record<SignInFailure, string> = {
  invalid_credentials: 'auth.invalidCredentials',
  too_many_attempts: 'auth.tooManyAttempts',
  failed: 'auth.failed',
};

/** Email and password sign-in. On success every query is refetched, so the guard sees the new session. */
export function SignIn({ intro }: { intro?: string }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    const trimmed = email.trim();
    if (!trimmed) next.email = t('auth.emailRequired');
    else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) next.email = t('auth.emailInvalid');
    if (!password) next.password = t('auth.passwordRequired');
    setErrors(next);
    setFailure(null);
    if (next.email) return emailRef.current?.focus();
    if (next.password) return passwordRef.current?.focus();
    setBusy(true);
    const result = await signInWithEmail(trimmed, password);
    if (result) {
      setFailure(result);
      setBusy(false);
      return;
    }
    await queryClient.resetQueries();
    setBusy(false);
  };

  return (
    <div className="fx-signin">
      <Card>
        <h1>{t('auth.title')}</h1>
        <p className="fx-muted">{intro ?? t('auth.intro')}</p>
        <form className="fx-stack" noValidate onSubmit={(e) => void submit(e)}>
          {failure ? <Alert tone="error">{t(FAILURE_KEYS[failure])}</Alert> : null}
          <TextInput
            ref={emailRef}
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            required
          />
          <TextInput
            ref={passwordRef}
            label={t('auth.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            required
          />
          <Button type="submit" busy={busy}>
            {t('auth.signIn')}
          </Button>
        </form>
      </Card>
    </div>
  );
}

import { Alert, Button, Card, TextInput } from '@facets/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';
import type { Translate } from '../refusal.ts';
import { useRouter } from '../router.tsx';
import { requestSignInLink, type SignInFailure, signInWithEmail, startSingleSignOn } from './authClient.ts';

const FAILURE_KEYS: Record<SignInFailure['reason'], string> = {
  invalid_credentials: 'auth.invalidCredentials',
  too_many_attempts: 'auth.tooManyAttempts',
  wrong_address: 'auth.wrongAddress',
  failed: 'auth.failed',
  sso_required: 'sso.required',
  sso_not_configured: 'sso.notConfigured',
};

/** Why the server refused a sign-in through the organisation's provider (server sso.ts), by the code it sent back. */
const SSO_REFUSAL_KEYS: Record<string, string> = {
  domain_not_allowed: 'sso.domainNotAllowed',
  membership_removed: 'sso.membershipRemoved',
  member_elsewhere: 'sso.memberElsewhere',
  not_staff: 'sso.notStaff',
};

/** The refusal the provider's round trip came back with, if it did. */
function ssoRefusal(): string | null {
  const params = new URLSearchParams(window.location.search);
  if (params.get('sso') !== 'failed') return null;
  return SSO_REFUSAL_KEYS[params.get('error') ?? ''] ?? 'sso.failed';
}

/** What the sign-in page says of a failure; a refused address names the one to open. */
export function signInFailureText(t: Translate, failure: SignInFailure): string {
  if (failure.reason === 'wrong_address' && failure.baseUrl === null) return t('auth.wrongAddressUnknown');
  return t(FAILURE_KEYS[failure.reason], failure.reason === 'wrong_address' ? { baseUrl: failure.baseUrl } : undefined);
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A sign-in link that came back from the server refused (expired, or used already). */
function linkRefused(): boolean {
  const params = new URLSearchParams(window.location.search);
  return params.has('error') || params.get('signin') === 'expired';
}

/**
 * Sign-in: e-mail and password, or (where `withLink`, in the portals) a one-time link by e-mail for returning
 * stakeholders. On success every query is refetched, so the guard sees the new session.
 */
export function SignIn({
  intro,
  withLink = false,
  withSso = false,
}: {
  intro?: string;
  withLink?: boolean;
  /** Offer the organisation's own sign-in (the console: staff single sign-on). */
  withSso?: boolean;
}) {
  const { t } = useLang();
  const [mode, setMode] = useState<'password' | 'link' | 'sso'>(
    withSso && ssoRefusal() ? 'sso' : withLink && linkRefused() ? 'link' : 'password',
  );
  return (
    <div className="fx-signin">
      <Card>
        <h1>{t('auth.title')}</h1>
        <p className="fx-muted">{intro ?? t('auth.intro')}</p>
        {mode === 'password' ? <PasswordForm /> : mode === 'link' ? <LinkForm /> : <SsoForm />}
        {withSso ? (
          <p className="fx-signin__switch">
            <button
              type="button"
              className="fx-link-button"
              onClick={() => setMode(mode === 'sso' ? 'password' : 'sso')}
            >
              {mode === 'sso' ? t('signInLink.usePassword') : t('sso.use')}
            </button>
          </p>
        ) : null}
        {withLink && mode !== 'sso' ? (
          <p className="fx-signin__switch">
            <button
              type="button"
              className="fx-link-button"
              onClick={() => setMode(mode === 'password' ? 'link' : 'password')}
            >
              {mode === 'password' ? t('signInLink.use') : t('signInLink.usePassword')}
            </button>
          </p>
        ) : null}
      </Card>
    </div>
  );
}

function useEmailField() {
  const { t } = useLang();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLInputElement>(null);
  const check = (): string | null => {
    const trimmed = email.trim();
    const problem = !trimmed ? t('auth.emailRequired') : EMAIL.test(trimmed) ? undefined : t('auth.emailInvalid');
    setError(problem);
    if (problem) ref.current?.focus();
    return problem ? null : trimmed;
  };
  const field = (
    <TextInput
      ref={ref}
      label={t('auth.email')}
      type="email"
      name="email"
      autoComplete="username"
      inputMode="email"
      value={email}
      onChange={(e) => setEmail(e.currentTarget.value)}
      error={error}
      required
    />
  );
  return { field, check };
}

function PasswordForm() {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const email = useEmailField();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const address = email.check();
    setPasswordError(password ? undefined : t('auth.passwordRequired'));
    if (address === null) return;
    if (!password) return passwordRef.current?.focus();
    setBusy(true);
    const result = await signInWithEmail(address, password);
    if (result) {
      setFailure(result);
      setBusy(false);
      return;
    }
    await queryClient.resetQueries();
    setBusy(false);
  };

  return (
    <form className="fx-stack" noValidate onSubmit={(e) => void submit(e)}>
      {failure ? (
        <Alert tone="error">{signInFailureText((key, options) => t(key, options ?? {}), failure)}</Alert>
      ) : null}
      {email.field}
      <TextInput
        ref={passwordRef}
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={passwordError}
        required
      />
      <Button type="submit" busy={busy}>
        {t('auth.signIn')}
      </Button>
    </form>
  );
}

function LinkForm() {
  const { t, lang } = useLang();
  const { base } = useRouter();
  const email = useEmailField();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused] = useState(linkRefused);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const address = email.check();
    if (address === null) return;
    setBusy(true);
    const result = await requestSignInLink(address, { callbackURL: base, lang });
    setBusy(false);
    if (result) setFailure(result);
    else setSentTo(address);
  };

  if (sentTo) {
    return (
      <Alert tone="success" title={t('signInLink.sentTitle')}>
        {t('signInLink.sent', { email: sentTo })}
      </Alert>
    );
  }
  return (
    <form className="fx-stack" noValidate onSubmit={(e) => void submit(e)}>
      {refused ? <Alert tone="error">{t('signInLink.refused')}</Alert> : null}
      {failure ? (
        <Alert tone="error">{signInFailureText((key, options) => t(key, options ?? {}), failure)}</Alert>
      ) : null}
      <p>{t('signInLink.intro')}</p>
      {email.field}
      <Button type="submit" busy={busy}>
        {t('signInLink.send')}
      </Button>
    </form>
  );
}

/** Sign-in through the organisation's provider, found by an e-mail address's domain or the organisation's slug. */
function SsoForm() {
  const { t } = useLang();
  const { base } = useRouter();
  const [who, setWho] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [refused] = useState(ssoRefusal);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const value = who.trim();
    if (!value) return setError(t('sso.whoRequired'));
    setError(undefined);
    setBusy(true);
    const target = value.includes('@') ? { email: value } : { organizationSlug: value.toLowerCase() };
    setFailure(await startSingleSignOn(target, { callbackURL: base }));
    setBusy(false);
  };

  return (
    <form className="fx-stack" noValidate onSubmit={(e) => void submit(e)}>
      {refused && !failure ? <Alert tone="error">{t(refused)}</Alert> : null}
      {failure ? (
        <Alert tone="error">{signInFailureText((key, options) => t(key, options ?? {}), failure)}</Alert>
      ) : null}
      <p>{t('sso.intro')}</p>
      <TextInput
        label={t('sso.who')}
        hint={t('sso.whoHint')}
        name="organisation"
        autoComplete="username"
        value={who}
        onChange={(e) => setWho(e.currentTarget.value)}
        error={error}
        required
      />
      <Button type="submit" busy={busy}>
        {t('sso.signIn')}
      </Button>
    </form>
  );
}

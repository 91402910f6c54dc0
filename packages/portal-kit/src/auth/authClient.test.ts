import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commonMessages } from '../i18n/messages.ts';
import type { Translate } from '../refusal.ts';
import { requestSignInLink, signInWithEmail } from './authClient.ts';
import { signInFailureText } from './SignIn.tsx';

function translator(lng: 'fr' | 'en'): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { [lng]: { translation: commonMessages[lng] } },
    lng,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key, options) => instance.t(key, options ?? {});
}

/** The page at 127.0.0.1 while the server is configured for localhost: its answers, as the server words them. */
function serverAnswers(status: number, body: unknown) {
  vi.stubGlobal('window', { location: { origin: 'http://127.0.0.1:3000' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}
afterEach(() => vi.unstubAllGlobals());

const REFUSED = {
  error: 'forbidden_origin',
  message: 'This request comes from another site (http://127.0.0.1:3000): …',
  baseUrl: 'http://localhost:3000',
};

describe('sign-in failures', () => {
  it('say which address to open when the server refuses the page’s address, in English and French', async () => {
    serverAnswers(403, REFUSED);
    const failure = await signInWithEmail('lea@example.org', 'secret');
    expect(failure).toEqual({ reason: 'wrong_address', baseUrl: 'http://localhost:3000' });
    expect(signInFailureText(translator('en'), failure!)).toBe(
      'This address is not the one Facets is configured for: open it at http://localhost:3000',
    );
    expect(signInFailureText(translator('fr'), failure!)).toBe(
      'Cette adresse n’est pas celle pour laquelle Facets est configuré : ouvrez-le à l’adresse http://localhost:3000',
    );
    expect(await requestSignInLink('lea@example.org', { callbackURL: '/employee/', lang: 'en' })).toEqual(failure);
  });

  it('say it without an address when the refusal names none, and keep the other reasons', async () => {
    serverAnswers(403, { code: 'INVALID_ORIGIN', message: 'Invalid origin' });
    const failure = await signInWithEmail('lea@example.org', 'secret');
    expect(signInFailureText(translator('en'), failure!)).toBe(
      'This address is not the one Facets is configured for: open it at its usual address.',
    );
    serverAnswers(401, { code: 'INVALID_EMAIL_OR_PASSWORD' });
    expect(signInFailureText(translator('en'), (await signInWithEmail('lea@example.org', 'wrong'))!)).toBe(
      'The email or password is incorrect.',
    );
    serverAnswers(403, { ...REFUSED, baseUrl: 'javascript:alert(1)' });
    expect(await signInWithEmail('lea@example.org', 'secret')).toEqual({ reason: 'wrong_address', baseUrl: null });
  });
});

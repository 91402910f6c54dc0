import { Alert, Button } from '@facets/ui';
import { useLang } from './i18n/useLang.ts';
import { refusalOf, refusalSentence } from './refusal.ts';

/**
 * A person-readable sentence for any failure, in the reader's language: worded from the reason code, the field and
 * the limit the server sends (refusal.ts), never from its English message.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useLang();
  return (error) => refusalSentence((key, options) => t(key, options ?? {}), refusalOf(error));
}

export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useLang();
  const message = useErrorMessage();
  return (
    <Alert tone="error" title={title}>
      <p>{message(error)}</p>
      {onRetry ? (
        <div>
          <Button variant="secondary" size="sm" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </div>
      ) : null}
    </Alert>
  );
}

import { Alert, Button } from '@facets/ui';
import { errorCode, errorDetail } from './api.ts';
import { useLang } from './i18n/useLang.ts';

const KEYS: Record<string, string> = {
  NETWORK: 'errors.network',
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  CONFLICT: 'errors.conflict',
  PAYLOAD_TOO_LARGE: 'errorsExtra.tooLarge',
};

/** A person-readable sentence for any failure; a bad request keeps the server's message, which names the field. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useLang();
  return (error) => {
    const code = errorCode(error);
    if (code === 'BAD_REQUEST') return t('errors.badRequest', { message: errorDetail(error) });
    const key = KEYS[code];
    return key ? t(key) : t('errors.generic');
  };
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

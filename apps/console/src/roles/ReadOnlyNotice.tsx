import { type Me, useLang } from '@facets/portal-kit';
import { Alert } from '@facets/ui';

/** Says, on a page the person can read but not change, why the controls are missing. */
export function ReadOnlyNotice({ me, who }: { me: Me; who: string }) {
  const { t } = useLang();
  return (
    <Alert tone="info" title={t('roles.readOnlyTitle')}>
      {t('roles.readOnlyBody', { role: t(`roles.name.${me.role}`), who })}
    </Alert>
  );
}

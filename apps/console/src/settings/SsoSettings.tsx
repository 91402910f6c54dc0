import { SSO_ROLES, type SsoRole } from '@facets/domain';
import { ErrorAlert, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, Select, TextInput } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Single sign-on for staff through the organisation's OpenID provider (admins only, API `admin.sso`). The client
 * secret is written, never shown: left empty, the stored one stays.
 */
export function SsoSettings() {
  const trpc = useTRPC();
  const config = useQuery(trpc.admin.sso.get.queryOptions());
  if (config.isError) return <ErrorAlert error={config.error} />;
  if (!config.isSuccess) return null;
  return <SsoForm key={config.data?.updatedAt ?? 'none'} config={config.data} />;
}

type Config = {
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  domains: string[];
  role: SsoRole;
  requireSso: boolean;
  providerId: string;
} | null;

function SsoForm({ config }: { config: Config }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [issuer, setIssuer] = useState(config?.issuer ?? '');
  const [clientId, setClientId] = useState(config?.clientId ?? '');
  const [secret, setSecret] = useState('');
  const [domains, setDomains] = useState(config?.domains.join(', ') ?? '');
  const [role, setRole] = useState<SsoRole>(config?.role ?? 'analyst');
  const [requireSso, setRequireSso] = useState(config?.requireSso ?? false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.sso.get.queryKey() });
  const save = useMutation(trpc.admin.sso.set.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.admin.sso.remove.mutationOptions({ onSuccess: refresh }));
  const callback = config ? `${window.location.origin}/api/auth/sso/callback/${config.providerId}` : null;

  return (
    <Card title={t('sso.title')} titleId="settings-sso" aria-labelledby="settings-sso">
      <form
        noValidate
        className="fx-stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            ...(secret ? { clientSecret: secret } : {}),
            domains: domains
              .split(/[\s,]+/)
              .map((d) => d.trim())
              .filter(Boolean),
            role,
            requireSso,
          });
        }}
      >
        <p className="fx-hint">{t('sso.intro')}</p>
        {callback ? <p className="fx-small">{t('sso.callback', { url: callback })}</p> : null}
        <div className="fx-form-grid fx-form-grid--wide">
          <TextInput
            label={t('sso.issuer')}
            hint={t('sso.issuerHint')}
            value={issuer}
            maxLength={500}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('sso.clientId')}
            value={clientId}
            maxLength={200}
            onChange={(e) => setClientId(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('sso.clientSecret')}
            hint={config?.hasClientSecret ? t('sso.clientSecretKept') : undefined}
            type="password"
            autoComplete="off"
            value={secret}
            maxLength={500}
            onChange={(e) => setSecret(e.currentTarget.value)}
            required={!config?.hasClientSecret}
          />
          <TextInput
            label={t('sso.domains')}
            hint={t('sso.domainsHint')}
            value={domains}
            onChange={(e) => setDomains(e.currentTarget.value)}
            required
          />
          <Select
            label={t('sso.role')}
            hint={t('sso.roleHint')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as SsoRole)}
            options={SSO_ROLES.map((r) => ({ value: r, label: t(`roles.name.${r}`) }))}
          />
        </div>
        <label className="fx-checkbox">
          <input type="checkbox" checked={requireSso} onChange={(e) => setRequireSso(e.currentTarget.checked)} />
          <span>
            {t('sso.require')}
            <span className="fx-small fx-block">{t('sso.requireHint')}</span>
          </span>
        </label>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        {save.isSuccess ? <Alert tone="success">{t('sso.saved')}</Alert> : null}
        {remove.isSuccess ? <Alert tone="success">{t('sso.removed')}</Alert> : null}
        <div className="fx-row fx-row--end">
          {config ? (
            <Button type="button" variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
              {t('sso.remove')}
            </Button>
          ) : null}
          <Button type="submit" busy={save.isPending}>
            {t('sso.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

import { API_SCOPES, type ApiScope } from '@facets/domain';
import { ErrorAlert, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, DataTable, Select, TextInput } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Keys of the public REST API and of SCIM provisioning (admins only, API `admin.apiKeys`): the list with each key's
 * prefix, scopes, provisioned group and last use; a new key with its scopes (and, for `scim`, the one group it
 * provisions), whose secret is shown once, with a copy button; revocation.
 */
export function ApiKeys() {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.admin.apiKeys.list.queryOptions());
  const groups = useQuery(trpc.org.groups.queryOptions());
  const [groupId, setGroupId] = useState('');
  const openGroups = (groups.data ?? []).filter((g) => !g.archived);
  const scimGroupId = groupId || openGroups[0]?.id || '';
  const groupLabel = (id: string) => {
    const group = groups.data?.find((g) => g.id === id);
    return group ? pickText(group.label, lang) : '';
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.apiKeys.list.queryKey() });
  const create = useMutation(trpc.admin.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.admin.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [copied, setCopied] = useState(false);
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const toggle = (scope: ApiScope, on: boolean) =>
    setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));

  return (
    <Card title={t('apiKeys.title')} titleId="settings-api-keys" aria-labelledby="settings-api-keys">
      <div className="fx-stack">
        <p className="fx-hint">{t('apiKeys.intro')}</p>
        {create.data ? (
          <Alert tone="success">
            <p>{t('apiKeys.created')}</p>
            <p>
              <code className="fx-api-key">{create.data.key}</code>
            </p>
            <div className="fx-row">
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  void navigator.clipboard?.writeText(create.data.key).then(() => setCopied(true));
                }}
              >
                {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
              </Button>
            </div>
          </Alert>
        ) : null}
        <form
          noValidate
          className="fx-stack"
          onSubmit={(e) => {
            e.preventDefault();
            setCopied(false);
            create.mutate(
              {
                name: name.trim(),
                scopes: API_SCOPES.filter((s) => scopes.includes(s)),
                ...(scopes.includes('scim') && scimGroupId ? { groupId: scimGroupId } : {}),
              },
              {
                onSuccess: () => {
                  setName('');
                  setScopes([]);
                },
              },
            );
          }}
        >
          <TextInput
            label={t('apiKeys.name')}
            hint={t('apiKeys.nameHint')}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <fieldset className="fx-stack">
            <legend>{t('apiKeys.scopes')}</legend>
            {API_SCOPES.map((scope) => (
              <label key={scope} className="fx-checkbox">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggle(scope, e.currentTarget.checked)}
                />
                <span>
                  {t(`apiKeys.scope.${scopeKey(scope)}`)} <code className="fx-small">{scope}</code>
                </span>
              </label>
            ))}
          </fieldset>
          {scopes.includes('scim') ? (
            <div className="fx-stack">
              <Select
                label={t('apiKeys.scimGroup')}
                hint={t('apiKeys.scimGroupHint')}
                value={scimGroupId}
                onChange={(e) => setGroupId(e.currentTarget.value)}
                options={openGroups.map((g) => ({ value: g.id, label: pickText(g.label, lang) }))}
              />
              <p className="fx-small">{t('apiKeys.scimUrl', { url: `${window.location.origin}/scim/v2` })}</p>
            </div>
          ) : null}
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <div className="fx-row fx-row--end">
            <Button type="submit" busy={create.isPending}>
              {t('apiKeys.create')}
            </Button>
          </div>
        </form>
        {keys.isError ? <ErrorAlert error={keys.error} /> : null}
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
        {keys.data && keys.data.length > 0 ? (
          <DataTable
            title={t('apiKeys.tableTitle')}
            columns={[
              t('apiKeys.col.name'),
              t('apiKeys.col.prefix'),
              t('apiKeys.col.scopes'),
              t('apiKeys.col.lastUsed'),
              '',
            ]}
          >
            {keys.data.map((k) => (
              <tr key={k.id}>
                <td>
                  {k.name}
                  <span className="fx-small fx-block">
                    {t('apiKeys.createdBy', { name: k.createdBy.name, date: when.format(new Date(k.createdAt)) })}
                  </span>
                </td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>
                  {k.scopes.join(', ')}
                  {k.scimGroup ? (
                    <span className="fx-small fx-block">
                      {t('apiKeys.provisions', { group: groupLabel(k.scimGroup.id) || k.scimGroup.code })}
                    </span>
                  ) : null}
                </td>
                <td>
                  {k.revokedAt ? (
                    t('apiKeys.revokedOn', { date: when.format(new Date(k.revokedAt)) })
                  ) : k.lastUsedAt ? (
                    <time dateTime={k.lastUsedAt}>{when.format(new Date(k.lastUsedAt))}</time>
                  ) : (
                    t('apiKeys.never')
                  )}
                </td>
                <td>
                  {k.revokedAt ? null : (
                    <Button
                      size="sm"
                      variant="secondary"
                      busy={revoke.isPending && revoke.variables?.keyId === k.id}
                      onClick={() => revoke.mutate({ keyId: k.id })}
                    >
                      {t('apiKeys.revoke')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : keys.isSuccess ? (
          <p className="fx-small">{t('apiKeys.empty')}</p>
        ) : null}
      </div>
    </Card>
  );
}

/** `results:read` → `results_read`: message keys have no colon. */
const scopeKey = (scope: ApiScope) => scope.replace(':', '_') as ScopeKey;
type ScopeKey = 'results_read' | 'people_write' | 'surveys_trigger' | 'feedback_read' | 'feedback_write' | 'scim';

import type { RouterOutputs } from '@facets/api';
import { AuditAction } from '@facets/domain';
import { type Me, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Button, Card, DataTable, EmptyState, Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageFrame } from '../forms/PageFrame.tsx';
import type { Translate } from '../forms/types.ts';
import './audit.css';

type AuditEvent = RouterOutputs['audit']['list']['events'][number];

/** The i18n key of an action ('members.update_role' → 'members_update_role': keys cannot hold dots). */
const actionKey = (action: string) => `audit.action.${action.replace('.', '_')}`;

/**
 * The audit log: sensitive actions of the console, newest first, a page at a time, filtered by action. Read by admins
 * and leadership; nobody changes it.
 */
export function AuditLog({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const [action, setAction] = useState<AuditAction | ''>('');
  // The cursors of the pages read so far: the last one is the page shown, popping goes back to newer events.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const log = useQuery(
    trpc.audit.list.queryOptions({
      limit: 50,
      ...(action ? { action } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const options = [
    { value: '', label: t('audit.all') },
    ...AuditAction.options.map((a) => ({ value: a, label: t(actionKey(a)) })),
  ];

  return (
    <PageFrame
      me={me}
      title={t('audit.title')}
      intro={t('audit.intro')}
      canChange
      changedBy=""
      saved=""
      queries={[log]}
    >
      <div className="fx-audit-filter">
        <Select
          label={t('audit.filter')}
          options={options}
          value={action}
          onChange={(e) => {
            setAction(e.target.value as AuditAction | '');
            setCursors([]);
          }}
        />
      </div>
      {log.data ? (
        <Card title={t('audit.tableTitle')} titleId="audit-table" aria-labelledby="audit-table">
          {log.data.events.length === 0 ? (
            <EmptyState title={t('audit.empty')} />
          ) : (
            <DataTable
              title={t('audit.caption')}
              className="fx-table--stack"
              columns={[t('audit.col.at'), t('audit.col.actor'), t('audit.col.action'), t('audit.col.details')]}
            >
              {log.data.events.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('audit.col.at')}>
                    <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                  </td>
                  <th scope="row" data-label={t('audit.col.actor')}>
                    {e.actor ? e.actor.name || e.actor.email : t('audit.system')}
                  </th>
                  <td data-label={t('audit.col.action')}>
                    {t(actionKey(e.action))}
                    {e.action === 'invitations.import_open_wave' ? (
                      <span className="fx-block">
                        <Badge tone="warning">{t('audit.openWave')}</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('audit.col.details')} className="fx-break">
                    {describe(e, t).map((line) => (
                      <span key={line} className="fx-block">
                        {line}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <div className="fx-audit-pages">
            {cursors.length > 0 ? (
              <Button variant="secondary" size="sm" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('audit.newer')}
              </Button>
            ) : null}
            {log.data.nextCursor ? (
              <Button variant="secondary" size="sm" onClick={() => setCursors([...cursors, log.data.nextCursor!])}>
                {t('audit.older')}
              </Button>
            ) : null}
          </div>
        </Card>
      ) : null}
    </PageFrame>
  );
}

type Value = AuditEvent['details'][string];
const isChange = (v: Value): v is { from: string | number | boolean | null; to: string | number | boolean | null } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'from' in v;

/** An event's details in words, a line each. */
function describe(e: AuditEvent, t: Translate): string[] {
  const d = e.details;
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? t('audit.none') : String(v));
  const scalar = (field: string, v: Value | undefined) => {
    if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
    if (field === 'role' && typeof v === 'string') return t(`roles.name.${v}`);
    if (field === 'primarySegmentKey' && v === null) return t('audit.defaultBreakdown');
    return text(v);
  };
  const changes = Object.entries(d)
    .filter(([, v]) => isChange(v))
    .map(([field, v]) => {
      const change = v as { from: Value; to: Value };
      return t('audit.change', {
        field: t(`audit.field.${field}`),
        from: scalar(field, change.from),
        to: scalar(field, change.to),
      });
    });
  switch (e.action) {
    case 'invitations.import':
    case 'invitations.import_open_wave':
      return [t('audit.invited', { count: Number(d.invited ?? 0), wave: text(d.wave), group: text(d.group) })];
    case 'export.csv':
      return [t('audit.exported', { count: Number(d.rows ?? 0), table: text(d.table), page: text(d.page) })];
    case 'outbox.read':
      return (Array.isArray(d.links) ? d.links : []).map((kind) => t(`audit.link.${kind}`, { to: text(d.to) }));
    case 'outbox.retry':
      return d.status === 'bounced' || d.status === 'failed' ? [t(`audit.retried.${d.status}`)] : [];
    case 'settings.update':
    case 'sso.set':
      return changes;
    case 'sso.remove':
      return [t('audit.value', { field: t('audit.field.issuer'), value: text(d.issuer) })];
    case 'webhooks.create':
    case 'webhooks.update':
    case 'webhooks.delete':
    case 'webhooks.rotate_secret':
    case 'webhooks.redeliver': {
      const url = d.url !== undefined && isChange(d.url) ? d.url.to : d.url;
      const events = Array.isArray(d.events)
        ? [t('audit.value', { field: t('audit.field.events'), value: d.events.join(', ') })]
        : [];
      return [t('audit.value', { field: t('audit.field.url'), value: text(url) }), ...events, ...changes];
    }
    case 'model.create':
    case 'model.update':
    case 'model.archive':
    case 'model.delete': {
      const label = d.label !== undefined && isChange(d.label) ? d.label.to : d.label;
      const code = d.item === 'attribute' ? d.key : d.item === 'value' ? d.value : d.code;
      const item = ['group', 'dimension', 'attribute', 'value'].includes(String(d.item)) ? String(d.item) : 'group';
      const named = t(`audit.modelItem.${item}`, {
        label: text(label),
        code: text(code),
        key: text(d.key),
        group: text(d.group),
      });
      // A description change is recorded as `true`: its text is not kept in the log.
      return [named, ...changes];
    }
    case 'themes.update':
      return [t('audit.value', { field: t('audit.field.theme'), value: text(d.theme) }), ...changes];
    case 'surveys.primary_breakdown':
      return [t('audit.survey', { survey: text(d.survey), group: text(d.group) }), ...changes];
    default: {
      const who = d.email ? `${text(d.name)} (${text(d.email)})` : text(d.name);
      const role =
        typeof d.role === 'string'
          ? [t('audit.value', { field: t('audit.field.role'), value: scalar('role', d.role) })]
          : [];
      return [who, ...(changes.length > 0 ? changes : role)];
    }
  }
}

import type { RouterOutputs } from '@facets/api';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@facets/domain';
import { ErrorAlert, type Me, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Badge, Button, Card, DataTable, EmptyState, TextInput } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageFrame } from '../forms/PageFrame.tsx';
import './webhooks.css';

type Webhook = RouterOutputs['admin']['webhooks']['list'][number];
type Delivery = RouterOutputs['admin']['webhooks']['deliveries'][number];

/** 'feedback.received' → 'webhooks.event.feedback_received' (keys cannot hold dots). */
const eventKey = (event: string) => `webhooks.event.${event.replace('.', '_')}`;

/**
 * The organisation's webhooks (admins only, API `admin.webhooks`): list, add one (its signing secret shown once),
 * pause, resume, replace the secret, delete, and read a webhook's deliveries, sending one again.
 */
export function Webhooks({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.webhooks.list.queryOptions());
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.pathKey() });
  const update = useMutation(trpc.admin.webhooks.update.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(
    trpc.admin.webhooks.rotateSecret.mutationOptions({
      onSuccess: (r) => {
        setSecret({ url: r.webhook.url, secret: r.secret });
        void refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.admin.webhooks.delete.mutationOptions({
      onSuccess: () => {
        setNotice(t('webhooks.removed'));
        setHistoryOf(null);
        void refresh();
      },
    }),
  );
  const shown = list.data?.find((w) => w.id === historyOf) ?? null;

  return (
    <PageFrame
      me={me}
      title={t('webhooks.title')}
      intro={t('webhooks.intro')}
      canChange
      changedBy=""
      saved={notice}
      queries={[list]}
    >
      <p className="fx-hint">{t('webhooks.privacy', { k: settings.data?.kThreshold ?? 5 })}</p>
      {secret ? (
        <Alert tone="warning">
          <div className="fx-stack">
            <strong>{t('webhooks.secretTitle', { url: secret.url })}</strong>
            <code className="fx-webhook-secret">{secret.secret}</code>
            <span>{t('webhooks.secretOnce')}</span>
            <div>
              <Button size="sm" variant="secondary" onClick={() => setSecret(null)}>
                {t('webhooks.secretDone')}
              </Button>
            </div>
          </div>
        </Alert>
      ) : null}
      {list.data ? (
        <Card
          title={t('webhooks.listTitle', { count: list.data.length })}
          titleId="webhooks-list"
          aria-labelledby="webhooks-list"
        >
          {list.data.length === 0 ? (
            <EmptyState title={t('webhooks.empty')} />
          ) : (
            <DataTable
              title={t('webhooks.caption')}
              className="fx-table--stack"
              columns={[
                t('webhooks.col.url'),
                t('webhooks.col.events'),
                t('webhooks.col.state'),
                t('webhooks.col.actions'),
              ]}
            >
              {list.data.map((w) => (
                <WebhookRow
                  key={w.id}
                  webhook={w}
                  busy={update.isPending || rotate.isPending || remove.isPending}
                  onState={(state) =>
                    update.mutate({ webhookId: w.id, url: w.url, events: w.events, description: w.description, state })
                  }
                  onRotate={() => rotate.mutate({ webhookId: w.id })}
                  onHistory={() => setHistoryOf(historyOf === w.id ? null : w.id)}
                  onRemove={() => {
                    if (window.confirm(t('webhooks.removeConfirm', { url: w.url }))) remove.mutate({ webhookId: w.id });
                  }}
                />
              ))}
            </DataTable>
          )}
          {update.isError ? <ErrorAlert error={update.error} /> : null}
          {rotate.isError ? <ErrorAlert error={rotate.error} /> : null}
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        </Card>
      ) : null}
      {shown ? <History webhook={shown} onClose={() => setHistoryOf(null)} /> : null}
      <CreateWebhook
        onCreated={(r) => {
          setSecret({ url: r.webhook.url, secret: r.secret });
          setNotice('');
          void refresh();
        }}
      />
    </PageFrame>
  );
}

function WebhookRow(props: {
  webhook: Webhook;
  busy: boolean;
  onState: (state: 'active' | 'paused') => void;
  onRotate: () => void;
  onHistory: () => void;
  onRemove: () => void;
}) {
  const { t, lang } = useLang();
  const w = props.webhook;
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <tr>
      <th scope="row" data-label={t('webhooks.col.url')} className="fx-break">
        {w.url}
        {w.description ? <span className="fx-small fx-block">{w.description}</span> : null}
      </th>
      <td data-label={t('webhooks.col.events')}>
        {w.events.map((e) => (
          <span key={e} className="fx-block">
            {t(eventKey(e))}
          </span>
        ))}
      </td>
      <td data-label={t('webhooks.col.state')}>
        <Badge tone={w.state === 'active' ? 'success' : 'warning'}>{t(`webhooks.state.${w.state}`)}</Badge>
        {w.state === 'paused' && w.pausedAt && w.failingSince ? (
          <span className="fx-small fx-block">
            {t('webhooks.pausedAt', { when: when.format(new Date(w.pausedAt)) })}
          </span>
        ) : w.failingSince ? (
          <span className="fx-small fx-block">
            {t('webhooks.failingSince', { when: when.format(new Date(w.failingSince)) })}
          </span>
        ) : null}
      </td>
      <td data-label={t('webhooks.col.actions')}>
        <div className="fx-row fx-webhook-actions">
          <Button
            size="sm"
            variant="secondary"
            onClick={props.onHistory}
            aria-label={t('webhooks.historyNamed', { url: w.url })}
          >
            {t('webhooks.history')}
          </Button>
          {w.state === 'active' ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={props.busy}
              onClick={() => props.onState('paused')}
              aria-label={t('webhooks.pauseNamed', { url: w.url })}
            >
              {t('webhooks.pause')}
            </Button>
          ) : (
            <Button
              size="sm"
              variant="secondary"
              disabled={props.busy}
              onClick={() => props.onState('active')}
              aria-label={t('webhooks.resumeNamed', { url: w.url })}
            >
              {t('webhooks.resume')}
            </Button>
          )}
          <Button
            size="sm"
            variant="secondary"
            disabled={props.busy}
            onClick={props.onRotate}
            aria-label={t('webhooks.rotateNamed', { url: w.url })}
          >
            {t('webhooks.rotate')}
          </Button>
          <Button
            size="sm"
            variant="danger"
            disabled={props.busy}
            onClick={props.onRemove}
            aria-label={t('webhooks.removeNamed', { url: w.url })}
          >
            {t('webhooks.remove')}
          </Button>
        </div>
      </td>
    </tr>
  );
}

function History({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deliveries = useQuery(trpc.admin.webhooks.deliveries.queryOptions({ webhookId: webhook.id, limit: 50 }));
  const redeliver = useMutation(
    trpc.admin.webhooks.redeliver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.deliveries.queryKey() }),
    }),
  );
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  const attempt = (a: Delivery['attempts'][number]) =>
    t('webhooks.attempt', {
      when: when.format(new Date(a.attemptedAt)),
      result: a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? t('webhooks.noStatus')),
      ms: a.durationMs,
    });
  return (
    <Card
      title={t('webhooks.historyTitle', { url: webhook.url })}
      titleId="webhooks-history"
      aria-labelledby="webhooks-history"
    >
      {deliveries.isError ? <ErrorAlert error={deliveries.error} /> : null}
      {deliveries.data && deliveries.data.length === 0 ? <EmptyState title={t('webhooks.historyEmpty')} /> : null}
      {deliveries.data && deliveries.data.length > 0 ? (
        <DataTable
          title={t('webhooks.historyCaption')}
          className="fx-table--stack"
          columns={[
            t('webhooks.hcol.created'),
            t('webhooks.hcol.state'),
            t('webhooks.hcol.attempts'),
            t('webhooks.hcol.actions'),
          ]}
        >
          {deliveries.data.map((d) => (
            <tr key={d.id}>
              <th scope="row" data-label={t('webhooks.hcol.created')}>
                {t(eventKey(d.event))}
                <span className="fx-small fx-block">
                  <time dateTime={d.createdAt}>{when.format(new Date(d.createdAt))}</time>
                </span>
              </th>
              <td data-label={t('webhooks.hcol.state')}>
                <Badge tone={d.state === 'delivered' ? 'success' : d.state === 'failed' ? 'danger' : 'info'}>
                  {t(`webhooks.delivery.${d.state}`)}
                </Badge>
              </td>
              <td data-label={t('webhooks.hcol.attempts')} className="fx-break">
                {d.attempts.map((a) => (
                  <span key={a.attemptedAt} className="fx-block fx-small">
                    {attempt(a)}
                  </span>
                ))}
              </td>
              <td data-label={t('webhooks.hcol.actions')}>
                {d.state === 'delivered' || d.state === 'failed' ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={redeliver.isPending || webhook.state === 'paused'}
                    onClick={() => redeliver.mutate({ deliveryId: d.id })}
                    aria-label={t('webhooks.redeliverNamed', { event: t(eventKey(d.event)) })}
                  >
                    {t('webhooks.redeliver')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {redeliver.isError ? <ErrorAlert error={redeliver.error} /> : null}
      {redeliver.isSuccess ? <Alert tone="success">{t('webhooks.redelivered')}</Alert> : null}
      <div className="fx-row fx-row--end">
        <Button variant="secondary" size="sm" onClick={onClose}>
          {t('webhooks.close')}
        </Button>
      </div>
    </Card>
  );
}

function CreateWebhook({ onCreated }: { onCreated: (r: { webhook: Webhook; secret: string }) => void }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<{ url?: string; events?: string }>({});
  const create = useMutation(
    trpc.admin.webhooks.create.mutationOptions({
      onSuccess: (r) => {
        setUrl('');
        setDescription('');
        setEvents([]);
        onCreated(r);
      },
    }),
  );
  return (
    <Card title={t('webhooks.createTitle')} titleId="webhooks-create" aria-labelledby="webhooks-create">
      <form
        noValidate
        className="fx-stack"
        onSubmit={(e) => {
          e.preventDefault();
          const next = {
            url: url.trim() ? undefined : t('form.required'),
            events: events.length > 0 ? undefined : t('webhooks.eventsRequired'),
          };
          setErrors(next);
          if (next.url || next.events) return;
          create.mutate({ url: url.trim(), description: description.trim(), events });
        }}
      >
        <div className="fx-form-grid fx-form-grid--wide">
          <TextInput
            label={t('webhooks.url')}
            hint={t('webhooks.urlHint')}
            value={url}
            maxLength={500}
            inputMode="url"
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            required
          />
          <TextInput
            label={t('webhooks.description')}
            hint={t('webhooks.descriptionHint')}
            value={description}
            maxLength={200}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
        </div>
        <fieldset className="fx-webhook-events">
          <legend>{t('webhooks.events')}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="fx-checkbox">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={(e) =>
                  setEvents(e.currentTarget.checked ? [...events, event] : events.filter((x) => x !== event))
                }
              />
              <span>{t(eventKey(event))}</span>
            </label>
          ))}
          {errors.events ? (
            <p className="fx-error" role="alert">
              {errors.events}
            </p>
          ) : null}
        </fieldset>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <div className="fx-row fx-row--end">
          <Button type="submit" busy={create.isPending}>
            {t('webhooks.create')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

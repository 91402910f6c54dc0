import type { RouterOutputs } from '@facets/api';
import { OUTBOX_STATUSES, type OutboxStatus, UNDELIVERED_STATUSES } from '@facets/domain';
import { ErrorAlert, formatNumber, type Me, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Badge, type BadgeTone, Button, Card, DataTable, EmptyState, Select, TextInput } from '@facets/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { PageFrame } from '../forms/PageFrame.tsx';
import './delivery.css';

type Message = RouterOutputs['admin']['outbox']['list']['messages'][number];

const TONE: Record<OutboxStatus, BadgeTone> = {
  pending: 'neutral',
  retrying: 'warning',
  sent: 'success',
  failed: 'danger',
  bounced: 'danger',
};

/**
 * The organisation's e-mail for its admins: searched in recipient and subject, filtered by status with the count of
 * each, a page at a time, newest first; a bounced or failed message can be sent again. Below, the background jobs that
 * failed. Bodies are not shown here, and no list carries a personal link (the API replaces them).
 */
export function Delivery({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  // The cursors of the pages read so far: the last one is the page shown, popping goes back to newer messages.
  const [cursors, setCursors] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const cursor = cursors.at(-1);
  // The search is sent once typing pauses, and always from the first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setCursors([]);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useQuery({
    ...trpc.admin.outbox.list.queryOptions({
      limit: 50,
      ...(query ? { search: query } : {}),
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const jobs = useQuery(trpc.admin.jobs.failed.queryOptions());
  const retry = useMutation(
    trpc.admin.outbox.retry.mutationOptions({
      onSuccess: (message) => {
        setNotice(t('delivery.retried', { to: message.to }));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.outbox.list.queryKey() });
      },
    }),
  );
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const time = (iso: string | null) =>
    iso ? <time dateTime={iso}>{when.format(new Date(iso))}</time> : t('delivery.none');
  const n = (value: number) => formatNumber(value, lang);
  const totals = list.data?.totals;
  const all = totals ? Object.values(totals).reduce((a, b) => a + b, 0) : 0;
  const options = [
    { value: '', label: t('delivery.all', { n: n(all) }) },
    ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`delivery.statusCount.${s}`, { n: n(totals?.[s] ?? 0) }) })),
  ];
  const columns = ['to', 'subject', 'status', 'error', 'when'].map((c) => t(`delivery.col.${c}`));

  return (
    <PageFrame
      me={me}
      title={t('delivery.title')}
      intro={t('delivery.intro')}
      canChange
      changedBy=""
      saved=""
      queries={[list]}
    >
      <div className="fx-delivery-filters">
        <TextInput
          label={t('delivery.search')}
          placeholder={t('delivery.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t('delivery.statusLabel')}
          options={options}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value as OutboxStatus | '');
            setCursors([]);
          }}
        />
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {retry.isError ? <ErrorAlert error={retry.error} /> : null}
      {list.data ? (
        <Card title={t('delivery.tableTitle')} titleId="delivery-table" aria-labelledby="delivery-table">
          {list.data.messages.length === 0 ? (
            query === '' && status === '' ? (
              <EmptyState title={t('delivery.empty')} titleAs="h3" />
            ) : (
              <p>{t('delivery.noMatch')}</p>
            )
          ) : (
            <DataTable
              title={t('delivery.caption')}
              className="fx-table--stack fx-delivery-table"
              columns={[
                ...columns,
                <span key="action" className="fx-visually-hidden">
                  {t('delivery.retry')}
                </span>,
              ]}
              busy={list.isFetching}
            >
              {list.data.messages.map((m) => (
                <Row
                  key={m.id}
                  message={m}
                  time={time}
                  onRetry={() => retry.mutate({ messageId: m.id })}
                  busy={retry.isPending}
                />
              ))}
            </DataTable>
          )}
          <div className="fx-delivery-pages">
            {cursors.length > 0 ? (
              <Button variant="secondary" size="sm" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('delivery.newer')}
              </Button>
            ) : null}
            {list.data.nextCursor ? (
              <Button variant="secondary" size="sm" onClick={() => setCursors([...cursors, list.data.nextCursor!])}>
                {t('delivery.older')}
              </Button>
            ) : null}
          </div>
        </Card>
      ) : null}
      <Card title={t('delivery.jobs.title')} titleId="delivery-jobs" aria-labelledby="delivery-jobs">
        <p className="fx-hint">{t('delivery.jobs.intro')}</p>
        {jobs.isError ? <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
        {jobs.data && jobs.data.length === 0 ? <p>{t('delivery.jobs.empty')}</p> : null}
        {jobs.data && jobs.data.length > 0 ? (
          <DataTable
            title={t('delivery.jobs.caption')}
            className="fx-table--stack"
            columns={['name', 'attempts', 'error', 'failed'].map((c) => t(`delivery.jobs.col.${c}`))}
          >
            {jobs.data.map((job) => (
              <tr key={job.id}>
                <th scope="row" data-label={t('delivery.jobs.col.name')}>
                  <code>{job.name}</code>
                </th>
                <td data-label={t('delivery.jobs.col.attempts')}>{n(job.attempts)}</td>
                <td data-label={t('delivery.jobs.col.error')} className="fx-break">
                  {job.error}
                </td>
                <td data-label={t('delivery.jobs.col.failed')}>{time(job.failedAt)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
    </PageFrame>
  );
}

function Row(props: { message: Message; time: (iso: string | null) => ReactNode; onRetry: () => void; busy: boolean }) {
  const { t, lang } = useLang();
  const m = props.message;
  return (
    <tr>
      <th scope="row" data-label={t('delivery.col.to')} className="fx-delivery-to">
        {m.to}
      </th>
      <td data-label={t('delivery.col.subject')} className="fx-delivery-subject">
        {m.subject}
      </td>
      <td data-label={t('delivery.col.status')}>
        <Badge tone={TONE[m.status]}>{t(`delivery.status.${m.status}`)}</Badge>
        <span className="fx-block fx-small">
          {t('delivery.attempts', { count: m.attempts, n: formatNumber(m.attempts, lang) })}
        </span>
      </td>
      <td data-label={t('delivery.col.error')} className="fx-break">
        {m.lastError ?? t('delivery.none')}
      </td>
      <td data-label={t('delivery.col.when')} className="fx-delivery-when">
        <span className="fx-block">
          {t('delivery.col.created')} {props.time(m.createdAt)}
        </span>
        {m.sentAt ? (
          <span className="fx-block">
            {t('delivery.col.sent')} {props.time(m.sentAt)}
          </span>
        ) : null}
        {m.failedAt ? (
          <span className="fx-block">
            {t('delivery.stopped')} {props.time(m.failedAt)}
          </span>
        ) : null}
      </td>
      <td>
        {UNDELIVERED_STATUSES.includes(m.status) ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={props.busy}
            aria-label={t('delivery.retryLabel', { to: m.to })}
            onClick={props.onRetry}
          >
            {t('delivery.retry')}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}

import {
  ErrorAlert,
  FEEDBACK_STATUSES,
  type FeedbackStatus,
  type Me,
  pickText,
  useLang,
  useTRPC,
} from '@facets/portal-kit';
import { EmptyState, Loading, PageHeader, Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { InboxItemCard } from './InboxItemCard.tsx';

/** Roles that may reply to feedback and change its status (the API enforces the same list). */
const ACTING_ROLES: readonly string[] = ['admin', 'leadership', 'hr'];

export function Inbox({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const [status, setStatus] = useState<FeedbackStatus | ''>('');
  const [groupId, setGroupId] = useState('');
  const groups = useQuery(trpc.org.groups.queryOptions());
  const inbox = useQuery(
    trpc.feedback.inbox.queryOptions({ ...(status ? { status } : {}), ...(groupId ? { groupId } : {}) }),
  );
  const canAct = ACTING_ROLES.includes(me.role);

  return (
    <div className="fx-stack">
      <PageHeader title={t('inbox.title')} description={t('inbox.intro')} />
      <search className="fx-filters" aria-label={t('inbox.filters')}>
        <Select
          label={t('inbox.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as FeedbackStatus | '')}
          options={[
            { value: '', label: t('inbox.all') },
            ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Select
          label={t('inbox.filterGroup')}
          value={groupId}
          onChange={(e) => setGroupId(e.currentTarget.value)}
          options={[
            { value: '', label: t('inbox.all') },
            ...(groups.data ?? []).map((g) => ({ value: g.id, label: pickText(g.label, lang) })),
          ]}
        />
      </search>
      {!canAct ? <p className="fx-hint">{t('inbox.readOnly')}</p> : null}
      {inbox.isPending ? <Loading label={t('app.loading')} /> : null}
      {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data ? (
        <p className="fx-hint" role="status">
          {t('inbox.count', { count: inbox.data.length })}
        </p>
      ) : null}
      {inbox.data?.length === 0 ? <EmptyState title={t('inbox.emptyTitle')}>{t('inbox.emptyBody')}</EmptyState> : null}
      {inbox.data?.map((item) => (
        <InboxItemCard key={item.id} item={item} canAct={canAct} />
      ))}
    </div>
  );
}

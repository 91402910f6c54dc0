import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, PLAN_RUNNERS } from '@facets/domain';
import { ErrorAlert, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Button, EmptyState, Loading, PageHeader, Select, TextInput } from '@facets/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CsvColumn } from '../export/csv.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import type { InboxCounts, InboxEntry, Translate } from '../forms/types.ts';
import { ReadOnlyNotice } from '../roles/ReadOnlyNotice.tsx';
import { can } from '../roles/roles.ts';
import { EMPTY_VIEW, type InboxView, inboxInput, isFiltered, MAX_LIMIT, PAGE_SIZE } from './filters.ts';
import { InboxItemCard } from './InboxItemCard.tsx';
import './inbox.css';

/** Every group's feedback as a helpdesk list: views by status, filters, assignees, conversations. */
export function Inbox({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const [view, setView] = useState<InboxView>(EMPTY_VIEW);
  const [words, setWords] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const canAct = can(me, PLAN_RUNNERS);
  const update = (change: Partial<InboxView>) => {
    setView((v) => ({ ...v, ...change }));
    setLimit(PAGE_SIZE);
  };
  // Typing narrows the list once the person pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setView((v) => (v.search === words ? v : { ...v, search: words }));
      setLimit(PAGE_SIZE);
    }, 300);
    return () => clearTimeout(timer);
  }, [words]);

  const inbox = useQuery({
    ...trpc.feedback.inbox.queryOptions(inboxInput(view, limit)),
    placeholderData: keepPreviousData,
  });
  const summary = useQuery(trpc.feedback.inboxSummary.queryOptions());
  const assignees = useQuery(trpc.feedback.assignees.queryOptions());
  const structure = useQuery(trpc.plan.dimensions.list.queryOptions());
  const title = t('inbox.title');
  const items = inbox.data ?? [];
  const dimensions = (structure.data?.dimensions ?? []).filter(
    (d) => !view.groupId || d.groupIds.includes(view.groupId),
  );

  return (
    <div className="fx-stack">
      <PageHeader title={title} description={t('inbox.intro')} />
      {!canAct ? <ReadOnlyNotice me={me} who={t('roles.whoPlan')} /> : null}
      <StatusViews counts={summary.data} status={view.status} onChange={(status) => update({ status })} />
      <search className="fx-filters fx-inbox-filters" aria-label={t('inbox.filters')}>
        <TextInput
          label={t('inbox.search')}
          type="search"
          value={words}
          maxLength={200}
          onChange={(e) => setWords(e.currentTarget.value)}
        />
        <Select
          label={t('inbox.filterGroup')}
          value={view.groupId}
          onChange={(e) => update({ groupId: e.currentTarget.value, dimensionId: '' })}
          options={[
            { value: '', label: t('inbox.all') },
            ...(structure.data?.groups ?? []).map((g) => ({ value: g.id, label: pickText(g.label, lang) })),
          ]}
        />
        <Select
          label={t('inbox.filterCategory')}
          value={view.category}
          onChange={(e) => update({ category: e.currentTarget.value })}
          options={[
            { value: '', label: t('inbox.allFeminine') },
            ...FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
          ]}
        />
        <Select
          label={t('inbox.filterDimension')}
          value={view.dimensionId}
          onChange={(e) => update({ dimensionId: e.currentTarget.value })}
          options={[
            { value: '', label: t('inbox.allFeminine') },
            ...dimensions.map((d) => ({ value: d.id, label: pickText(d.label, lang) })),
          ]}
        />
        <Select
          label={t('inbox.filterAssignee')}
          value={view.assignee}
          onChange={(e) => update({ assignee: e.currentTarget.value })}
          options={[
            { value: '', label: t('inbox.anyone') },
            { value: 'me', label: t('inbox.assignedToMe', { n: summary.data?.mine ?? 0 }) },
            { value: 'unassigned', label: t('inbox.unassignedCount', { n: summary.data?.unassigned ?? 0 }) },
            ...(assignees.data ?? []).map((a) => ({ value: a.memberId, label: a.name })),
          ]}
        />
        <Select
          label={t('inbox.sort')}
          value={view.sort}
          onChange={(e) => update({ sort: e.currentTarget.value as InboxView['sort'] })}
          options={(['activity', 'newest', 'oldest'] as const).map((s) => ({
            value: s,
            label: t(`inbox.sortBy.${s}`),
          }))}
        />
      </search>
      <div className="fx-toolbar">
        <p className="fx-hint" role="status">
          {inbox.data ? t('inbox.count', { count: items.length }) : ''}
        </p>
        <div className="fx-row">
          {isFiltered(view) || words ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setWords('');
                update(EMPTY_VIEW);
              }}
            >
              {t('inbox.clearFilters')}
            </Button>
          ) : null}
          <ExportButton title={title} rows={items} columns={exportColumns(t, lang)} />
        </div>
      </div>
      {inbox.isPending ? <Loading label={t('app.loading')} /> : null}
      {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data?.length === 0 ? <EmptyState title={t('inbox.emptyTitle')}>{t('inbox.emptyBody')}</EmptyState> : null}
      {items.map((item) => (
        <InboxItemCard key={item.id} item={item} canAct={canAct} assignees={assignees.data ?? []} />
      ))}
      {items.length === limit && limit < MAX_LIMIT ? (
        <div className="fx-row fx-row--end">
          <Button variant="secondary" onClick={() => setLimit((l) => Math.min(l + PAGE_SIZE, MAX_LIMIT))}>
            {t('inbox.showMore')}
          </Button>
        </div>
      ) : null}
      {items.length === MAX_LIMIT ? <p className="fx-hint">{t('inbox.narrowDown', { count: MAX_LIMIT })}</p> : null}
    </div>
  );
}

/** The status views with their counts, as toggle buttons that wrap on small screens. */
function StatusViews(props: {
  counts: InboxCounts | undefined;
  status: InboxView['status'];
  onChange: (status: InboxView['status']) => void;
}) {
  const { t } = useLang();
  const total = props.counts ? Object.values(props.counts.byStatus).reduce((a, b) => a + b, 0) : null;
  const views = [
    { value: '' as const, label: t('inbox.all'), count: total },
    ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), count: props.counts?.byStatus[s] ?? null })),
  ];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, like the language switch
    <div className="fx-chips" role="group" aria-label={t('inbox.views')}>
      {views.map((v) => (
        <button
          key={v.value || 'all'}
          type="button"
          className="fx-chip"
          aria-pressed={props.status === v.value}
          onClick={() => props.onChange(v.value)}
        >
          {v.label}
          {v.count !== null ? <span className="fx-chip__count">{v.count}</span> : null}
        </button>
      ))}
    </div>
  );
}

function exportColumns(t: Translate, lang: 'fr' | 'en'): CsvColumn<InboxEntry>[] {
  return [
    { header: t('inbox.col.received'), value: (f) => f.createdAt },
    { header: t('inbox.col.group'), value: (f) => pickText(f.group.label, lang) },
    { header: t('inbox.col.from'), value: (f) => f.from ?? t('inbox.anonymous') },
    { header: t('inbox.col.company'), value: (f) => f.company },
    { header: t('inbox.col.category'), value: (f) => t(`category.${f.category}`) },
    { header: t('inbox.col.dimension'), value: (f) => (f.dimension ? pickText(f.dimension.label, lang) : '') },
    { header: t('inbox.col.status'), value: (f) => t(`status.${f.status}`) },
    { header: t('inbox.col.assignee'), value: (f) => f.assignee?.name ?? '' },
    { header: t('inbox.col.reference'), value: (f) => f.reference },
    { header: t('inbox.col.message'), value: (f) => f.body },
    { header: t('inbox.col.replies'), value: (f) => f.replies.length },
    { header: t('inbox.col.lastActivity'), value: (f) => f.updatedAt },
  ];
}

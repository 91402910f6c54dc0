import { DIRECTORY_KEEPERS, DIRECTORY_STATUSES, type DirectoryStatus } from '@facets/domain';
import { ErrorAlert, formatNumber, type Me, pickText, useLang, useRouter, useTRPC } from '@facets/portal-kit';
import { Alert, Badge, Button, Card, EmptyState, Loading, PageHeader, Select, TextInput } from '@facets/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Dialog } from '../forms/Dialog.tsx';
import { formatDay } from '../forms/dates.ts';
import { can } from '../roles/roles.ts';
import type { DirectoryPage, DirectoryPerson } from './api.ts';
import { SyncUpload } from './SyncUpload.tsx';
import './directory.css';

type Person = DirectoryPerson;

const PAGE_SIZE = 25;

/** A group's people: searched and paged, synced from the HR or CRM file, erased one by one on request. */
export function Directory({ me, groupId }: { me: Me; groupId?: string | undefined }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const { navigate } = useRouter();
  const groups = useQuery(trpc.org.groups.queryOptions());
  // Without a group in the address, the employees' directory: the one an HR team opens most.
  const chosen = groupId ?? (groups.data?.find((g) => g.kind === 'employee') ?? groups.data?.[0])?.id;
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DirectoryStatus>('active');
  const [page, setPage] = useState(0);
  const [erasing, setErasing] = useState<Person | null>(null);
  const [notice, setNotice] = useState('');
  // The search is sent once typing pauses, and always from its first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search);
      setPage(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useQuery({
    ...trpc.people.list.queryOptions(
      { groupId: chosen ?? '', search: query, status, page, pageSize: PAGE_SIZE },
      { enabled: chosen !== undefined && can(me, DIRECTORY_KEEPERS) },
    ),
    placeholderData: keepPreviousData,
  });
  const n = (value: number) => formatNumber(value, lang);

  if (!can(me, DIRECTORY_KEEPERS)) {
    return (
      <div className="fx-stack">
        <PageHeader title={t('directory.title')} description={t('directory.intro')} />
        <Alert tone="info">{t('directory.readOnly')}</Alert>
      </div>
    );
  }
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="fx-stack">
      <PageHeader title={t('directory.title')} description={t('directory.intro')} />
      {groups.isError ? <ErrorAlert error={groups.error} /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="fx-directory-filters">
        <Select
          label={t('directory.group')}
          value={chosen ?? ''}
          onChange={(e) => {
            setPage(0);
            setNotice('');
            navigate(`directory/${e.currentTarget.value}`);
          }}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: pickText(g.label, lang) }))}
        />
        <TextInput
          label={t('directory.search')}
          placeholder={t('directory.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t('directory.statusLabel')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value as DirectoryStatus);
            setPage(0);
          }}
          options={DIRECTORY_STATUSES.map((s) => ({ value: s, label: t(`directory.status.${s}`) }))}
        />
      </div>
      {list.isPending && chosen !== undefined ? <Loading label={t('app.loading')} /> : null}
      {data ? (
        <Card
          title={t('directory.tableTitle', { count: data.total, n: n(data.total) })}
          titleId="directory-table"
          aria-labelledby="directory-table"
          aside={<span className="fx-hint">{t('directory.activeCount', { n: n(data.active) })}</span>}
        >
          {data.people.length === 0 ? (
            query === '' && status === 'active' ? (
              <EmptyState title={t('directory.empty')} titleAs="h3">
                {t('directory.emptyBody')}
              </EmptyState>
            ) : (
              <p>{t('directory.noMatch')}</p>
            )
          ) : (
            <PeopleTable page={data} onErase={setErasing} />
          )}
          {pages > 1 ? (
            <nav className="fx-row fx-directory-pager" aria-label={t('directory.page', { page: page + 1, pages })}>
              <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('directory.previous')}
              </Button>
              <span>{t('directory.page', { page: n(page + 1), pages: n(pages) })}</span>
              <Button variant="secondary" size="sm" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {t('directory.next')}
              </Button>
            </nav>
          ) : null}
        </Card>
      ) : null}
      {data && chosen ? <SyncUpload groupId={chosen} columns={data.columns} /> : null}
      <EraseDialog
        person={erasing}
        onClose={() => setErasing(null)}
        onDone={() => {
          setErasing(null);
          setNotice(t('directory.erasedDone'));
        }}
      />
    </div>
  );
}

function PeopleTable({ page, onErase }: { page: DirectoryPage; onErase: (person: Person) => void }) {
  const { t, lang } = useLang();
  const valueLabel = (key: string, value: string) => {
    const attribute = page.columns.attributes.find((a) => a.key === key);
    const found = attribute?.values.find((v) => v.value === value);
    return found ? pickText(found.label, lang) : value;
  };
  return (
    <table className="fx-table fx-table--stack fx-directory-table">
      <caption className="fx-visually-hidden">{t('directory.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('directory.col.name')}</th>
          <th scope="col">{t('directory.col.externalId')}</th>
          <th scope="col">{t('directory.col.manager')}</th>
          <th scope="col">{t('directory.col.segments')}</th>
          <th scope="col">{t('directory.col.dates')}</th>
          <th scope="col">{t('directory.col.state')}</th>
          <th scope="col">{t('directory.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {page.people.map((p) => {
          const name = p.erasedAt ? t('directory.erasedName') : p.name;
          return (
            <tr key={p.id}>
              <th scope="row">
                {name}
                {p.email ? <span className="fx-small fx-block fx-break">{p.email}</span> : null}
                {p.company ? <span className="fx-small fx-block">{p.company}</span> : null}
              </th>
              <td data-label={t('directory.col.externalId')}>{p.externalId ?? '—'}</td>
              <td data-label={t('directory.col.manager')}>{p.manager?.name || '—'}</td>
              <td data-label={t('directory.col.segments')}>
                {Object.entries(p.segments)
                  .filter(([key]) => key !== 'company')
                  .map(([key, value]) => valueLabel(key, value))
                  .join(', ') || '—'}
              </td>
              <td data-label={t('directory.col.dates')}>
                {p.startDate ? (
                  <span className="fx-block">{t('directory.since', { date: formatDay(p.startDate, lang) })}</span>
                ) : null}
                {p.endDate ? (
                  <span className="fx-block">{t('directory.until', { date: formatDay(p.endDate, lang) })}</span>
                ) : null}
                {!p.startDate && !p.endDate ? '—' : null}
              </td>
              <td data-label={t('directory.col.state')}>
                <Badge tone={p.erasedAt ? 'neutral' : p.active ? 'success' : 'warning'}>
                  {p.erasedAt ? t('directory.erased') : p.active ? t('directory.active') : t('directory.inactive')}
                </Badge>
              </td>
              <td data-label={t('directory.col.actions')}>
                {p.erasedAt ? null : (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t('directory.eraseNamed', { name })}
                    onClick={() => onErase(p)}
                  >
                    {t('directory.erase')}
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Erasure asks once more, saying what goes and what stays: it cannot be undone. */
function EraseDialog(props: { person: Person | null; onClose: () => void; onDone: () => void }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const erase = useMutation(
    trpc.people.erase.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.people.pathFilter());
        props.onDone();
      },
    }),
  );
  const name = props.person?.name ?? '';
  return (
    <Dialog
      open={props.person !== null}
      title={t('directory.eraseTitle')}
      subtitle={name}
      closeLabel={t('directory.close')}
      onClose={() => {
        erase.reset();
        props.onClose();
      }}
    >
      <div className="fx-stack">
        <p>{t('directory.eraseBody', { name })}</p>
        {erase.isError ? <ErrorAlert error={erase.error} /> : null}
        <div className="fx-row fx-row--end">
          <Button variant="secondary" onClick={props.onClose}>
            {t('directory.cancel')}
          </Button>
          <Button
            variant="danger"
            busy={erase.isPending}
            onClick={() => props.person && erase.mutate({ stakeholderId: props.person.id })}
          >
            {t('directory.eraseConfirm')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

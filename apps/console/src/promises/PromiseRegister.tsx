import { PLAN_RUNNERS } from '@facets/domain';
import { type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Button, Card, DataTable, EmptyState, Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvColumn } from '../export/csv.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import { formatDay } from '../forms/dates.ts';
import { PageFrame } from '../forms/PageFrame.tsx';
import type { PlanDimensions, PromiseItem, Translate } from '../forms/types.ts';
import { useOrgLists } from '../model/lists.ts';
import { can } from '../roles/roles.ts';
import { DeletePromiseDialog, PromiseDialog } from './PromiseDialog.tsx';
import './promises.css';

/** What the organisation tells each group (the promises that raise expectations), newest first. */
export function PromiseRegister({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const promises = useQuery(trpc.plan.promises.list.queryOptions());
  const structure = useQuery(trpc.plan.dimensions.list.queryOptions());
  const [groupId, setGroupId] = useState('');
  const [channel, setChannel] = useState('');
  const [editing, setEditing] = useState<PromiseItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PromiseItem | null>(null);
  const [saved, setSaved] = useState('');
  const canRun = can(me, PLAN_RUNNERS);
  const title = t('promises.title');
  const shown = (promises.data ?? [])
    .filter((p) => (!groupId || p.groupId === groupId) && (!channel || p.channel === channel))
    .sort((a, b) => b.madeOn.localeCompare(a.madeOn));
  const lists = useOrgLists();
  const names = structure.data ? namesOf(structure.data, lang) : null;
  const done = (message: string) => {
    setEditing(null);
    setDeleting(null);
    setSaved(message);
  };

  return (
    <PageFrame
      me={me}
      title={title}
      intro={t('promises.intro')}
      canChange={canRun}
      changedBy={t('roles.whoPlan')}
      action={{ label: t('promises.new'), onClick: () => setEditing('new') }}
      saved={saved}
      queries={[promises, structure]}
    >
      {promises.data && structure.data && names ? (
        <Card
          title={t('promises.tableTitle')}
          titleId="promises-table"
          aria-labelledby="promises-table"
          aside={<ExportButton title={title} rows={shown} columns={exportColumns(t, names, lists.label)} />}
        >
          <div className="fx-toolbar">
            <search className="fx-filters" aria-label={t('promises.filters')}>
              <Select
                label={t('promises.filterGroup')}
                value={groupId}
                onChange={(e) => setGroupId(e.currentTarget.value)}
                options={[
                  { value: '', label: t('promises.allGroups') },
                  ...structure.data.groups.map((g) => ({ value: g.id, label: pickText(g.label, lang) })),
                ]}
              />
              <Select
                label={t('promises.filterChannel')}
                value={channel}
                onChange={(e) => setChannel(e.currentTarget.value)}
                options={[{ value: '', label: t('promises.allChannels') }, ...lists.all('promise_channel')]}
              />
            </search>
            <p className="fx-hint" role="status">
              {t('promises.count', { count: shown.length })}
            </p>
          </div>
          {shown.length === 0 ? (
            <EmptyState title={t('promises.emptyTitle')} titleAs="h3">
              {t('promises.emptyBody')}
            </EmptyState>
          ) : (
            <DataTable
              title={t('promises.caption')}
              className="fx-table--stack"
              columns={[
                t('promises.col.statement'),
                t('promises.col.group'),
                t('promises.col.channel'),
                t('promises.col.dimension'),
                t('promises.col.madeOn'),
                canRun && t('promises.col.actions'),
              ]}
            >
              {shown.map((p) => {
                const statement = pickText(p.statement, lang);
                return (
                  <tr key={p.id}>
                    <th scope="row" className="fx-promise-statement">
                      {statement}
                    </th>
                    <td data-label={t('promises.col.group')}>{names.group(p.groupId)}</td>
                    <td data-label={t('promises.col.channel')}>{lists.label('promise_channel', p.channel)}</td>
                    <td data-label={t('promises.col.dimension')}>
                      {p.dimensionId ? names.dimension(p.dimensionId) : t('promises.noDimension')}
                    </td>
                    <td data-label={t('promises.col.madeOn')}>{formatDay(p.madeOn, lang)}</td>
                    {canRun ? (
                      <td>
                        <div className="fx-row fx-promise-actions">
                          <Button
                            variant="secondary"
                            size="sm"
                            aria-label={t('promises.editNamed', { statement })}
                            onClick={() => setEditing(p)}
                          >
                            {t('form.edit')}
                          </Button>
                          <Button
                            variant="ghost"
                            size="sm"
                            aria-label={t('promises.deleteNamed', { statement })}
                            onClick={() => setDeleting(p)}
                          >
                            {t('form.delete')}
                          </Button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </DataTable>
          )}
        </Card>
      ) : null}
      {structure.data ? (
        <PromiseDialog editing={editing} structure={structure.data} onClose={() => setEditing(null)} onDone={done} />
      ) : null}
      <DeletePromiseDialog promise={deleting} onClose={() => setDeleting(null)} onDone={done} />
    </PageFrame>
  );
}

function namesOf(structure: PlanDimensions, lang: 'fr' | 'en') {
  const groups = new Map(structure.groups.map((g) => [g.id, pickText(g.label, lang)]));
  const dimensions = new Map(structure.dimensions.map((d) => [d.id, pickText(d.label, lang)]));
  return {
    group: (id: string) => groups.get(id) ?? '',
    dimension: (id: string) => dimensions.get(id) ?? '',
  };
}

/** The register as CSV, days as YYYY-MM-DD so that spreadsheets sort them. */
function exportColumns(
  t: Translate,
  names: ReturnType<typeof namesOf>,
  label: ReturnType<typeof useOrgLists>['label'],
): CsvColumn<PromiseItem>[] {
  return [
    { header: t('promises.col.madeOn'), value: (p) => p.madeOn },
    { header: t('promises.col.group'), value: (p) => names.group(p.groupId) },
    { header: t('promises.col.channel'), value: (p) => label('promise_channel', p.channel) },
    { header: t('promises.col.dimension'), value: (p) => (p.dimensionId ? names.dimension(p.dimensionId) : '') },
    { header: t('promises.col.statementFr'), value: (p) => p.statement.fr },
    { header: t('promises.col.statementEn'), value: (p) => p.statement.en },
  ];
}

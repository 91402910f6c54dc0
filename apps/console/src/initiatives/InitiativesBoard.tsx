import { PLAN_RUNNERS } from '@facets/domain';
import { type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { EmptyState, Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvColumn } from '../export/csv.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import { PageFrame } from '../forms/PageFrame.tsx';
import type { InitiativeItem, PlanDimensions, Translate } from '../forms/types.ts';
import { useOrgLists } from '../model/lists.ts';
import { can } from '../roles/roles.ts';
import { boardColumns, filterInitiatives } from './board.ts';
import { InitiativeCard } from './InitiativeCard.tsx';
import { InitiativeDialog } from './InitiativeDialog.tsx';
import './initiatives.css';

/** The proposed facet: what is put in place, by owner department and status, aimed at groups × dimensions. */
export function InitiativesBoard({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const initiatives = useQuery(trpc.plan.initiatives.list.queryOptions());
  const structure = useQuery(trpc.plan.dimensions.list.queryOptions());
  const [department, setDepartment] = useState('');
  const lists = useOrgLists();
  const [groupId, setGroupId] = useState('');
  const [editing, setEditing] = useState<InitiativeItem | 'new' | null>(null);
  const [saved, setSaved] = useState('');
  const canRun = can(me, PLAN_RUNNERS);
  const shown = filterInitiatives(initiatives.data ?? [], { department, groupId });
  const title = t('initiatives.title');

  return (
    <PageFrame
      me={me}
      title={title}
      intro={t('initiatives.intro')}
      canChange={canRun}
      changedBy={t('roles.whoPlan')}
      action={{ label: t('initiatives.new'), onClick: () => setEditing('new') }}
      saved={saved}
      queries={[initiatives, structure]}
    >
      {initiatives.data && structure.data ? (
        <>
          <div className="fx-toolbar">
            <search className="fx-filters" aria-label={t('initiatives.filters')}>
              <Select
                label={t('initiatives.filterDepartment')}
                value={department}
                onChange={(e) => setDepartment(e.currentTarget.value)}
                options={[{ value: '', label: t('initiatives.allDepartments') }, ...lists.all('department')]}
              />
              <Select
                label={t('initiatives.filterGroup')}
                value={groupId}
                onChange={(e) => setGroupId(e.currentTarget.value)}
                options={[
                  { value: '', label: t('initiatives.allGroups') },
                  ...structure.data.groups.map((g) => ({ value: g.id, label: pickText(g.label, lang) })),
                ]}
              />
            </search>
            <div className="fx-row">
              <p className="fx-hint" role="status">
                {t('initiatives.count', { count: shown.length })}
              </p>
              <ExportButton title={title} rows={shown} columns={exportColumns(t, lang, structure.data, lists.label)} />
            </div>
          </div>
          {initiatives.data.length === 0 ? (
            <EmptyState title={t('initiatives.emptyTitle')}>{t('initiatives.emptyBody')}</EmptyState>
          ) : (
            <div className="fx-board">
              {boardColumns(shown).map((column) => (
                <section key={column.status} className="fx-board__column" aria-labelledby={`column-${column.status}`}>
                  <h2 id={`column-${column.status}`} className="fx-board__title">
                    {t(`initiatives.status.${column.status}`)}
                    <span className="fx-board__count">{column.items.length}</span>
                  </h2>
                  {column.items.length === 0 ? <p className="fx-small">{t('initiatives.columnEmpty')}</p> : null}
                  {column.items.map((initiative) => (
                    <InitiativeCard
                      key={initiative.id}
                      initiative={initiative}
                      structure={structure.data}
                      canRun={canRun}
                      onEdit={() => setEditing(initiative)}
                    />
                  ))}
                </section>
              ))}
            </div>
          )}
        </>
      ) : null}
      {structure.data ? (
        <InitiativeDialog
          editing={editing}
          structure={structure.data}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
          }}
        />
      ) : null}
    </PageFrame>
  );
}

/** The board as CSV, one line per initiative shown, targets spelt out in the page's language, days as YYYY-MM-DD. */
function exportColumns(
  t: Translate,
  lang: 'fr' | 'en',
  structure: PlanDimensions,
  label: ReturnType<typeof useOrgLists>['label'],
): CsvColumn<InitiativeItem>[] {
  const group = new Map(structure.groups.map((g) => [g.id, pickText(g.label, lang)]));
  const dimension = new Map(structure.dimensions.map((d) => [d.id, pickText(d.label, lang)]));
  return [
    { header: t('initiatives.col.title'), value: (i) => pickText(i.title, lang) },
    { header: t('initiatives.col.status'), value: (i) => t(`initiatives.status.${i.status}`) },
    { header: t('initiatives.col.department'), value: (i) => label('department', i.ownerDepartment) },
    { header: t('initiatives.col.kind'), value: (i) => label('initiative_kind', i.kind) },
    { header: t('initiatives.col.start'), value: (i) => i.startDate },
    { header: t('initiatives.col.end'), value: (i) => i.endDate },
    {
      header: t('initiatives.col.targets'),
      value: (i) =>
        i.targets.map((x) => `${group.get(x.groupId) ?? ''} × ${dimension.get(x.dimensionId) ?? ''}`).join('; '),
    },
    { header: t('initiatives.col.published'), value: (i) => t(i.published ? 'initiatives.yes' : 'initiatives.no') },
    { header: t('initiatives.col.description'), value: (i) => pickText(i.description, lang) },
  ];
}

import { INTENDED_EDITORS } from '@facets/domain';
import { formatNumber, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Button, Card, DataTable, EmptyState, Select, VisuallyHidden } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvColumn } from '../export/csv.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import { PageFrame } from '../forms/PageFrame.tsx';
import type { PlanDimension, PlanGroup, Translate } from '../forms/types.ts';
import { can } from '../roles/roles.ts';
import { coverage, type GridRow, intendedGrid } from './grid.ts';
import { IntendedDialog, type IntendedTarget } from './IntendedDialog.tsx';
import './intended.css';

/** The intended facet: per group × dimension, the statement, target and priority leadership sets. */
export function IntendedEditor({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const structure = useQuery(trpc.plan.dimensions.list.queryOptions());
  const intended = useQuery(trpc.plan.intended.list.queryOptions());
  const [groupId, setGroupId] = useState('');
  const [editing, setEditing] = useState<IntendedTarget | null>(null);
  const [saved, setSaved] = useState('');
  const editable = can(me, INTENDED_EDITORS);
  const labelOf = (d: PlanDimension) => pickText(d.label, lang);
  const groups = (structure.data?.groups ?? []).filter((g) => !groupId || g.id === groupId);
  const rows = structure.data ? intendedGrid(groups, structure.data.dimensions, intended.data ?? [], labelOf) : [];
  const { pairs, set } = coverage(rows);
  const title = t('intended.title');
  const table = exportTable(rows, t, lang);

  return (
    <PageFrame
      me={me}
      title={title}
      intro={t('intended.intro')}
      canChange={editable}
      changedBy={t('roles.whoIntended')}
      saved={saved}
      queries={[structure, intended]}
    >
      {structure.data && intended.data ? (
        <Card
          title={t('intended.gridTitle')}
          titleId="intended-grid"
          aria-labelledby="intended-grid"
          aside={<ExportButton title={title} rows={table.data} columns={table.columns} />}
        >
          <div className="fx-toolbar">
            <search className="fx-filters" aria-label={t('intended.filters')}>
              <Select
                label={t('intended.filterGroup')}
                value={groupId}
                onChange={(e) => setGroupId(e.currentTarget.value)}
                options={[
                  { value: '', label: t('intended.allGroups') },
                  ...structure.data.groups.map((g) => ({ value: g.id, label: pickText(g.label, lang) })),
                ]}
              />
            </search>
            <p className="fx-hint">
              {t('intended.coverage', { set: formatNumber(set, lang), pairs: formatNumber(pairs, lang) })}
            </p>
          </div>
          {rows.length === 0 ? (
            <EmptyState title={t('intended.emptyTitle')} titleAs="h3">
              {t('intended.emptyBody')}
            </EmptyState>
          ) : (
            <IntendedTable rows={rows} groups={groups} editable={editable} onEdit={setEditing} />
          )}
        </Card>
      ) : null}
      <IntendedDialog
        target={editing}
        onClose={() => setEditing(null)}
        onDone={(message) => {
          setEditing(null);
          setSaved(message);
        }}
      />
    </PageFrame>
  );
}

function IntendedTable(props: {
  rows: GridRow[];
  groups: PlanGroup[];
  editable: boolean;
  onEdit: (target: IntendedTarget) => void;
}) {
  const { t, lang } = useLang();
  return (
    <DataTable
      title={t('intended.caption')}
      className="fx-table--stack fx-intended-grid"
      columns={[t('intended.col.dimension'), ...props.groups.map((g) => pickText(g.label, lang))]}
    >
      {props.rows.map((row) => {
        const dimension = pickText(row.dimension.label, lang);
        return (
          <tr key={row.dimension.id}>
            <th scope="row">
              <div>{dimension}</div>
              {row.dimension.shared ? <Badge tone="neutral">{t('intended.shared')}</Badge> : null}
            </th>
            {row.cells.map(({ group, applies, intended }) => {
              const groupName = pickText(group.label, lang);
              if (!applies) {
                return (
                  <td key={group.id} className="fx-intended-na">
                    <span aria-hidden="true">—</span>
                    <VisuallyHidden>{t('intended.notApplicable')}</VisuallyHidden>
                  </td>
                );
              }
              const pair = t('intended.pair', { group: groupName, dimension });
              return (
                <td key={group.id} data-label={groupName}>
                  <div className="fx-intended-cell">
                    {intended ? (
                      <>
                        <span className="fx-intended-cell__target">
                          {t('intended.targetValue', { target: formatNumber(intended.target, lang) })}
                        </span>
                        <span className="fx-small">{t(`intended.priority.${intended.priority}`)}</span>
                        <span className="fx-small fx-clamp">{pickText(intended.statement, lang)}</span>
                      </>
                    ) : (
                      <span className="fx-muted">{t('intended.notSet')}</span>
                    )}
                    {props.editable ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={t(intended ? 'intended.editPair' : 'intended.setPair', { pair })}
                        onClick={() => props.onEdit({ group, dimension: row.dimension, intended })}
                      >
                        {t(intended ? 'form.edit' : 'intended.set')}
                      </Button>
                    ) : null}
                  </div>
                </td>
              );
            })}
          </tr>
        );
      })}
    </DataTable>
  );
}

/** The grid as CSV: one line per group × dimension pair, set or not, in the page's language. */
function exportTable(rows: GridRow[], t: Translate, lang: 'fr' | 'en') {
  const data = rows.flatMap((row) =>
    row.cells
      .filter((c) => c.applies)
      .map((c) => ({
        group: pickText(c.group.label, lang),
        dimension: pickText(row.dimension.label, lang),
        intended: c.intended,
      })),
  );
  const columns: CsvColumn<(typeof data)[number]>[] = [
    { header: t('intended.col.group'), value: (r) => r.group },
    { header: t('intended.col.dimension'), value: (r) => r.dimension },
    { header: t('intended.col.target'), value: (r) => r.intended?.target },
    { header: t('intended.col.priority'), value: (r) => r.intended?.priority },
    { header: t('intended.col.statementFr'), value: (r) => r.intended?.statement.fr },
    { header: t('intended.col.statementEn'), value: (r) => r.intended?.statement.en },
    { header: t('intended.col.updated'), value: (r) => r.intended?.updatedAt.slice(0, 10) },
  ];
  return { data, columns };
}

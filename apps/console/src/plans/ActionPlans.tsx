import type { RouterOutputs } from '@facets/api';
import { ACTION_PLANNERS, SETTINGS_READERS } from '@facets/domain';
import { ErrorAlert, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Badge, Button, Card, DataTable, EmptyState, Loading, PageHeader } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FigureCell, GapFigure, useHiddenReason, useSelection } from '../figures/figures.tsx';
import { ProgrammePicker } from '../figures/ProgrammePicker.tsx';
import { ScopeFilters, useScopeChoice } from '../figures/ScopeFilters.tsx';
import { can } from '../roles/roles.ts';
import { ActionDialog, ConfirmDialog, ProgressDialog } from './ActionDialogs.tsx';
import { Coverage } from './Coverage.tsx';
import { FocusAreaCard } from './FocusAreaCard.tsx';
import './plans.css';

export type ActionPlan = RouterOutputs['actionPlans']['get'];
export type FocusAreaItem = ActionPlan['focusAreas'][number];
export type ActionItem = FocusAreaItem['actions'][number];

/** What a dialog of the page is open on. */
export type Editing =
  | { kind: 'new'; area: FocusAreaItem }
  | { kind: 'edit'; area: FocusAreaItem; action: ActionItem }
  | { kind: 'progress'; action: ActionItem }
  | { kind: 'delete'; action: ActionItem }
  | { kind: 'remove'; area: FocusAreaItem };

/**
 * Action plans: a scope's results for the chosen wave, the focus areas chosen from them, and their actions. A
 * manager plans for their department; HR, leadership and admins for the whole group or any segment of it; the
 * analyst reads. The group, scope, survey and wave are kept in the link, so that a plan can be shared.
 */
export function ActionPlans({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selection = useSelection();
  const choice = useScopeChoice(me);
  const { manager, groups, groupId, groupName, segment } = choice;
  const plan = useQuery({
    ...trpc.actionPlans.get.queryOptions({ groupId, ...(segment ? { segment } : {}), ...selection }),
    enabled: groupId !== '',
    placeholderData: (previous) => previous,
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState('');
  const canPlan = can(me, ACTION_PLANNERS);
  const refresh = () => queryClient.invalidateQueries(trpc.actionPlans.pathFilter());
  const addFocus = useMutation(
    trpc.actionPlans.focus.add.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setSaved(t('plans.focus.added'));
      },
    }),
  );
  const done = async (message: string) => {
    await refresh();
    setEditing(null);
    setSaved(message);
  };

  return (
    <div className="fx-stack">
      <PageHeader title={t('plans.title')} description={t('plans.intro')} />
      <ScopeFilters
        choice={choice}
        labels={{
          filters: t('plans.filters'),
          scope: t('plans.scope'),
        }}
      />
      {manager ? <p className="fx-hint">{t('plans.yourDepartment')}</p> : null}
      {plan.data ? (
        <ProgrammePicker groupName={groupName} programme={plan.data.programme} programmes={plan.data.programmes} />
      ) : null}
      {saved ? (
        <p className="fx-hint" role="status">
          {saved}
        </p>
      ) : null}
      {groups.isError ? <ErrorAlert error={groups.error} /> : null}
      {plan.isError ? <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {addFocus.isError ? <ErrorAlert error={addFocus.error} /> : null}
      {groups.isPending || (groupId && plan.isPending) ? <Loading label={t('app.loading')} /> : null}
      {plan.data ? (
        <>
          <Results
            plan={plan.data}
            canPlan={canPlan}
            busy={addFocus.isPending}
            onChoose={(dimensionId) => {
              if (!plan.data.wave) return;
              addFocus.mutate({
                groupId,
                ...(segment ? { segment } : {}),
                waveId: plan.data.wave.id,
                dimensionId,
              });
            }}
          />
          <FocusAreas plan={plan.data} canPlan={canPlan} onEdit={setEditing} onDone={done} />
          {!manager && !segment && can(me, SETTINGS_READERS) && plan.data.group.kind === 'employee' ? (
            <Coverage groupId={groupId} selection={selection} />
          ) : null}
        </>
      ) : null}
      <ActionDialog
        editing={editing?.kind === 'new' || editing?.kind === 'edit' ? editing : null}
        initiatives={plan.data?.initiatives ?? []}
        onClose={() => setEditing(null)}
        onDone={done}
      />
      <ProgressDialog
        action={editing?.kind === 'progress' ? editing.action : null}
        onClose={() => setEditing(null)}
        onDone={done}
      />
      <ConfirmDialog editing={editing} onClose={() => setEditing(null)} onDone={done} />
    </div>
  );
}

/** The chosen wave's results for the plan's people, each dimension with a button to choose it as a focus area. */
function Results(props: {
  plan: ActionPlan;
  canPlan: boolean;
  busy: boolean;
  onChoose: (dimensionId: string) => void;
}) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const { plan } = props;
  const k = plan.kThreshold;
  const wave = plan.wave;
  const chosen = new Set(plan.focusAreas.filter((a) => a.wave.id === wave?.id).map((a) => a.dimension.id));
  const hidden = plan.respondents.hidden;
  const title = wave ? t('plans.results.title', { wave: wave.label }) : t('plans.results.titleNone');
  return (
    <Card title={title} titleId="plan-results">
      {!wave ? (
        <EmptyState title={t('plans.results.none')} titleAs="h3" />
      ) : hidden !== null ? (
        <Alert tone="info">
          {t('plans.results.withheld', {
            wave: wave.label,
            reason: reason(hidden, k) ?? t('figures.noData'),
          })}
        </Alert>
      ) : (
        <>
          <p className="fx-hint">{t('plans.results.intro')}</p>
          <DataTable
            title={t('plans.results.caption', { wave: wave.label })}
            className="fx-table--stack fx-plan-results"
            columns={[
              t('plans.results.colDimension'),
              t('plans.results.colLived'),
              t('plans.results.colExpected'),
              t('plans.results.colFavourable'),
              t('plans.results.colTargetGap'),
              ...(props.canPlan ? [t('plans.results.colChoose')] : []),
            ]}
          >
            {plan.dimensions.map((d) => {
              const label = pickText(d.label, lang);
              return (
                <tr key={d.id}>
                  <th scope="row">{label}</th>
                  <td data-label={t('plans.results.colLived')}>
                    <FigureCell figure={d.lived} k={k} groupKind={plan.group.kind} />
                  </td>
                  <td data-label={t('plans.results.colExpected')}>
                    <FigureCell figure={d.expected} k={k} groupKind={plan.group.kind} />
                  </td>
                  <td data-label={t('plans.results.colFavourable')}>
                    <FigureCell
                      figure={{ value: d.favourability.value, n: d.favourability.n, hidden: d.favourability.hidden }}
                      k={k}
                      groupKind={plan.group.kind}
                    />
                  </td>
                  <td data-label={t('plans.results.colTargetGap')}>
                    {d.target === null ? (
                      <span className="fx-hint">{t('plans.results.noTarget')}</span>
                    ) : (
                      <GapFigure value={d.targetGap} text="" />
                    )}
                  </td>
                  {props.canPlan ? (
                    <td>
                      {chosen.has(d.id) ? (
                        <Badge tone="accent">{t('plans.results.chosen')}</Badge>
                      ) : d.lived.value === null && d.expected.value === null ? null : (
                        <Button
                          size="sm"
                          variant="secondary"
                          busy={props.busy}
                          aria-label={t('plans.results.chooseNamed', { dimension: label })}
                          onClick={() => props.onChoose(d.id)}
                        >
                          {t('plans.results.choose')}
                        </Button>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </Card>
  );
}

/** The focus areas of the current wave, then those of earlier waves of the programme, each with its actions. */
export function FocusAreas(props: {
  plan: ActionPlan;
  canPlan: boolean;
  onEdit: (editing: Editing) => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { t } = useLang();
  const current = props.plan.focusAreas.filter((a) => a.wave.id === props.plan.wave?.id);
  const earlier = props.plan.focusAreas.filter((a) => a.wave.id !== props.plan.wave?.id);
  return (
    <section className="fx-stack" aria-labelledby="plan-focus">
      <h2 id="plan-focus" className="fx-section-title">
        {t('plans.focus.title')}
      </h2>
      {current.length === 0 ? <p className="fx-hint">{t('plans.focus.empty')}</p> : null}
      {current.map((area) => (
        <FocusAreaCard key={area.id} area={area} canPlan={props.canPlan} onEdit={props.onEdit} onDone={props.onDone} />
      ))}
      {earlier.length > 0 ? (
        <>
          <h3 className="fx-section-title">{t('plans.focus.earlier')}</h3>
          {earlier.map((area) => (
            <FocusAreaCard
              key={area.id}
              area={area}
              canPlan={props.canPlan}
              onEdit={props.onEdit}
              onDone={props.onDone}
            />
          ))}
        </>
      ) : null}
    </section>
  );
}

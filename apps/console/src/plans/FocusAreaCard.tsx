import { ErrorAlert, formatDate, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, type BadgeTone, Button, Card, DataTable } from '@facets/ui';
import { useMutation } from '@tanstack/react-query';
import { formatDay } from '../forms/dates.ts';
import type { ActionItem, Editing, FocusAreaItem } from './ActionPlans.tsx';

const STATUS_TONE: Record<ActionItem['status'], BadgeTone> = {
  planned: 'neutral',
  in_progress: 'info',
  done: 'success',
  cancelled: 'warning',
};

/** One focus area: the dimension and the wave it was chosen from, its note, and its actions with their progress. */
export function FocusAreaCard(props: {
  area: FocusAreaItem;
  canPlan: boolean;
  onEdit: (editing: Editing) => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const { area } = props;
  const dimension = area.dimension.label ? pickText(area.dimension.label, lang) : t('plans.focus.unknownDimension');
  const publish = useMutation(
    trpc.actionPlans.actions.publish.mutationOptions({
      onSuccess: (a) => props.onDone(t(a.published ? 'plans.action.published' : 'plans.action.withdrawn')),
    }),
  );
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Card
      title={dimension}
      titleAs="h3"
      className="fx-focus-area"
      aside={
        props.canPlan ? (
          <div className="fx-row">
            <Button
              size="sm"
              aria-label={t('plans.focus.addActionNamed', { dimension })}
              onClick={() => props.onEdit({ kind: 'new', area })}
            >
              {t('plans.focus.addAction')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('plans.focus.removeNamed', { dimension })}
              onClick={() => props.onEdit({ kind: 'remove', area })}
            >
              {t('plans.focus.remove')}
            </Button>
          </div>
        ) : null
      }
    >
      <p className="fx-hint">{t('plans.focus.from', { wave: area.wave.label })}</p>
      {area.note ? <p className="fx-focus-area__note">{area.note}</p> : null}
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      {area.actions.length === 0 ? (
        <p className="fx-hint">{t('plans.focus.noActions')}</p>
      ) : (
        <DataTable
          title={t('plans.action.caption', { dimension })}
          className="fx-table--stack fx-plan-actions"
          columns={[
            t('plans.action.colAction'),
            t('plans.action.colOwner'),
            t('plans.action.colDue'),
            t('plans.action.colStatus'),
            t('plans.action.colShown'),
            ...(props.canPlan ? [t('plans.action.colActions')] : []),
          ]}
        >
          {area.actions.map((a) => {
            const last = a.updates.at(-1);
            const overdue = a.dueDate !== null && a.dueDate < today && a.status !== 'done' && a.status !== 'cancelled';
            return (
              <tr key={a.id}>
                <th scope="row">
                  <span className="fx-plan-actions__title">{a.title}</span>
                  {a.initiative?.title ? (
                    <span className="fx-hint">
                      {t('plans.action.initiative', { title: pickText(a.initiative.title, lang) })}
                    </span>
                  ) : null}
                  {last?.note ? (
                    <span className="fx-hint">
                      {t('plans.action.lastUpdate', { date: formatDate(last.createdAt, lang), note: last.note })}
                    </span>
                  ) : null}
                </th>
                <td data-label={t('plans.action.colOwner')}>{a.owner}</td>
                <td data-label={t('plans.action.colDue')}>
                  {a.dueDate ? formatDay(a.dueDate, lang) : t('plans.action.noDue')}
                  {overdue ? (
                    <>
                      {' '}
                      <Badge tone="danger">{t('plans.action.overdue')}</Badge>
                    </>
                  ) : null}
                </td>
                <td data-label={t('plans.action.colStatus')}>
                  <Badge tone={STATUS_TONE[a.status]}>{t(`plans.action.status.${a.status}`)}</Badge>
                </td>
                <td data-label={t('plans.action.colShown')}>
                  {a.published ? t('plans.action.shown') : t('plans.action.notShown')}
                </td>
                {props.canPlan ? (
                  <td>
                    <div className="fx-row fx-plan-actions__buttons">
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={t('plans.action.progressNamed', { title: a.title })}
                        onClick={() => props.onEdit({ kind: 'progress', action: a })}
                      >
                        {t('plans.action.progress')}
                      </Button>
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={t('plans.action.editNamed', { title: a.title })}
                        onClick={() => props.onEdit({ kind: 'edit', area, action: a })}
                      >
                        {t('plans.action.edit')}
                      </Button>
                      {a.status !== 'cancelled' ? (
                        <Button
                          size="sm"
                          variant="secondary"
                          busy={publish.isPending && publish.variables?.actionId === a.id}
                          aria-label={t(a.published ? 'plans.action.unpublishNamed' : 'plans.action.publishNamed', {
                            title: a.title,
                          })}
                          onClick={() => publish.mutate({ actionId: a.id, published: !a.published })}
                        >
                          {t(a.published ? 'plans.action.unpublish' : 'plans.action.publish')}
                        </Button>
                      ) : null}
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('plans.action.deleteNamed', { title: a.title })}
                        onClick={() => props.onEdit({ kind: 'delete', action: a })}
                      >
                        {t('plans.action.delete')}
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
  );
}

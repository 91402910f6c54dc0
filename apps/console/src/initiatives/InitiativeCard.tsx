import { ErrorAlert, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Button, Select } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { formatPeriod } from '../forms/dates.ts';
import type { InitiativeItem, PlanDimensions } from '../forms/types.ts';
import { publishBlocker, STATUSES } from './board.ts';

/** One initiative on the board: what, who, when, for whom; and for those who run it, edit, move and publish. */
export function InitiativeCard(props: {
  initiative: InitiativeItem;
  structure: PlanDimensions;
  canRun: boolean;
  onEdit: () => void;
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { initiative: i } = props;
  const titleId = useId();
  const refresh = () => queryClient.invalidateQueries(trpc.plan.initiatives.list.pathFilter());
  const move = useMutation(trpc.plan.initiatives.setStatus.mutationOptions({ onSuccess: refresh }));
  const publish = useMutation(trpc.plan.initiatives.publish.mutationOptions({ onSuccess: refresh }));
  const title = pickText(i.title, lang);
  const period = formatPeriod(i.startDate, i.endDate, lang, {
    from: (date) => t('initiatives.from', { date }),
    until: (date) => t('initiatives.until', { date }),
  });
  const groupName = (id: string) => pickText(props.structure.groups.find((g) => g.id === id)?.label, lang);
  const dimensionName = (id: string) => pickText(props.structure.dimensions.find((d) => d.id === id)?.label, lang);
  const blocker = publishBlocker(i);

  return (
    <article className="fx-initiative" aria-labelledby={titleId}>
      <div className="fx-initiative__head">
        <h3 id={titleId}>{title}</h3>
        {i.published ? <Badge tone="success">{t('initiatives.publishedBadge')}</Badge> : null}
      </div>
      <p className="fx-small">
        {t(`initiatives.department.${i.ownerDepartment}`)} · {t(`initiatives.kind.${i.kind}`)}
        {period ? ` · ${period}` : ''}
      </p>
      {i.description ? <p className="fx-small fx-clamp">{pickText(i.description, lang)}</p> : null}
      {i.targets.length > 0 ? (
        <ul className="fx-tags" aria-label={t('initiatives.targets')}>
          {i.targets.map((x) => (
            <li key={`${x.groupId}-${x.dimensionId}`}>
              <Badge tone="accent">
                {groupName(x.groupId)} · {dimensionName(x.dimensionId)}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="fx-small">{t('initiatives.noTargets')}</p>
      )}
      {props.canRun ? (
        <div className="fx-initiative__actions">
          <Select
            label={t('initiatives.moveTo')}
            value={move.isPending ? move.variables.status : i.status}
            disabled={move.isPending}
            onChange={(e) =>
              move.mutate({ initiativeId: i.id, status: e.currentTarget.value as InitiativeItem['status'] })
            }
            options={STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
          />
          <label className="fx-checkbox">
            <input
              type="checkbox"
              checked={publish.isPending ? publish.variables.published : i.published}
              disabled={publish.isPending || (blocker !== null && !i.published)}
              onChange={(e) => publish.mutate({ initiativeId: i.id, published: e.currentTarget.checked })}
            />
            <span>
              {t('initiatives.publish')}
              {blocker && !i.published ? (
                <span className="fx-small fx-block">{t(`initiatives.publishBlocked.${blocker}`)}</span>
              ) : null}
            </span>
          </label>
          <Button
            variant="secondary"
            size="sm"
            onClick={props.onEdit}
            aria-label={t('initiatives.editNamed', { title })}
          >
            {t('form.edit')}
          </Button>
        </div>
      ) : null}
      {move.isError ? <ErrorAlert error={move.error} /> : null}
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
    </article>
  );
}

import { ErrorAlert, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Button, Select } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatPeriod } from '../forms/dates.ts';
import type { InitiativeItem, PlanDimensions } from '../forms/types.ts';
import { useOrgLists } from '../model/lists.ts';
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
  // The choice shows at once (set in the same event, so the controlled input never springs back) until the board
  // has been read again after the change, or the change failed.
  const [shown, setShown] = useState<{ status?: InitiativeItem['status']; published?: boolean }>({});
  const settle = async () => {
    await queryClient.invalidateQueries(trpc.plan.initiatives.list.pathFilter());
    setShown({});
  };
  const move = useMutation(trpc.plan.initiatives.setStatus.mutationOptions({ onSettled: settle }));
  const publish = useMutation(trpc.plan.initiatives.publish.mutationOptions({ onSettled: settle }));
  const title = pickText(i.title, lang);
  const period = formatPeriod(i.startDate, i.endDate, lang, {
    from: (date) => t('initiatives.from', { date }),
    until: (date) => t('initiatives.until', { date }),
  });
  const groupName = (id: string) => pickText(props.structure.groups.find((g) => g.id === id)?.label, lang);
  const dimensionName = (id: string) => pickText(props.structure.dimensions.find((d) => d.id === id)?.label, lang);
  const blocker = publishBlocker(i);
  const lists = useOrgLists();

  return (
    <article className="fx-initiative" aria-labelledby={titleId}>
      <div className="fx-initiative__head">
        <h3 id={titleId}>{title}</h3>
        {i.published ? <Badge tone="success">{t('initiatives.publishedBadge')}</Badge> : null}
      </div>
      <p className="fx-small">
        {lists.label('department', i.ownerDepartment)} · {lists.label('initiative_kind', i.kind)}
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
          <div className="fx-initiative__move">
            <Select
              label={t('initiatives.moveTo')}
              value={shown.status ?? i.status}
              disabled={move.isPending}
              onChange={(e) => {
                const status = e.currentTarget.value as InitiativeItem['status'];
                setShown((v) => ({ ...v, status }));
                move.mutate({ initiativeId: i.id, status });
              }}
              options={STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
            />
            <Button
              variant="secondary"
              size="sm"
              onClick={props.onEdit}
              aria-label={t('initiatives.editNamed', { title })}
            >
              {t('form.edit')}
            </Button>
          </div>
          <label className="fx-checkbox">
            <input
              type="checkbox"
              checked={shown.published ?? i.published}
              disabled={publish.isPending || (blocker !== null && !i.published)}
              onChange={(e) => {
                const published = e.currentTarget.checked;
                setShown((v) => ({ ...v, published }));
                publish.mutate({ initiativeId: i.id, published });
              }}
            />
            <span>
              {t('initiatives.publish')}
              {blocker && !i.published ? (
                <span className="fx-small fx-block">{t(`initiatives.publishBlocked.${blocker}`)}</span>
              ) : null}
            </span>
          </label>
        </div>
      ) : null}
      {move.isError ? <ErrorAlert error={move.error} /> : null}
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
    </article>
  );
}

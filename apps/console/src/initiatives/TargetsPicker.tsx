import { pickText, useLang } from '@facets/portal-kit';
import type { PlanDimensions } from '../forms/types.ts';

export interface Target {
  groupId: string;
  dimensionId: string;
}

export const targetKey = (t: Target) => `${t.groupId}|${t.dimensionId}`;

/** Checkboxes of every group's dimensions: which group × dimension pairs an initiative aims at. */
export function TargetsPicker(props: {
  structure: PlanDimensions;
  value: readonly Target[];
  onChange: (value: Target[]) => void;
  error?: string | undefined;
}) {
  const { t, lang } = useLang();
  const chosen = new Set(props.value.map(targetKey));
  const toggle = (target: Target, on: boolean) =>
    props.onChange(on ? [...props.value, target] : props.value.filter((x) => targetKey(x) !== targetKey(target)));
  return (
    <fieldset className="fx-fieldset">
      <legend className="fx-legend">{t('initiatives.targets')}</legend>
      <p className="fx-hint">{t('initiatives.targetsHint')}</p>
      {props.error ? <p className="fx-error">{props.error}</p> : null}
      <div className="fx-targets">
        {props.structure.groups.map((group) => {
          const dimensions = props.structure.dimensions
            .filter((d) => d.groupIds.includes(group.id))
            .sort((a, b) => pickText(a.label, lang).localeCompare(pickText(b.label, lang)));
          if (dimensions.length === 0) return null;
          return (
            <fieldset key={group.id} className="fx-fieldset fx-targets__group">
              <legend className="fx-label">{pickText(group.label, lang)}</legend>
              {dimensions.map((d) => {
                const target = { groupId: group.id, dimensionId: d.id };
                return (
                  <label key={d.id} className="fx-checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.has(targetKey(target))}
                      onChange={(e) => toggle(target, e.currentTarget.checked)}
                    />
                    <span>{pickText(d.label, lang)}</span>
                  </label>
                );
              })}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}

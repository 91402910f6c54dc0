import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import type { Segment } from './DimensionPage.tsx';

/** Narrows the page to one segment of the group (the API refuses a filter that would identify people). */
export function SegmentFilter(props: {
  groupId: string;
  segment: Segment | undefined;
  onChange: (s?: Segment) => void;
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const segments = useQuery(trpc.insights.segments.queryOptions({ groupId: props.groupId }));
  const keys = segments.data?.segments ?? [];
  const key = props.segment?.key ?? '';
  const values = keys.find((s) => s.key === key)?.values ?? [];
  if (keys.length === 0) return null;
  return (
    <search className="fx-filters" aria-label={t('dimension.filter')}>
      <Select
        label={t('dimension.filterKey')}
        value={key}
        onChange={(e) => {
          const next = keys.find((s) => s.key === e.currentTarget.value);
          const first = next?.values[0];
          props.onChange(next && first ? { key: next.key, value: first.value } : undefined);
        }}
        options={[
          { value: '', label: t('dimension.wholeGroup') },
          ...keys.map((s) => ({ value: s.key, label: pickText(s.label, lang) })),
        ]}
      />
      {key ? (
        <Select
          label={t('dimension.filterValue')}
          value={props.segment?.value ?? ''}
          onChange={(e) => props.onChange({ key, value: e.currentTarget.value })}
          options={values.map((v) => ({ value: v.value, label: pickText(v.label, lang) }))}
        />
      ) : null}
    </search>
  );
}

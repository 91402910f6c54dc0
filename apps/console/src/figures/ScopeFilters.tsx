import { type Me, pickText, useLang, useRouter, useSearchParam, useTRPC } from '@facets/portal-kit';
import { Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';

/** A segment of a group, as the API takes it: `department = it`. */
export interface ScopeSegment {
  key: string;
  value: string;
}

/**
 * Whose results a page is about, as its link says (`?group=…&key=…&value=…`): a group the reader may see and,
 * for staff who see the whole group, optionally one segment of it. A manager's is always their department (the
 * API applies it; the link's segment is ignored).
 */
export function useScopeChoice(me: Me) {
  const { lang } = useLang();
  const trpc = useTRPC();
  const manager = me.role === 'manager';
  const groups = useQuery(trpc.org.groups.queryOptions());
  const visibleGroups = (groups.data ?? []).filter((g) => !manager || g.kind === 'employee');
  const groupParam = useSearchParam('group');
  const groupId = visibleGroups.some((g) => g.id === groupParam) ? (groupParam ?? '') : (visibleGroups[0]?.id ?? '');
  const keyParam = useSearchParam('key');
  const valueParam = useSearchParam('value');
  const scopeKey = manager ? '' : (keyParam ?? '');
  const scopeValue = manager ? '' : (valueParam ?? '');
  const segment: ScopeSegment | undefined = scopeKey && scopeValue ? { key: scopeKey, value: scopeValue } : undefined;
  const segments = useQuery({
    ...trpc.insights.segments.queryOptions({ groupId }),
    enabled: !manager && groupId !== '',
  });
  const group = visibleGroups.find((g) => g.id === groupId);
  return {
    manager,
    groups,
    visibleGroups,
    groupId,
    group,
    groupName: pickText(group?.label, lang),
    scopeKey,
    scopeValue,
    segment,
    keys: segments.data?.segments ?? [],
    /** Whether the segment attributes are still on their way (for staff who see the whole group). */
    keysLoading: segments.isLoading,
  };
}

export type ScopeChoice = ReturnType<typeof useScopeChoice>;

/** The selects of a scope choice: the group, then (for staff who see the whole group) a segment key and its value. */
export function ScopeFilters({
  choice,
  labels,
}: {
  choice: ScopeChoice;
  /** What the page calls its choice (its accessible name) and the segment select ("Plan for", "Scope"). */
  labels: { filters: string; scope: string };
}) {
  const { t, lang } = useLang();
  const { setSearch } = useRouter();
  const { manager, keys, scopeKey } = choice;
  const values = keys.find((k) => k.key === scopeKey)?.values ?? [];
  return (
    <search className="fx-filters" aria-label={labels.filters}>
      <Select
        label={t('scope.group')}
        value={choice.groupId}
        onChange={(e) => setSearch({ group: e.currentTarget.value, key: null, value: null, survey: null, wave: null })}
        options={choice.visibleGroups.map((g) => ({ value: g.id, label: pickText(g.label, lang) }))}
      />
      {!manager && keys.length > 0 ? (
        <Select
          label={labels.scope}
          value={scopeKey}
          onChange={(e) => {
            const key = keys.find((k) => k.key === e.currentTarget.value);
            setSearch({ key: key?.key ?? null, value: key?.values[0]?.value ?? null });
          }}
          options={[
            { value: '', label: t('scope.wholeGroup') },
            ...keys.map((k) => ({ value: k.key, label: pickText(k.label, lang) })),
          ]}
        />
      ) : null}
      {!manager && scopeKey ? (
        <Select
          label={t('scope.value')}
          value={choice.scopeValue}
          onChange={(e) => setSearch({ value: e.currentTarget.value })}
          options={values.map((v) => ({ value: v.value, label: pickText(v.label, lang) }))}
        />
      ) : null}
    </search>
  );
}

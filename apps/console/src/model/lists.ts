import type { OrganisationList } from '@facets/domain';
import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { useQuery } from '@tanstack/react-query';

/**
 * The organisation's lists for the plan pages: an entry's label by its code (the code itself while loading or if
 * unknown), and the choices a new row may take — active entries, plus the one a row already has.
 */
export function useOrgLists() {
  const trpc = useTRPC();
  const { lang } = useLang();
  const lists = useQuery(trpc.model.lists.get.queryOptions());
  const entries = (list: OrganisationList) => lists.data?.[list] ?? [];
  return {
    label: (list: OrganisationList, code: string) =>
      pickText(entries(list).find((e) => e.code === code)?.label, lang) || code,
    options: (list: OrganisationList, current?: string) =>
      entries(list)
        .filter((e) => !e.archived || e.code === current)
        .map((e) => ({ value: e.code, label: pickText(e.label, lang) })),
    /** Every entry, archived ones too: what filters over existing rows offer. */
    all: (list: OrganisationList) => entries(list).map((e) => ({ value: e.code, label: pickText(e.label, lang) })),
  };
}

/** The value a select shows: the chosen one when offered, else the first choice. */
export const offered = (value: string, options: readonly { value: string }[]): string =>
  options.some((o) => o.value === value) ? value : (options[0]?.value ?? value);

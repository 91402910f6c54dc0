import { useQuery } from '@tanstack/react-query';

/** Whether the server offers the first-run page; false when it cannot say. */
export function useSetupNeeded(): { needed: boolean; loading: boolean } {
  const query = useQuery({
    queryKey: ['setup'],
    queryFn: async () => {
      const response = await fetch('/api/setup', { credentials: 'same-origin' });
      return response.ok ? ((await response.json()) as { needed: boolean }).needed === true : false;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return { needed: query.data === true, loading: query.isPending };
}

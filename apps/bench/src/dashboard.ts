import { dimensionId, groupId } from './generator/index.ts';
import { queryUrl, TrpcError } from './http.ts';
import { percentile, round } from './stats.ts';

/** The console's dashboard views, with the inputs a leader's first screens send. */
export const VIEWS = [
  { name: 'overview', path: 'insights.overview', input: undefined },
  { name: 'compareGroups', path: 'insights.compareGroups', input: { metric: 'lived' } },
  { name: 'breakdown', path: 'insights.breakdown', input: { groupId: groupId('employee'), segmentKey: 'department' } },
  {
    name: 'dimension',
    path: 'insights.dimension',
    input: { groupId: groupId('employee'), dimensionId: dimensionId('transparency') },
  },
] as const;
export type ViewName = (typeof VIEWS)[number]['name'];

export interface ViewTiming {
  p50: number | null;
  p95: number | null;
  calls: number;
  /** Why the view was not measured (e.g. the procedure does not exist yet). */
  error?: string;
}

/**
 * Times each view through real HTTP, as the console calls it: a GET with the session cookie, the JSON body read in
 * full. Calls run one after another after a warm-up, so each timing is one request's latency on an idle server.
 */
export async function timeViews(
  baseUrl: string,
  cookie: string,
  options: { warmup: number; calls: number },
): Promise<Record<ViewName, ViewTiming>> {
  const result = {} as Record<ViewName, ViewTiming>;
  for (const view of VIEWS) {
    const url = queryUrl(baseUrl, view.path, view.input);
    const call = async () => {
      const response = await fetch(url, { headers: { cookie } });
      const body = await response.text();
      if (!response.ok) throw new TrpcError(view.path, response.status, body);
    };
    try {
      for (let i = 0; i < options.warmup; i++) await call();
      const samples: number[] = [];
      for (let i = 0; i < options.calls; i++) {
        const started = performance.now();
        await call();
        samples.push(performance.now() - started);
      }
      result[view.name] = {
        p50: round(percentile(samples, 50), 2),
        p95: round(percentile(samples, 95), 2),
        calls: samples.length,
      };
    } catch (error) {
      result[view.name] = { p50: null, p95: null, calls: 0, error: (error as Error).message.slice(0, 200) };
    }
  }
  return result;
}

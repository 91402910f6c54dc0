import { ErrorAlert, type Me, useLang } from '@facets/portal-kit';
import { Button, Loading, PageHeader } from '@facets/ui';
import type { ReactNode } from 'react';
import { ReadOnlyNotice } from '../roles/ReadOnlyNotice.tsx';

interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * The top of a planning or operations page: its title and purpose; the main action for those who may change the
 * page, the read-only notice for those who may not; the last change, said politely; the queries' loading and
 * failures (each with a retry). The page's content follows.
 */
export function PageFrame(props: {
  me: Me;
  title: string;
  intro: string;
  canChange: boolean;
  /** Who may change the page, as the read-only notice names them. */
  changedBy: string;
  action?: { label: string; onClick: () => void } | undefined;
  saved: string;
  queries: readonly QueryState[];
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <div className="fx-stack">
      <PageHeader
        title={props.title}
        description={props.intro}
        actions={
          props.canChange && props.action ? <Button onClick={props.action.onClick}>{props.action.label}</Button> : null
        }
      />
      {!props.canChange ? <ReadOnlyNotice me={props.me} who={props.changedBy} /> : null}
      {props.saved ? (
        <p className="fx-hint" role="status">
          {props.saved}
        </p>
      ) : null}
      {props.queries.some((q) => q.isPending) ? <Loading label={t('app.loading')} /> : null}
      {props.queries.map((q, i) =>
        q.isError ? <ErrorAlert key={i} error={q.error} onRetry={() => void q.refetch()} /> : null,
      )}
      {props.children}
    </div>
  );
}

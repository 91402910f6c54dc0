import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  titleAs?: 'h2' | 'h3';
}

export function EmptyState({ title, children, action, titleAs }: EmptyStateProps) {
  const Heading = titleAs ?? 'h2';
  return (
    <div className="fx-empty">
      <Heading>{title}</Heading>
      {typeof children === 'string' ? <p>{children}</p> : children}
      {action}
    </div>
  );
}

/** A polite loading message with a spinner. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="fx-loading" role="status">
      <span className="fx-spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="fx-visually-hidden">{children}</span>;
}

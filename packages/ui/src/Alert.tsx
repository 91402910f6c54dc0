import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
}

/** Errors interrupt (role=alert); other messages are polite status updates (role=status). */
export function Alert({ tone = 'info', title, children }: AlertProps) {
  return (
    <div className={`fx-alert fx-alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="fx-alert__title">{title}</p> : null}
      {typeof children === 'string' ? <p>{children}</p> : children}
    </div>
  );
}

import { ErrorAlert, useLang } from '@facets/portal-kit';
import { Button } from '@facets/ui';
import type { ReactNode } from 'react';

/**
 * The form inside a dialog: its fields, the failure of the last attempt, and the row of actions — Cancel, the
 * submit button (Save unless named otherwise), and any action of the form's own on the left (Delete, Clear).
 * The form's own checks run in `onSubmit`, which sends only when they pass.
 */
export function DialogForm(props: {
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  /** Shown as the generic error (null when the form shows it beside a field). */
  error?: unknown;
  submitLabel?: string;
  submitVariant?: 'primary' | 'danger';
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <form
      noValidate
      className="fx-stack"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
      {props.error ? <ErrorAlert error={props.error} /> : null}
      <div className="fx-dialog__actions">
        {props.extraActions}
        <Button variant="secondary" onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" variant={props.submitVariant ?? 'primary'} busy={props.busy}>
          {props.submitLabel ?? t('form.save')}
        </Button>
      </div>
    </form>
  );
}

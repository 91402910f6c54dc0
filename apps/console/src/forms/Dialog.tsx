import { Button } from '@facets/ui';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import './forms.css';

export interface DialogProps {
  open: boolean;
  title: string;
  /** One line under the title (what is being edited). */
  subtitle?: string;
  closeLabel: string;
  onClose: () => void;
  /** Rendered only while open, so that a form inside starts afresh each time. */
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the browser moves focus into it, keeps it there, closes it with Escape and
 * gives focus back to what opened it. The page behind is inert while it is open.
 */
export function Dialog(props: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { open, onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="fx-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <div className="fx-dialog__header">
            <div>
              <h2 id={titleId}>{props.title}</h2>
              {props.subtitle ? <p className="fx-hint">{props.subtitle}</p> : null}
            </div>
            <Button variant="ghost" size="sm" onClick={onClose} aria-label={props.closeLabel}>
              <span aria-hidden="true">×</span>
            </Button>
          </div>
          <div className="fx-dialog__body">{props.children}</div>
        </>
      ) : null}
    </dialog>
  );
}

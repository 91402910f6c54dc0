import { Alert, Button, TextArea } from '@facets/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useLang } from '../i18n/useLang.ts';

export interface ReplyFormProps {
  label: string;
  submitLabel: string;
  requiredMessage: string;
  sentMessage: string;
  /** Sends the reply; resolves when the server accepted it. */
  onSend: (body: string) => Promise<unknown>;
  /** Renders a failure (the caller localizes it). */
  renderError: (error: unknown) => string;
}

/** A reply box under a feedback thread, shared by the portals and the console inbox. */
export function ReplyForm(props: ReplyFormProps) {
  const { t } = useLang();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSent(false);
    setFailure(null);
    if (!body.trim()) {
      setError(props.requiredMessage);
      ref.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await props.onSend(body.trim());
      setBody('');
      setSent(true);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="fx-stack fx-reply" noValidate onSubmit={(e) => void submit(e)}>
      <TextArea
        ref={ref}
        label={props.label}
        rows={3}
        maxLength={5000}
        value={body}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          setSent(false);
        }}
        error={error}
      />
      {failure ? <Alert tone="error">{props.renderError(failure) || t('errors.generic')}</Alert> : null}
      {sent ? <Alert tone="success">{props.sentMessage}</Alert> : null}
      <div className="fx-row fx-row--end">
        <Button type="submit" variant="secondary" size="sm" busy={busy}>
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}

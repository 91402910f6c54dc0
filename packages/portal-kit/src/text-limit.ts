import { type ClipboardEvent, useState } from 'react';

/**
 * Refuses a paste that would take a text over its limit, before the browser has to lay out megabytes of it: the
 * paste is not inserted and the person is told how long the text would have been. Typing past the limit is still
 * caught by the form's own check (the count turns red), so nothing over the limit is ever sent.
 */
export function usePasteLimit(max: number) {
  const [refused, setRefused] = useState<number | null>(null);
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text').length;
    const field = event.currentTarget;
    const selected = Math.abs(field.selectionEnd - field.selectionStart);
    const length = field.value.length - selected + pasted;
    if (length > max) {
      event.preventDefault();
      setRefused(length);
    } else setRefused(null);
  };
  return { onPaste, refused, clear: () => setRefused(null) };
}

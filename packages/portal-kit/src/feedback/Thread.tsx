import type { FeedbackStatus } from '@facets/domain';
import { Badge, type BadgeTone } from '@facets/ui';
import { formatDateTime, type Language } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';

const STATUS_TONES: Readonly<Record<string, BadgeTone>> = {
  received: 'neutral',
  acknowledged: 'info',
  in_progress: 'warning',
  resolved: 'success',
} satisfies Record<FeedbackStatus, BadgeTone>;

/** A feedback's status as a badge with its word (colour is a second cue, never the only one). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useLang();
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{t(`status.${status}`)}</Badge>;
}

export interface ThreadEntry {
  id: string;
  author: string;
  staff: boolean;
  body: string;
  createdAt: string;
}

/** The conversation under a feedback, oldest first. */
export function Thread({ entries, label }: { entries: readonly ThreadEntry[]; label: string }) {
  const { lang } = useLang();
  if (entries.length === 0) return null;
  return (
    <ol className="fx-thread" aria-label={label}>
      {entries.map((e) => (
        <li key={e.id} className={e.staff ? 'fx-thread--staff' : undefined}>
          <div className="fx-thread__meta">
            <strong>{e.author}</strong> · <time dateTime={e.createdAt}>{when(e.createdAt, lang)}</time>
          </div>
          <p>{e.body}</p>
        </li>
      ))}
    </ol>
  );
}

function when(iso: string, lang: Language) {
  return formatDateTime(iso, lang);
}

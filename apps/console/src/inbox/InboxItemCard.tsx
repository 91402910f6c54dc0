import { FEEDBACK_STATUSES, type FeedbackStatus } from '@facets/domain';
import {
  ErrorAlert,
  formatDate,
  formatDateTime,
  pickText,
  ReplyForm,
  StatusBadge,
  Thread,
  useErrorMessage,
  useLang,
  useTRPC,
} from '@facets/portal-kit';
import { Badge, Card, Select } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Assignee, InboxEntry } from '../forms/types.ts';

/**
 * One feedback as a helpdesk ticket: what was said, by whom (unless anonymous), who handles it, the conversation;
 * for those who act on feedback, the status, the assignee and the reply.
 */
export function InboxItemCard({
  item,
  canAct,
  assignees,
}: {
  item: InboxEntry;
  canAct: boolean;
  assignees: readonly Assignee[];
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.feedback.inbox.pathFilter()),
      queryClient.invalidateQueries(trpc.feedback.inboxSummary.pathFilter()),
    ]);
  // A choice shows at once (set in the same event, so the select never springs back) until the inbox has been read
  // again after the change, or the change failed.
  const [shown, setShown] = useState<{ status?: FeedbackStatus; assignee?: string }>({});
  const settle = async () => {
    await refresh();
    setShown({});
  };
  const reply = useMutation(trpc.feedback.reply.mutationOptions({ onSuccess: refresh }));
  const setStatus = useMutation(trpc.feedback.setStatus.mutationOptions({ onSettled: settle }));
  const assign = useMutation(trpc.feedback.assign.mutationOptions({ onSettled: settle }));
  const titleId = `feedback-${item.id}`;
  const dimension = item.dimension ? pickText(item.dimension.label, lang) : null;
  const category = t(`category.${item.category}`);
  const author = item.from ? (item.company ? `${item.from} (${item.company})` : item.from) : null;
  // A former colleague may still hold resolved feedback: keep their name in the list so the select shows it.
  const assigneeOptions = [
    ...assignees.map((a) => ({ value: a.memberId, label: a.name })),
    ...(item.assignee && !assignees.some((a) => a.memberId === item.assignee?.memberId)
      ? [{ value: item.assignee.memberId, label: item.assignee.name }]
      : []),
  ];

  return (
    <Card
      as="article"
      aria-labelledby={titleId}
      title={dimension ? `${category} · ${dimension}` : category}
      titleAs="h2"
      titleId={titleId}
      aside={
        <div className="fx-row fx-inbox-badges">
          <Badge tone="accent">{pickText(item.group.label, lang)}</Badge>
          <StatusBadge status={item.status} />
          {item.awaitingReply ? <Badge tone="warning">{t('inbox.awaitingReply')}</Badge> : null}
        </div>
      }
    >
      <div className="fx-stack">
        <p className="fx-hint">
          {author ? t('inbox.from', { name: author }) : t('inbox.sentAnonymously')} · {formatDate(item.createdAt, lang)}
          {item.reference
            ? ` · ${t('myFeedback.referenceValue', { label: t('feedback.reference'), value: item.reference })}`
            : ''}
        </p>
        <p className="fx-body-text">{item.body}</p>
        <Thread
          label={t('inbox.conversation')}
          entries={item.replies.map((r) => ({
            id: r.id,
            author:
              r.authorKind === 'staff'
                ? (r.authorName ?? t('inbox.staffReply'))
                : (item.from ?? t('inbox.stakeholder')),
            staff: r.authorKind === 'staff',
            body: r.body,
            createdAt: r.createdAt,
          }))}
        />
        <p className="fx-small">
          {item.assignee ? t('inbox.handledBy', { name: item.assignee.name }) : t('inbox.unassigned')} ·{' '}
          {t('inbox.lastActivity', { date: formatDateTime(item.updatedAt, lang) })}
        </p>
        {canAct ? (
          <div className="fx-inbox-actions">
            <div className="fx-inbox-status">
              <Select
                label={t('inbox.status')}
                value={shown.status ?? item.status}
                disabled={setStatus.isPending}
                onChange={(e) => {
                  const status = e.currentTarget.value as FeedbackStatus;
                  setShown((v) => ({ ...v, status }));
                  setStatus.mutate({ feedbackId: item.id, status });
                }}
                options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              />
              <Select
                label={t('inbox.assignee')}
                value={shown.assignee ?? item.assignee?.memberId ?? ''}
                disabled={assign.isPending}
                onChange={(e) => {
                  const assignee = e.currentTarget.value;
                  setShown((v) => ({ ...v, assignee }));
                  assign.mutate({ feedbackId: item.id, assigneeMemberId: assignee || null });
                }}
                options={[{ value: '', label: t('inbox.nobody') }, ...assigneeOptions]}
              />
              {setStatus.isError ? <ErrorAlert error={setStatus.error} /> : null}
              {assign.isError ? <ErrorAlert error={assign.error} /> : null}
              {setStatus.isSuccess || assign.isSuccess ? (
                <p className="fx-hint" role="status">
                  {t(assign.isSuccess ? 'inbox.assigneeSaved' : 'inbox.statusSaved')}
                </p>
              ) : null}
            </div>
            <ReplyForm
              label={t('inbox.reply')}
              submitLabel={t('inbox.sendReply')}
              requiredMessage={t('inbox.replyRequired')}
              sentMessage={item.from ? t('inbox.replySent') : t('inbox.replySentAnonymous')}
              renderError={errorMessage}
              onSend={(body) => reply.mutateAsync({ feedbackId: item.id, body })}
            />
          </div>
        ) : null}
      </div>
    </Card>
  );
}

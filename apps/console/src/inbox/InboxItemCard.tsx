import {
  ErrorAlert,
  FEEDBACK_STATUSES,
  type FeedbackStatus,
  formatDate,
  type InboxItem,
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

/** One feedback: what was said, by whom (unless anonymous), the conversation, and the staff's controls. */
export function InboxItemCard({ item, canAct }: { item: InboxItem; canAct: boolean }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const refresh = () => queryClient.invalidateQueries(trpc.feedback.inbox.pathFilter());
  const reply = useMutation(trpc.feedback.reply.mutationOptions({ onSuccess: refresh }));
  const setStatus = useMutation(trpc.feedback.setStatus.mutationOptions({ onSuccess: refresh }));
  const titleId = `feedback-${item.id}`;
  const dimension = item.dimension ? pickText(item.dimension.label, lang) : null;
  const category = t(`category.${item.category}`);
  const author = item.from ?? t('inbox.anonymous');

  return (
    <Card
      as="article"
      aria-labelledby={titleId}
      title={dimension ? `${category} · ${dimension}` : category}
      titleAs="h2"
      titleId={titleId}
      aside={
        <div className="fx-row">
          <Badge tone="accent">{pickText(item.group.label, lang)}</Badge>
          <StatusBadge status={item.status} />
        </div>
      }
    >
      <div className="fx-stack">
        <p className="fx-hint">
          {t('inbox.from', { name: author })} · {formatDate(item.createdAt, lang)}
          {item.reference
            ? ` · ${t('myFeedback.referenceValue', { label: t('feedback.reference'), value: item.reference })}`
            : ''}
        </p>
        <p className="fx-body-text">{item.body}</p>
        <Thread
          label={t('inbox.conversation')}
          entries={item.replies.map((r) => ({
            id: r.id,
            author: r.authorKind === 'staff' ? t('inbox.staffReply') : (item.from ?? t('inbox.stakeholder')),
            staff: r.authorKind === 'staff',
            body: r.body,
            createdAt: r.createdAt,
          }))}
        />
        {canAct ? (
          <div className="fx-inbox-actions">
            <div className="fx-inbox-status">
              <Select
                label={t('inbox.status')}
                // Shows the chosen status at once; the refetch after the mutation confirms it.
                value={setStatus.isPending ? setStatus.variables.status : item.status}
                disabled={setStatus.isPending}
                onChange={(e) =>
                  setStatus.mutate({ feedbackId: item.id, status: e.currentTarget.value as FeedbackStatus })
                }
                options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              />
              {setStatus.isError ? <ErrorAlert error={setStatus.error} /> : null}
              {setStatus.isSuccess ? (
                <p className="fx-hint" role="status">
                  {t('inbox.statusSaved')}
                </p>
              ) : null}
            </div>
            <ReplyForm
              label={t('inbox.reply')}
              submitLabel={t('inbox.sendReply')}
              requiredMessage={t('inbox.replyRequired')}
              sentMessage={t('inbox.replySent')}
              renderError={errorMessage}
              onSend={(body) => reply.mutateAsync({ feedbackId: item.id, body })}
            />
          </div>
        ) : null}
      </div>
    </Card>
  );
}

import { Badge, ButtonLink, Card, EmptyState, Loading, PageHeader } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Me, type MyFeedbackItem, useTRPC } from '../api.ts';
import { ErrorAlert, useErrorMessage } from '../errors.tsx';
import { formatDate, pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';
import { browserStore } from '../storage.ts';
import { type FollowKey, loadFollowKeys } from './followKeys.ts';
import { ReplyForm } from './ReplyForm.tsx';
import { StatusBadge, Thread } from './Thread.tsx';

/** The person's own feedback, its status and the conversation with the organisation. */
export function MyFeedback({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const followKeys = loadFollowKeys(browserStore(), me.user.id);
  const list = useQuery(trpc.portal.feedback.list.queryOptions({ followKeys: followKeys.map((f) => f.key) }));
  const { href } = useRouter();
  const click = useLinkClick();
  const newLink = (
    <ButtonLink href={href('feedback/new')} onClick={(e) => click(href('feedback/new'), e)}>
      {t('nav.feedbackNew')}
    </ButtonLink>
  );
  return (
    <div className="fx-stack">
      <PageHeader title={t('myFeedback.title')} description={t('myFeedback.intro')} />
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.length === 0 ? (
        <EmptyState title={t('myFeedback.emptyTitle')} action={newLink}>
          {t('myFeedback.emptyBody')}
        </EmptyState>
      ) : null}
      {list.data?.map((item) => (
        <FeedbackCard key={item.id} item={item} me={me} followKeys={followKeys} />
      ))}
    </div>
  );
}

function FeedbackCard({ item, me, followKeys }: { item: MyFeedbackItem; me: Me; followKeys: FollowKey[] }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const reply = useMutation(trpc.portal.feedback.reply.mutationOptions());
  const titleId = `feedback-${item.id}`;
  const dimension = item.dimension ? pickText(item.dimension.label, lang) : null;
  const title = dimension ? `${t(`category.${item.category}`)} · ${dimension}` : t(`category.${item.category}`);
  return (
    <Card
      as="article"
      aria-labelledby={titleId}
      title={title}
      titleAs="h2"
      titleId={titleId}
      aside={
        <div className="fx-row">
          {item.anonymous ? <Badge tone="neutral">{t('feedbackExtra.anonymousBadge')}</Badge> : null}
          <StatusBadge status={item.status} />
        </div>
      }
    >
      <div className="fx-stack">
        <p className="fx-hint">
          {t('myFeedback.sentOn', { date: formatDate(item.createdAt, lang) })}
          {item.reference
            ? ` · ${t('myFeedback.referenceValue', { label: t('feedback.reference'), value: item.reference })}`
            : ''}
        </p>
        <p className="fx-body-text">{item.body}</p>
        {item.anonymous ? <p className="fx-hint">{t('feedbackExtra.anonymousNote')}</p> : null}
        <Thread
          label={t('myFeedback.replies')}
          entries={item.replies.map((r) => ({
            id: r.id,
            author: r.authorKind === 'staff' ? me.organization.name || t('myFeedback.team') : t('myFeedback.you'),
            staff: r.authorKind === 'staff',
            body: r.body,
            createdAt: r.createdAt,
          }))}
        />
        <ReplyForm
          label={t('myFeedback.reply')}
          submitLabel={t('myFeedback.sendReply')}
          requiredMessage={t('myFeedback.replyRequired')}
          sentMessage={t('myFeedback.replySent')}
          renderError={errorMessage}
          onSend={async (body) => {
            // The server checks the key against the feedback's own: only the device that sent it can answer.
            const followKey = item.anonymous ? followKeys.find((f) => f.feedbackId === item.id)?.key : undefined;
            await reply.mutateAsync({ feedbackId: item.id, body, ...(followKey ? { followKey } : {}) });
            await queryClient.invalidateQueries({ queryKey: trpc.portal.feedback.list.queryKey() });
          }}
        />
      </div>
    </Card>
  );
}

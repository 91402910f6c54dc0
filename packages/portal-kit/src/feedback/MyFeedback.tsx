import { ButtonLink, Card, EmptyState, Loading, PageHeader } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Me, type MyFeedbackItem, useTRPC } from '../api.ts';
import { ErrorAlert, useErrorMessage } from '../errors.tsx';
import { formatDate, pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { StatusBadge, Thread } from './Thread.tsx';

/** The person's own feedback, its status and the conversation with the organisation. */
export function MyFeedback({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const list = useQuery(trpc.portal.feedback.list.queryOptions());
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
        <FeedbackCard key={item.id} item={item} me={me} />
      ))}
    </div>
  );
}

function FeedbackCard({ item, me }: { item: MyFeedbackItem; me: Me }) {
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
      aside={<StatusBadge status={item.status} />}
    >
      <div className="fx-stack">
        <p className="fx-hint">
          {t('myFeedback.sentOn', { date: formatDate(item.createdAt, lang) })}
          {item.reference
            ? ` · ${t('myFeedback.referenceValue', { label: t('feedback.reference'), value: item.reference })}`
            : ''}
        </p>
        <p className="fx-body-text">{item.body}</p>
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
            await reply.mutateAsync({ feedbackId: item.id, body });
            await queryClient.invalidateQueries({ queryKey: trpc.portal.feedback.list.queryKey() });
          }}
        />
      </div>
    </Card>
  );
}

import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '@facets/domain';
import { Alert, Button, ButtonLink, Card, ChoiceGroup, PageHeader, Select, TextArea, TextInput } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { type Me, useTRPC } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';
import { TextWarning } from '../rules/notices.tsx';
import { browserStore, newIdempotencyKey } from '../storage.ts';
import { usePasteLimit } from '../text-limit.ts';
import { addFollowKey, newFollowKey } from './followKeys.ts';

const BODY_MAX = 5000;
const REFERENCE_MAX = 100;

interface Errors {
  category?: string;
  body?: string;
}

/**
 * Anytime feedback: category, optional topic, text and optional reference (its label is the portal's), and — where
 * the organisation allows it — without the person's name, followed from this device by a key only it keeps.
 */
export function FeedbackForm({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { href } = useRouter();
  const click = useLinkClick();
  const dimensions = useQuery(trpc.portal.dimension.list.queryOptions());
  const rules = useQuery(trpc.portal.rules.get.queryOptions());
  const [anonymous, setAnonymous] = useState(false);
  const paste = usePasteLimit(BODY_MAX);
  const [category, setCategory] = useState<FeedbackCategory | ''>('');
  const [dimensionId, setDimensionId] = useState('');
  const [body, setBody] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState(false);
  // One key per attempt: a double click or a retry after a lost reply is recorded once.
  const attemptKey = useRef<string | null>(null);
  const followKey = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const submit = useMutation(trpc.portal.feedback.submit.mutationOptions());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submit.isPending) return;
    const found: Errors = {};
    if (!category) found.category = t('feedback.categoryRequired');
    if (!body.trim()) found.body = t('feedback.messageRequired');
    else if (body.trim().length > BODY_MAX) {
      found.body = t('feedbackExtra.tooLong', {
        length: body.trim().length.toLocaleString(lang),
        max: BODY_MAX.toLocaleString(lang),
      });
    }
    setErrors(found);
    if (found.category || found.body) {
      const selector = found.category ? 'input[type=radio]' : 'textarea';
      formRef.current?.querySelector<HTMLElement>(selector)?.focus();
      return;
    }
    attemptKey.current ??= newIdempotencyKey();
    const withoutName = anonymous && rules.data?.allowAnonymousFeedback === true;
    if (withoutName) followKey.current ??= newFollowKey();
    submit.mutate(
      {
        idempotencyKey: attemptKey.current,
        category: category as FeedbackCategory,
        ...(dimensionId ? { dimensionId } : {}),
        body: body.trim(),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(withoutName && followKey.current ? { anonymous: true, followKey: followKey.current } : {}),
      },
      {
        onSuccess: ({ id }) => {
          if (withoutName && followKey.current) {
            addFollowKey(browserStore(), me.user.id, { feedbackId: id, key: followKey.current });
          }
          attemptKey.current = null;
          followKey.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.portal.feedback.list.queryKey() });
          setSent(true);
          requestAnimationFrame(() => sentRef.current?.focus());
        },
      },
    );
  };

  const reset = () => {
    setCategory('');
    setDimensionId('');
    setBody('');
    setReference('');
    setAnonymous(false);
    setSent(false);
    submit.reset();
  };

  if (sent) {
    return (
      <div className="fx-stack">
        <PageHeader title={t('feedback.title')} />
        <div ref={sentRef} tabIndex={-1}>
          <Alert tone="success" title={t('feedback.sentTitle')}>
            {t('feedback.sentBody')}
          </Alert>
        </div>
        <div className="fx-row">
          <ButtonLink href={href('feedback')} onClick={(e) => click(href('feedback'), e)}>
            {t('feedback.seeMine')}
          </ButtonLink>
          <Button variant="secondary" onClick={reset}>
            {t('feedback.sendAnother')}
          </Button>
        </div>
      </div>
    );
  }

  const topicOptions = [
    { value: '', label: t('feedback.topicNone') },
    ...(dimensions.data ?? []).map((d) => ({ value: d.id, label: pickText(d.label, lang) })),
  ];

  return (
    <div className="fx-stack">
      <PageHeader title={t('feedback.title')} description={t('feedback.intro')} />
      <Card>
        <form ref={formRef} className="fx-stack" noValidate onSubmit={onSubmit}>
          <ChoiceGroup
            name="category"
            type="radio"
            legend={t('feedback.category')}
            options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            value={category ? [category] : []}
            onChange={(v) => {
              setCategory((v[0] as FeedbackCategory | undefined) ?? '');
              setErrors((e) => ({ ...e, category: undefined }));
            }}
            error={errors.category}
            required
          />
          <Select
            label={t('feedback.topic')}
            optionalText={t('app.optional')}
            options={topicOptions}
            value={dimensionId}
            onChange={(e) => setDimensionId(e.currentTarget.value)}
            disabled={dimensions.isPending}
          />
          <TextArea
            label={t('feedback.message')}
            hint={t('feedback.messageHint')}
            value={body}
            onChange={(e) => {
              paste.clear();
              setBody(e.currentTarget.value);
              setErrors((old) => ({ ...old, body: undefined }));
            }}
            onPaste={paste.onPaste}
            rows={6}
            error={
              paste.refused !== null
                ? t('runnerExtra.pasteTooLong', {
                    length: paste.refused.toLocaleString(lang),
                    max: BODY_MAX.toLocaleString(lang),
                  })
                : errors.body
            }
            required
          />
          <TextInput
            label={t('feedback.reference')}
            optionalText={t('app.optional')}
            hint={t('feedback.referenceHint')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            maxLength={REFERENCE_MAX}
            autoComplete="off"
          />
          {rules.data?.allowAnonymousFeedback ? (
            <div className="fx-check">
              <input
                id="feedback-anonymous"
                type="checkbox"
                checked={anonymous}
                onChange={(e) => setAnonymous(e.currentTarget.checked)}
                aria-describedby={
                  anonymous ? 'feedback-anonymous-hint feedback-text-warning' : 'feedback-anonymous-hint'
                }
              />
              <div>
                <label htmlFor="feedback-anonymous">{t('feedbackExtra.anonymous')}</label>
                <p className="fx-hint" id="feedback-anonymous-hint">
                  {t('feedbackExtra.anonymousHint')}
                </p>
                {/* Without a name, the text is what could still give its author away. */}
                {anonymous ? <TextWarning id="feedback-text-warning" reference /> : null}
              </div>
            </div>
          ) : null}
          {submit.isError ? <ErrorAlert error={submit.error} /> : null}
          <div className="fx-row fx-row--end">
            <Button type="submit" busy={submit.isPending}>
              {t('feedback.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}

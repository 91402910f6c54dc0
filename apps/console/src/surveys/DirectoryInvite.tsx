import { formatNumber, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, ChoiceGroup } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

/**
 * Invitations from the group's directory: its active people, or those of the segment values ticked; counted first
 * (nothing sent), then sent in one go. Nobody already invited to the wave is invited again.
 */
export function DirectoryInvite({
  waveId,
  attributes,
}: {
  waveId: string;
  attributes: SurveyDetail['invitationColumns']['attributes'];
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useSurveyError();
  const [segments, setSegments] = useState<Record<string, string[]>>({});
  const count = useMutation(trpc.surveys.invitations.fromDirectory.mutationOptions());
  const send = useMutation(
    trpc.surveys.invitations.fromDirectory.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.surveys.pathFilter()),
    }),
  );
  const n = (value: number) => formatNumber(value, lang);
  const filter = Object.fromEntries(Object.entries(segments).filter(([, values]) => values.length > 0));
  const choose = (key: string, values: string[]) => {
    count.reset();
    send.reset();
    setSegments({ ...segments, [key]: values });
  };
  const counted = count.data;
  // Segments the directory carries as values to pick from (a company segment is a supplier's record, not a choice).
  const choices = attributes.filter((a) => a.key !== 'company' && a.values.length > 0);

  return (
    <Card title={t('directory.invite.title')} titleAs="h2">
      <div className="fx-stack">
        <p className="fx-hint">{t('directory.invite.intro')}</p>
        {choices.map((a) => (
          <ChoiceGroup
            key={a.key}
            name={`directory-${a.key}`}
            type="checkbox"
            legend={pickText(a.label, lang)}
            hint={(segments[a.key] ?? []).length === 0 ? t('directory.invite.everyone') : undefined}
            options={a.values.map((v) => ({ value: v.value, label: pickText(v.label, lang) }))}
            value={segments[a.key] ?? []}
            onChange={(values) => choose(a.key, values)}
          />
        ))}
        <div>
          <Button
            variant="secondary"
            busy={count.isPending}
            onClick={() => count.mutate({ waveId, segments: filter, dryRun: true })}
          >
            {t('directory.invite.check')}
          </Button>
        </div>
        {count.isError ? <Alert tone="error">{refusal(count.error)}</Alert> : null}
        {send.isError ? <Alert tone="error">{refusal(send.error)}</Alert> : null}
        {counted && !send.data ? (
          <Alert tone="info">
            <p>
              {t('directory.invite.counted', {
                selected: n(counted.selected),
                invited: n(counted.invited),
                alreadyInvited: n(counted.alreadyInvited),
                withoutEmail: n(counted.withoutEmail),
              })}
              {counted.overLimit > 0
                ? ` ${t('surveyConsole.csv.overLimit', { count: counted.overLimit, n: n(counted.overLimit) })}`
                : null}
            </p>
            {counted.invited > 0 ? (
              <div>
                <Button busy={send.isPending} onClick={() => send.mutate({ waveId, segments: filter })}>
                  {t('directory.invite.send', { count: counted.invited, n: n(counted.invited) })}
                </Button>
              </div>
            ) : (
              <p>{t('directory.invite.nobody')}</p>
            )}
          </Alert>
        ) : null}
        {send.data ? (
          <Alert tone="success">
            {t('directory.invite.sent', { count: send.data.invited, n: n(send.data.invited) })}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}

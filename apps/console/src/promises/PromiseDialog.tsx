import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Select, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type BilingualErrors, BilingualFields, bilingualErrors, trimmed } from '../forms/BilingualFields.tsx';
import { Dialog } from '../forms/Dialog.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';
import { isDay } from '../forms/dates.ts';
import { useOrgLanguages } from '../forms/languages.ts';
import type { Bilingual, PlanDimensions, PromiseItem } from '../forms/types.ts';
import { offered, useOrgLists } from '../model/lists.ts';

/** The API's bound on a promise's statement (plan-inputs.ts). */
const MAX_STATEMENT = 1000;

export function PromiseDialog(props: {
  editing: PromiseItem | 'new' | null;
  structure: PlanDimensions;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  const existing = props.editing === 'new' ? null : props.editing;
  return (
    <Dialog
      open={props.editing !== null}
      title={t(existing ? 'promises.dialogEdit' : 'promises.dialogNew')}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.editing !== null ? (
        <PromiseForm existing={existing} structure={props.structure} onClose={props.onClose} onDone={props.onDone} />
      ) : null}
    </Dialog>
  );
}

function PromiseForm(props: {
  existing: PromiseItem | null;
  structure: PlanDimensions;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const e = props.existing;
  const [groupId, setGroupId] = useState(e?.groupId ?? props.structure.groups[0]?.id ?? '');
  const [dimensionId, setDimensionId] = useState(e?.dimensionId ?? '');
  const [channel, setChannel] = useState<string>(e?.channel ?? 'marketing');
  const channels = useOrgLists().options('promise_channel', e?.channel);
  const [statement, setStatement] = useState<Bilingual>(e?.statement ?? { fr: '', en: '' });
  const [madeOn, setMadeOn] = useState(e?.madeOn ?? new Date().toISOString().slice(0, 10));
  const [errors, setErrors] = useState<{ statement?: BilingualErrors; madeOn?: string }>({});
  const dimensions = props.structure.dimensions
    .filter((d) => d.groupIds.includes(groupId))
    .sort((a, b) => pickText(a.label, lang).localeCompare(pickText(b.label, lang)));
  const done = async () => {
    await queryClient.invalidateQueries(trpc.plan.promises.list.pathFilter());
    props.onDone(t('promises.saved'));
  };
  const create = useMutation(trpc.plan.promises.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.plan.promises.update.mutationOptions({ onSuccess: done }));
  const failure = create.error ?? update.error;

  const submit = () => {
    const next = {
      statement: bilingualErrors(statement, MAX_STATEMENT, t, languages),
      madeOn: isDay(madeOn) ? undefined : t('form.dateInvalid'),
    };
    setErrors(next);
    if (next.statement || next.madeOn) return;
    const fields = {
      groupId,
      dimensionId: dimensionId || null,
      channel: offered(channel, channels),
      statement: trimmed(statement, languages),
      madeOn,
    };
    if (e) update.mutate({ promiseId: e.id, ...fields });
    else create.mutate(fields);
  };

  return (
    <DialogForm onSubmit={submit} onCancel={props.onClose} busy={create.isPending || update.isPending} error={failure}>
      <div className="fx-form-grid">
        <Select
          label={t('promises.fieldGroup')}
          value={groupId}
          onChange={(ev) => {
            setGroupId(ev.currentTarget.value);
            setDimensionId('');
          }}
          options={props.structure.groups.map((g) => ({ value: g.id, label: pickText(g.label, lang) }))}
        />
        <Select
          label={t('promises.fieldDimension')}
          value={dimensionId}
          onChange={(ev) => setDimensionId(ev.currentTarget.value)}
          options={[
            { value: '', label: t('promises.noDimension') },
            ...dimensions.map((d) => ({ value: d.id, label: pickText(d.label, lang) })),
          ]}
        />
        <Select
          label={t('promises.fieldChannel')}
          value={offered(channel, channels)}
          onChange={(ev) => setChannel(ev.currentTarget.value)}
          options={channels}
        />
        <TextInput
          type="date"
          label={t('promises.fieldMadeOn')}
          value={madeOn}
          onChange={(ev) => setMadeOn(ev.currentTarget.value)}
          error={errors.madeOn}
          required
        />
      </div>
      <BilingualFields
        label={t('promises.fieldStatement')}
        hint={t('promises.statementHint')}
        value={statement}
        onChange={setStatement}
        errors={errors.statement}
        max={MAX_STATEMENT}
        multiline
      />
    </DialogForm>
  );
}

/** Asks before a promise leaves the register. */
export function DeletePromiseDialog(props: {
  promise: PromiseItem | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.plan.promises.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.plan.promises.list.pathFilter());
        props.onDone(t('promises.deleted'));
      },
    }),
  );
  return (
    <Dialog
      open={props.promise !== null}
      title={t('promises.deleteTitle')}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.promise ? (
        <DialogForm
          onSubmit={() => props.promise && remove.mutate({ promiseId: props.promise.id })}
          onCancel={props.onClose}
          busy={remove.isPending}
          error={remove.error}
          submitLabel={t('form.delete')}
          submitVariant="danger"
        >
          <p>{t('promises.deleteBody')}</p>
          <blockquote className="fx-quote">{pickText(props.promise.statement, lang)}</blockquote>
        </DialogForm>
      ) : null}
    </Dialog>
  );
}

import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Button, Select, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type BilingualErrors, BilingualFields, bilingualErrors, trimmed } from '../forms/BilingualFields.tsx';
import { Dialog } from '../forms/Dialog.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';
import { useOrgLanguages } from '../forms/languages.ts';
import type { IntendedCell, PlanDimension, PlanGroup } from '../forms/types.ts';
import { parseTarget } from './grid.ts';

export interface IntendedTarget {
  group: PlanGroup;
  dimension: PlanDimension;
  intended: IntendedCell | null;
}

/** The API's bound on a statement (plan-inputs.ts). */
const MAX_STATEMENT = 500;

/** Sets, changes or clears the intended experience of one group on one dimension. */
export function IntendedDialog(props: {
  target: IntendedTarget | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useLang();
  const pair = props.target
    ? t('intended.pair', {
        group: pickText(props.target.group.label, lang),
        dimension: pickText(props.target.dimension.label, lang),
      })
    : '';
  return (
    <Dialog
      open={props.target !== null}
      title={t(props.target?.intended ? 'intended.dialogEdit' : 'intended.dialogSet')}
      subtitle={pair}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.target ? (
        <IntendedForm target={props.target} pair={pair} onClose={props.onClose} onDone={props.onDone} />
      ) : null}
    </Dialog>
  );
}

function IntendedForm(props: {
  target: IntendedTarget;
  pair: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = props.target.intended;
  const [statement, setStatement] = useState(current?.statement ?? { fr: '', en: '' });
  const [target, setTarget] = useState(current ? String(current.target) : '');
  const [priority, setPriority] = useState(String(current?.priority ?? 2));
  const [errors, setErrors] = useState<{ statement?: BilingualErrors; target?: string }>({});
  const done = async (message: string) => {
    await queryClient.invalidateQueries(trpc.plan.intended.list.pathFilter());
    props.onDone(message);
  };
  const save = useMutation(
    trpc.plan.intended.set.mutationOptions({ onSuccess: () => done(t('intended.savedPair', { pair: props.pair })) }),
  );
  const clear = useMutation(
    trpc.plan.intended.clear.mutationOptions({
      onSuccess: () => done(t('intended.clearedPair', { pair: props.pair })),
    }),
  );
  const ids = { groupId: props.target.group.id, dimensionId: props.target.dimension.id };

  const submit = () => {
    const value = parseTarget(target);
    const next = {
      statement: bilingualErrors(statement, MAX_STATEMENT, t, languages),
      target: value === null ? t('intended.targetInvalid') : undefined,
    };
    setErrors(next);
    if (next.statement || next.target || value === null) return;
    save.mutate({ ...ids, statement: trimmed(statement, languages), target: value, priority: Number(priority) });
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onClose}
      busy={save.isPending}
      error={save.error ?? clear.error}
      extraActions={
        current ? (
          <Button variant="danger" className="fx-spacer" busy={clear.isPending} onClick={() => clear.mutate(ids)}>
            {t('intended.clear')}
          </Button>
        ) : null
      }
    >
      <BilingualFields
        label={t('intended.statement')}
        hint={t('intended.statementHint')}
        value={statement}
        onChange={setStatement}
        errors={errors.statement}
        max={MAX_STATEMENT}
        multiline
      />
      <div className="fx-form-grid">
        <TextInput
          label={t('intended.target')}
          hint={t('intended.targetHint')}
          inputMode="numeric"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          error={errors.target}
          required
        />
        <Select
          label={t('intended.priorityLabel')}
          value={priority}
          onChange={(e) => setPriority(e.currentTarget.value)}
          options={[1, 2, 3].map((p) => ({ value: String(p), label: t(`intended.priority.${p}`) }))}
        />
      </div>
    </DialogForm>
  );
}

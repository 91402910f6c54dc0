import { ACTION_STATUSES, type LocalizedText, MAX_ACTION_OWNER, MAX_ACTION_TITLE, MAX_PLAN_NOTE } from '@facets/domain';
import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Select, TextArea, TextInput } from '@facets/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../forms/Dialog.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';
import { isDay } from '../forms/dates.ts';
import type { ActionItem, Editing, FocusAreaItem } from './ActionPlans.tsx';

type Done = (message: string) => Promise<void>;

/** Writes a new action for a focus area, or edits one (its status moves through progress updates). */
export function ActionDialog(props: {
  editing: { kind: 'new'; area: FocusAreaItem } | { kind: 'edit'; area: FocusAreaItem; action: ActionItem } | null;
  initiatives: readonly { id: string; title: LocalizedText }[];
  onClose: () => void;
  onDone: Done;
}) {
  const { t, lang } = useLang();
  const e = props.editing;
  return (
    <Dialog
      open={e !== null}
      title={t(e?.kind === 'edit' ? 'plans.action.dialogEdit' : 'plans.action.dialogNew')}
      subtitle={e?.area.dimension.label ? pickText(e.area.dimension.label, lang) : undefined}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {e ? (
        <ActionForm editing={e} initiatives={props.initiatives} onClose={props.onClose} onDone={props.onDone} />
      ) : null}
    </Dialog>
  );
}

function ActionForm(props: {
  editing: { kind: 'new'; area: FocusAreaItem } | { kind: 'edit'; area: FocusAreaItem; action: ActionItem };
  initiatives: readonly { id: string; title: LocalizedText }[];
  onClose: () => void;
  onDone: Done;
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const existing = props.editing.kind === 'edit' ? props.editing.action : null;
  const [title, setTitle] = useState(existing?.title ?? '');
  const [owner, setOwner] = useState(existing?.owner ?? '');
  const [dueDate, setDueDate] = useState(existing?.dueDate ?? '');
  const [initiativeId, setInitiativeId] = useState(existing?.initiativeId ?? '');
  const [errors, setErrors] = useState<{ title?: string; owner?: string; dueDate?: string }>({});
  const onSuccess = () => props.onDone(t('plans.action.saved'));
  const create = useMutation(trpc.actionPlans.actions.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.actionPlans.actions.update.mutationOptions({ onSuccess }));
  const text = (value: string, max: number) =>
    value.trim() === ''
      ? t('plans.action.required')
      : value.trim().length > max
        ? t('plans.action.tooLong', { max })
        : undefined;

  const submit = () => {
    const next = {
      title: text(title, MAX_ACTION_TITLE),
      owner: text(owner, MAX_ACTION_OWNER),
      dueDate: dueDate === '' || isDay(dueDate) ? undefined : t('form.dateInvalid'),
    };
    setErrors(next);
    if (next.title || next.owner || next.dueDate) return;
    const fields = {
      title: title.trim(),
      owner: owner.trim(),
      dueDate: dueDate === '' ? null : dueDate,
      initiativeId: initiativeId === '' ? null : initiativeId,
    };
    if (existing) update.mutate({ actionId: existing.id, ...fields });
    else create.mutate({ focusAreaId: props.editing.area.id, ...fields });
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onClose}
      busy={create.isPending || update.isPending}
      error={create.error ?? update.error}
    >
      <TextArea
        label={t('plans.action.fieldTitle')}
        hint={t('plans.action.fieldTitleHint')}
        error={errors.title}
        value={title}
        rows={3}
        maxLength={MAX_ACTION_TITLE}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <TextInput
        label={t('plans.action.fieldOwner')}
        hint={t('plans.action.fieldOwnerHint')}
        error={errors.owner}
        value={owner}
        maxLength={MAX_ACTION_OWNER}
        onChange={(e) => setOwner(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('plans.action.fieldDue')}
        optionalText={t('app.optional')}
        error={errors.dueDate}
        value={dueDate}
        onChange={(e) => setDueDate(e.currentTarget.value)}
      />
      {props.initiatives.length > 0 ? (
        <Select
          label={t('plans.action.fieldInitiative')}
          value={initiativeId}
          onChange={(e) => setInitiativeId(e.currentTarget.value)}
          options={[
            { value: '', label: t('plans.action.noInitiative') },
            ...props.initiatives.map((i) => ({ value: i.id, label: pickText(i.title, lang) })),
          ]}
        />
      ) : null}
    </DialogForm>
  );
}

/** Records progress on an action: a new status, a note on what was done, or both. */
export function ProgressDialog(props: { action: ActionItem | null; onClose: () => void; onDone: Done }) {
  const { t } = useLang();
  return (
    <Dialog
      open={props.action !== null}
      title={t('plans.action.dialogProgress')}
      subtitle={props.action?.title}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.action ? <ProgressForm action={props.action} onClose={props.onClose} onDone={props.onDone} /> : null}
    </Dialog>
  );
}

function ProgressForm(props: { action: ActionItem; onClose: () => void; onDone: Done }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const [status, setStatus] = useState<ActionItem['status']>(props.action.status);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const progress = useMutation(
    trpc.actionPlans.actions.progress.mutationOptions({
      onSuccess: () => props.onDone(t('plans.action.progressSaved')),
    }),
  );
  const submit = () => {
    const trimmed = note.trim();
    const next =
      trimmed.length > MAX_PLAN_NOTE
        ? t('plans.action.tooLong', { max: MAX_PLAN_NOTE })
        : status === props.action.status && trimmed === ''
          ? t('plans.action.noteNeeded')
          : undefined;
    setError(next);
    if (next) return;
    progress.mutate({ actionId: props.action.id, status, note: trimmed === '' ? null : trimmed });
  };
  return (
    <DialogForm onSubmit={submit} onCancel={props.onClose} busy={progress.isPending} error={progress.error}>
      <Select
        label={t('plans.action.fieldStatus')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as ActionItem['status'])}
        options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plans.action.status.${s}`) }))}
      />
      <TextArea
        label={t('plans.action.fieldNote')}
        hint={t('plans.action.fieldNoteHint')}
        error={error}
        value={note}
        rows={4}
        maxLength={MAX_PLAN_NOTE}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </DialogForm>
  );
}

/** Asks before deleting an action or removing a focus area with its actions. */
export function ConfirmDialog(props: { editing: Editing | null; onClose: () => void; onDone: Done }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const e = props.editing?.kind === 'delete' || props.editing?.kind === 'remove' ? props.editing : null;
  const remove = useMutation(
    trpc.actionPlans.focus.remove.mutationOptions({ onSuccess: () => props.onDone(t('plans.focus.removed')) }),
  );
  const drop = useMutation(
    trpc.actionPlans.actions.delete.mutationOptions({ onSuccess: () => props.onDone(t('plans.action.deleted')) }),
  );
  const isRemove = e?.kind === 'remove';
  return (
    <Dialog
      open={e !== null}
      title={t(isRemove ? 'plans.focus.removeTitle' : 'plans.action.deleteTitle')}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {e ? (
        <DialogForm
          onSubmit={() =>
            e.kind === 'remove' ? remove.mutate({ focusAreaId: e.area.id }) : drop.mutate({ actionId: e.action.id })
          }
          onCancel={props.onClose}
          busy={remove.isPending || drop.isPending}
          error={remove.error ?? drop.error}
          submitLabel={t(isRemove ? 'plans.focus.remove' : 'plans.action.delete')}
          submitVariant="danger"
        >
          <p>{t(isRemove ? 'plans.focus.removeBody' : 'plans.action.deleteBody')}</p>
        </DialogForm>
      ) : null}
    </Dialog>
  );
}

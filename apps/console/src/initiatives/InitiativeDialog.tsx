import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Button, Select, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type BilingualErrors, BilingualFields, bilingualErrors, trimmed } from '../forms/BilingualFields.tsx';
import { Dialog } from '../forms/Dialog.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';
import { isDay } from '../forms/dates.ts';
import { useOrgLanguages } from '../forms/languages.ts';
import type { Bilingual, InitiativeItem, PlanDimensions } from '../forms/types.ts';
import { offered, useOrgLists } from '../model/lists.ts';
import { STATUSES } from './board.ts';
import { type Target, TargetsPicker } from './TargetsPicker.tsx';

/** The API's bounds (plan-inputs.ts). */
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;

/** Creates an initiative ('new') or edits one. */
export function InitiativeDialog(props: {
  editing: InitiativeItem | 'new' | null;
  structure: PlanDimensions;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useLang();
  const existing = props.editing === 'new' ? null : props.editing;
  return (
    <Dialog
      open={props.editing !== null}
      title={t(existing ? 'initiatives.dialogEdit' : 'initiatives.dialogNew')}
      subtitle={existing ? pickText(existing.title, lang) : undefined}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {props.editing !== null ? (
        <InitiativeForm existing={existing} structure={props.structure} onClose={props.onClose} onDone={props.onDone} />
      ) : null}
    </Dialog>
  );
}

interface Errors {
  title?: BilingualErrors;
  description?: BilingualErrors;
  startDate?: string;
  endDate?: string;
  status?: string;
  targets?: string;
}

function InitiativeForm(props: {
  existing: InitiativeItem | null;
  structure: PlanDimensions;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const e = props.existing;
  const [title, setTitle] = useState<Bilingual>(e?.title ?? { fr: '', en: '' });
  const [description, setDescription] = useState<Bilingual>(e?.description ?? { fr: '', en: '' });
  const [kind, setKind] = useState<string>(e?.kind ?? 'service');
  const [department, setDepartment] = useState<string>(e?.ownerDepartment ?? 'hr');
  const [status, setStatus] = useState<string>(e?.status ?? 'planned');
  const [startDate, setStartDate] = useState(e?.startDate ?? '');
  const [endDate, setEndDate] = useState(e?.endDate ?? '');
  const [targets, setTargets] = useState<Target[]>(e?.targets ?? []);
  const lists = useOrgLists();
  const departments = lists.options('department', e?.ownerDepartment);
  const kinds = lists.options('initiative_kind', e?.kind);
  const [errors, setErrors] = useState<Errors>({});
  const done = async (saved: InitiativeItem) => {
    await queryClient.invalidateQueries(trpc.plan.initiatives.list.pathFilter());
    props.onDone(t('initiatives.saved', { title: pickText(saved.title, lang) }));
  };
  const create = useMutation(trpc.plan.initiatives.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.plan.initiatives.update.mutationOptions({ onSuccess: done }));
  const remove = useMutation(
    trpc.plan.initiatives.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.plan.initiatives.list.pathFilter());
        props.onDone(t('initiatives.deleted', { title: pickText(title, lang) }));
      },
    }),
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const failure = create.error ?? update.error ?? remove.error;

  const submit = () => {
    const hasDescription = Boolean(description.fr.trim() || description.en.trim());
    const next: Errors = {
      title: bilingualErrors(title, MAX_TITLE, t, languages),
      description: hasDescription ? bilingualErrors(description, MAX_DESCRIPTION, t, languages) : undefined,
      startDate: startDate && !isDay(startDate) ? t('form.dateInvalid') : undefined,
      endDate:
        endDate && !isDay(endDate)
          ? t('form.dateInvalid')
          : startDate && endDate && endDate < startDate
            ? t('initiatives.endBeforeStart')
            : undefined,
      // What the API refuses for a published initiative, said before sending.
      status: e?.published && status === 'cancelled' ? t('initiatives.unpublishBeforeCancel') : undefined,
      targets: e?.published && targets.length === 0 ? t('initiatives.publishedNeedsGroup') : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const fields = {
      title: trimmed(title, languages),
      description: hasDescription ? trimmed(description, languages) : null,
      kind: offered(kind, kinds),
      ownerDepartment: offered(department, departments),
      status: status as InitiativeItem['status'],
      startDate: startDate || null,
      endDate: endDate || null,
      targets,
    };
    if (e) update.mutate({ initiativeId: e.id, ...fields });
    else create.mutate(fields);
  };

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onClose}
      busy={create.isPending || update.isPending}
      error={failure}
      extraActions={
        e ? (
          <Button
            variant="danger"
            className="fx-spacer"
            busy={remove.isPending}
            onClick={() => (confirmDelete ? remove.mutate({ initiativeId: e.id }) : setConfirmDelete(true))}
          >
            {t(confirmDelete ? 'initiatives.deleteForGood' : 'form.delete')}
          </Button>
        ) : null
      }
    >
      <BilingualFields
        label={t('initiatives.fieldTitle')}
        value={title}
        onChange={setTitle}
        errors={errors.title}
        max={MAX_TITLE}
      />
      <BilingualFields
        label={t('initiatives.fieldDescription')}
        hint={t('initiatives.descriptionHint')}
        value={description}
        onChange={setDescription}
        errors={errors.description}
        max={MAX_DESCRIPTION}
        multiline
      />
      <div className="fx-form-grid">
        <Select
          label={t('initiatives.fieldDepartment')}
          value={offered(department, departments)}
          onChange={(ev) => setDepartment(ev.currentTarget.value)}
          options={departments}
        />
        <Select
          label={t('initiatives.fieldKind')}
          value={offered(kind, kinds)}
          onChange={(ev) => setKind(ev.currentTarget.value)}
          options={kinds}
        />
        <Select
          label={t('initiatives.fieldStatus')}
          value={status}
          error={errors.status}
          onChange={(ev) => setStatus(ev.currentTarget.value)}
          options={STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
        />
      </div>
      <div className="fx-form-grid">
        <TextInput
          type="date"
          label={t('initiatives.fieldStart')}
          optionalText={t('app.optional')}
          value={startDate}
          onChange={(ev) => setStartDate(ev.currentTarget.value)}
          error={errors.startDate}
        />
        <TextInput
          type="date"
          label={t('initiatives.fieldEnd')}
          optionalText={t('app.optional')}
          value={endDate}
          onChange={(ev) => setEndDate(ev.currentTarget.value)}
          error={errors.endDate}
        />
      </div>
      <TargetsPicker structure={props.structure} value={targets} onChange={setTargets} error={errors.targets} />
      {confirmDelete ? <p className="fx-error">{t('initiatives.deleteConfirm')}</p> : null}
    </DialogForm>
  );
}

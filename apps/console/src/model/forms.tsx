import { GROUP_KINDS, type GroupKind, MODEL_CODE_MAX, MODEL_DESCRIPTION_MAX, MODEL_LABEL_MAX } from '@facets/domain';
import { type Language, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Button, ChoiceGroup, Select, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type BilingualErrors, BilingualFields, bilingualErrors, trimmed } from '../forms/BilingualFields.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';
import { knownRefusal } from '../forms/errors.ts';
import { useOrgLanguages } from '../forms/languages.ts';
import type { Bilingual, Translate } from '../forms/types.ts';
import { isCode, suggestCode } from './code.ts';
import type { ModelAttribute, ModelDimension, ModelGroup, ModelValue } from './types.ts';

/** The forms of the organisation model page, each in its dialog; `onDone` gets the sentence to show once saved. */

type Done = (message: string) => void;
const EMPTY: Bilingual = { fr: '', en: '' };

/** After any change of the model every page may read it differently (pickers, reports): read everything again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

/** The refusals only the server can know, worded by field and reason (never by the message). */
function refusals(t: Translate) {
  return [
    { field: 'code', reason: 'duplicate', message: t('model.codeTaken') },
    { field: 'key', reason: 'duplicate', message: t('model.codeTaken') },
    { field: 'value', reason: 'duplicate', message: t('model.codeTaken') },
    { field: 'key', reason: 'reserved', message: t('model.keyReserved') },
    { field: 'code', reason: 'reserved', message: t('model.codeReserved') },
    { field: 'groupIds', reason: 'in_use', message: t('model.groupsInUse') },
  ] as const;
}

function CodeField(props: {
  label: string;
  /** Instead of the general hint on codes. */
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useLang();
  return (
    <TextInput
      label={props.label}
      hint={props.hint ?? t('model.field.codeHint')}
      value={props.value}
      maxLength={MODEL_CODE_MAX}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      required
    />
  );
}

/** A name and, when new, a code suggested from the English name until the reader types one. */
function useNamed(initial: Bilingual, t: Translate) {
  const languages = useOrgLanguages();
  const [label, setLabel] = useState(initial);
  const [code, setCode] = useState('');
  const [codeTouched, setCodeTouched] = useState(false);
  const [errors, setErrors] = useState<{ label?: BilingualErrors | undefined; code?: string | undefined }>({});
  return {
    label,
    code: codeTouched ? code : suggestCode(label.en || label.fr),
    setLabel,
    setCode: (value: string) => {
      setCodeTouched(true);
      setCode(value.trim());
    },
    errors,
    /** Checks the name (and the code when `withCode`) as the API does; true when both pass. */
    check(withCode: boolean) {
      const next = {
        label: bilingualErrors(label, MODEL_LABEL_MAX, t, languages),
        code:
          withCode && !isCode(codeTouched ? code : suggestCode(label.en || label.fr))
            ? t('model.codeInvalid', { max: MODEL_CODE_MAX })
            : undefined,
      };
      setErrors(next);
      return !next.label && !next.code;
    },
  };
}

export function GroupForm(props: { group?: ModelGroup; onCancel: () => void; onDone: Done }) {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const named = useNamed(props.group?.label ?? EMPTY, t);
  const [kind, setKind] = useState<GroupKind>('employee');
  const onSuccess = () => {
    void refresh();
    const name = pickText(named.label, lang);
    props.onDone(t(props.group ? 'model.saved' : 'model.created', { name }));
  };
  const create = useMutation(trpc.model.groups.create.mutationOptions({ onSuccess }));
  const rename = useMutation(trpc.model.groups.rename.mutationOptions({ onSuccess }));
  const mutation = props.group ? rename : create;
  const known = mutation.error ? knownRefusal(mutation.error, refusals(t)) : null;
  const submit = () => {
    if (!named.check(!props.group)) return;
    const label = trimmed(named.label, languages);
    if (props.group) rename.mutate({ groupId: props.group.id, label });
    else create.mutate({ kind, code: named.code, label });
  };
  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onCancel}
      busy={mutation.isPending}
      error={known ? null : mutation.error}
      submitLabel={props.group ? t('form.save') : t('model.create')}
    >
      {props.group ? null : (
        <Select
          label={t('model.field.kind')}
          hint={t(`model.kindHint.${kind}`)}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as GroupKind)}
          options={GROUP_KINDS.map((k) => ({ value: k, label: t(`model.kind.${k}`) }))}
        />
      )}
      <BilingualFields
        label={t('model.field.label')}
        value={named.label}
        onChange={named.setLabel}
        errors={named.errors.label}
        max={MODEL_LABEL_MAX}
      />
      {props.group ? null : (
        <CodeField
          label={t('model.field.code')}
          hint={t('model.field.groupCodeHint', { path: `/${named.code || '…'}/` })}
          value={named.code}
          onChange={named.setCode}
          error={named.errors.code ?? known?.message}
        />
      )}
    </DialogForm>
  );
}

export function DimensionForm(props: {
  dimension?: ModelDimension;
  groups: readonly ModelGroup[];
  groupId: string;
  onCancel: () => void;
  onDone: Done;
}) {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const d = props.dimension;
  const named = useNamed(d?.label ?? EMPTY, t);
  const [description, setDescription] = useState<Bilingual>(d?.description ?? EMPTY);
  const [descriptionErrors, setDescriptionErrors] = useState<BilingualErrors>();
  const [groupIds, setGroupIds] = useState<string[]>(d?.groupIds ?? [props.groupId]);
  const [groupsError, setGroupsError] = useState<string>();
  const onSuccess = () => {
    void refresh();
    props.onDone(t(d ? 'model.saved' : 'model.created', { name: pickText(named.label, lang) }));
  };
  const create = useMutation(trpc.model.dimensions.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.model.dimensions.update.mutationOptions({ onSuccess }));
  const mutation = d ? update : create;
  const known = mutation.error ? knownRefusal(mutation.error, refusals(t)) : null;
  const asked = new Set(d?.askedByGroupIds ?? []);
  // Archived groups are offered only to a dimension that already had them.
  const offered = props.groups.filter((g) => !g.archived || d?.groupIds.includes(g.id));
  const submit = () => {
    const blank = !description.fr.trim() && !description.en.trim();
    const descErrors = blank ? undefined : bilingualErrors(description, MODEL_DESCRIPTION_MAX, t, languages);
    setDescriptionErrors(descErrors);
    const noGroup = groupIds.length === 0 ? t('model.groupsRequired') : undefined;
    setGroupsError(noGroup);
    if (!named.check(!d) || descErrors || noGroup) return;
    const fields = {
      label: trimmed(named.label, languages),
      description: blank ? null : trimmed(description, languages),
      groupIds,
    };
    if (d) update.mutate({ dimensionId: d.id, ...fields });
    else create.mutate({ code: named.code, ...fields });
  };
  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onCancel}
      busy={mutation.isPending}
      error={known ? null : mutation.error}
      submitLabel={d ? t('form.save') : t('model.create')}
    >
      <BilingualFields
        label={t('model.field.label')}
        value={named.label}
        onChange={named.setLabel}
        errors={named.errors.label}
        max={MODEL_LABEL_MAX}
      />
      {d ? null : (
        <CodeField
          label={t('model.field.code')}
          value={named.code}
          onChange={named.setCode}
          error={named.errors.code ?? (known?.field === 'code' ? known.message : undefined)}
        />
      )}
      <BilingualFields
        label={t('model.field.description')}
        hint={t('model.field.descriptionHint')}
        value={description}
        onChange={setDescription}
        errors={descriptionErrors}
        max={MODEL_DESCRIPTION_MAX}
        multiline
      />
      <ChoiceGroup
        name="dimension-groups"
        type="checkbox"
        legend={t('model.field.groups')}
        hint={t('model.field.groupsHint')}
        options={offered.map((g) => ({
          value: g.id,
          label: asked.has(g.id) ? `${pickText(g.label, lang)} (${t('model.field.askedBy')})` : pickText(g.label, lang),
        }))}
        value={groupIds}
        // A group whose surveys ask the dimension stays ticked: the API would refuse to drop it.
        onChange={(next) => setGroupIds([...new Set([...next, ...[...asked].filter((id) => groupIds.includes(id))])])}
        error={groupsError ?? (known?.field === 'groupIds' ? known.message : undefined)}
        required
      />
    </DialogForm>
  );
}

export function AttributeForm(props: {
  groupId: string;
  attribute?: ModelAttribute;
  onCancel: () => void;
  onDone: Done;
}) {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const a = props.attribute;
  const named = useNamed(a?.label ?? EMPTY, t);
  const onSuccess = () => {
    void refresh();
    props.onDone(t(a ? 'model.saved' : 'model.created', { name: pickText(named.label, lang) }));
  };
  const create = useMutation(trpc.model.attributes.create.mutationOptions({ onSuccess }));
  const rename = useMutation(trpc.model.attributes.rename.mutationOptions({ onSuccess }));
  const mutation = a ? rename : create;
  const known = mutation.error ? knownRefusal(mutation.error, refusals(t)) : null;
  const submit = () => {
    if (!named.check(!a)) return;
    const label = trimmed(named.label, languages);
    if (a) rename.mutate({ groupId: props.groupId, key: a.key, label });
    else create.mutate({ groupId: props.groupId, key: named.code, label, values: [] });
  };
  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onCancel}
      busy={mutation.isPending}
      error={known ? null : mutation.error}
      submitLabel={a ? t('form.save') : t('model.create')}
    >
      <BilingualFields
        label={t('model.field.label')}
        value={named.label}
        onChange={named.setLabel}
        errors={named.errors.label}
        max={MODEL_LABEL_MAX}
      />
      {a ? null : (
        <CodeField
          label={t('model.field.key')}
          value={named.code}
          onChange={named.setCode}
          error={named.errors.code ?? known?.message}
        />
      )}
    </DialogForm>
  );
}

export function ValueForm(props: {
  groupId: string;
  attribute: ModelAttribute;
  value?: ModelValue;
  onCancel: () => void;
  onDone: Done;
}) {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const v = props.value;
  const named = useNamed(v?.label ?? EMPTY, t);
  const onSuccess = () => {
    void refresh();
    props.onDone(t(v ? 'model.saved' : 'model.created', { name: pickText(named.label, lang) }));
  };
  const add = useMutation(trpc.model.attributes.addValue.mutationOptions({ onSuccess }));
  const rename = useMutation(trpc.model.attributes.renameValue.mutationOptions({ onSuccess }));
  const mutation = v ? rename : add;
  const known = mutation.error ? knownRefusal(mutation.error, refusals(t)) : null;
  const submit = () => {
    if (!named.check(!v)) return;
    const ref = { groupId: props.groupId, key: props.attribute.key, label: trimmed(named.label, languages) };
    if (v) rename.mutate({ ...ref, value: v.value });
    else add.mutate({ ...ref, value: named.code });
  };
  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onCancel}
      busy={mutation.isPending}
      error={known ? null : mutation.error}
      submitLabel={v ? t('form.save') : t('model.create')}
    >
      <BilingualFields
        label={t('model.field.label')}
        value={named.label}
        onChange={named.setLabel}
        errors={named.errors.label}
        max={MODEL_LABEL_MAX}
      />
      {v ? null : (
        <CodeField
          label={t('model.field.value')}
          value={named.code}
          onChange={named.setCode}
          error={named.errors.code ?? known?.message}
        />
      )}
    </DialogForm>
  );
}

/** What a removal is about, and what it will do when the page knows (a group's data, a dimension's uses). */
export type Removal =
  | { item: 'group'; group: ModelGroup }
  | { item: 'dimension'; dimension: ModelDimension }
  | { item: 'attribute'; groupId: string; attribute: ModelAttribute }
  | { item: 'value'; groupId: string; attribute: ModelAttribute; value: ModelValue };

export function removalName(r: Removal, lang: Language): string {
  const label =
    r.item === 'group'
      ? r.group.label
      : r.item === 'dimension'
        ? r.dimension.label
        : r.item === 'attribute'
          ? r.attribute.label
          : r.value.label;
  return pickText(label, lang);
}

export function RemoveForm(props: { removal: Removal; onCancel: () => void; onDone: Done }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const r = props.removal;
  const name = removalName(r, lang);
  const onSuccess = ({ outcome }: { outcome: 'archived' | 'deleted' }) => {
    void refresh();
    props.onDone(t(outcome === 'archived' ? 'model.archivedDone' : 'model.deletedDone', { name }));
  };
  const group = useMutation(trpc.model.groups.remove.mutationOptions({ onSuccess }));
  const dimension = useMutation(trpc.model.dimensions.remove.mutationOptions({ onSuccess }));
  const attribute = useMutation(trpc.model.attributes.remove.mutationOptions({ onSuccess }));
  const value = useMutation(trpc.model.attributes.removeValue.mutationOptions({ onSuccess }));
  const mutation = { group, dimension, attribute, value }[r.item];
  const open = r.item === 'dimension' ? r.dimension.openSurvey : null;
  const known = mutation.error
    ? knownRefusal(mutation.error, [{ field: 'dimensionId', reason: 'in_use', message: t('model.openSurveyAny') }])
    : null;
  const what =
    r.item === 'group'
      ? t(r.group.hasData ? 'model.removeArchives' : 'model.removeDeletes')
      : r.item === 'dimension'
        ? t(r.dimension.inUse ? 'model.removeArchives' : 'model.removeDeletes')
        : t('model.removeMaybe');
  const submit = () => {
    if (r.item === 'group') group.mutate({ groupId: r.group.id });
    else if (r.item === 'dimension') dimension.mutate({ dimensionId: r.dimension.id });
    else if (r.item === 'attribute') attribute.mutate({ groupId: r.groupId, key: r.attribute.key });
    else value.mutate({ groupId: r.groupId, key: r.attribute.key, value: r.value.value });
  };
  if (open) {
    // Nothing to confirm: the API refuses until the wave closes.
    return (
      <div className="fx-stack">
        <p className="fx-error">{t('model.openSurvey', { survey: pickText(open, lang) })}</p>
        <div className="fx-dialog__actions">
          <Button variant="secondary" onClick={props.onCancel}>
            {t('form.close')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onCancel}
      busy={mutation.isPending}
      error={known ? null : mutation.error}
      submitLabel={t('model.remove')}
      submitVariant="danger"
    >
      <p>{what}</p>
      {known ? <p className="fx-error">{known.message}</p> : null}
    </DialogForm>
  );
}

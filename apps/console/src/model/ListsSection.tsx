import type { RouterOutputs } from '@facets/api';
import { MODEL_CODE_MAX, MODEL_LABEL_MAX, ORGANISATION_LISTS, type OrganisationList } from '@facets/domain';
import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Button, Card, TextInput } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type BilingualErrors, BilingualFields, bilingualErrors, trimmed } from '../forms/BilingualFields.tsx';
import { Dialog } from '../forms/Dialog.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';
import { knownRefusal } from '../forms/errors.ts';
import { useOrgLanguages } from '../forms/languages.ts';
import { isCode, suggestCode } from './code.ts';

/**
 * The organisation's lists on the model page: owner departments, initiative kinds, promise channels. Editors add,
 * rename and remove entries; one an initiative or a promise has is archived (kept there, offered to no new one).
 */

type Lists = RouterOutputs['model']['lists']['get'];
type Entry = Lists[OrganisationList][number];
type Editing =
  | { form: 'entry'; list: OrganisationList; entry?: Entry }
  | { form: 'remove'; list: OrganisationList; entry: Entry };

export function ListsSection(props: { editable: boolean; onSaved: (message: string) => void }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const lists = useQuery(trpc.model.lists.get.queryOptions());
  const [editing, setEditing] = useState<Editing | null>(null);
  const queryClient = useQueryClient();
  const done = (message: string) => {
    setEditing(null);
    void queryClient.invalidateQueries();
    props.onSaved(message);
  };
  const restore = useMutation(
    trpc.model.lists.restore.mutationOptions({
      onSuccess: (_r, input) => {
        const entry = lists.data?.[input.list].find((e) => e.code === input.code);
        done(t('model.lists.restoredDone', { name: pickText(entry?.label, lang) }));
      },
    }),
  );
  if (!lists.data) return null;
  const data = lists.data;
  const title =
    editing?.form === 'remove'
      ? t('model.removeTitle', { name: pickText(editing.entry.label, lang) })
      : editing?.entry
        ? t('model.lists.renameEntry')
        : editing
          ? t('model.lists.newEntry', { list: t(`model.lists.list.${editing.list}`) })
          : '';
  return (
    <section className="fx-stack" aria-labelledby="model-lists">
      <div>
        <h2 id="model-lists" className="fx-model-lists__title">
          {t('model.lists.title')}
        </h2>
        <p className="fx-hint">{t('model.lists.intro')}</p>
      </div>
      <div className="fx-model-lists">
        {ORGANISATION_LISTS.map((list) => (
          <Card key={list} title={t(`model.lists.list.${list}`)} titleId={`model-list-${list}`}>
            <ul className="fx-model-list">
              {[...data[list]]
                .sort((a, b) => Number(a.archived) - Number(b.archived))
                .map((entry) => {
                  const name = pickText(entry.label, lang);
                  return (
                    <li key={entry.code} className={entry.archived ? 'fx-model-row fx-model-archived' : 'fx-model-row'}>
                      <div className="fx-model-item">
                        <div>
                          <span className="fx-model-name">{name}</span> <span className="fx-small">{entry.code}</span>
                          {entry.archived ? (
                            <>
                              {' '}
                              <Badge tone="warning">{t('model.archived')}</Badge>
                            </>
                          ) : entry.inUse ? (
                            <>
                              {' '}
                              <Badge>{t('model.lists.inUse')}</Badge>
                            </>
                          ) : null}
                          {entry.archived ? (
                            <span className="fx-small fx-block">{t('model.lists.archivedHint')}</span>
                          ) : null}
                        </div>
                        {props.editable ? (
                          <div className="fx-row fx-model-actions">
                            <Button
                              variant="secondary"
                              size="sm"
                              aria-label={t('model.renameNamed', { name })}
                              onClick={() => setEditing({ form: 'entry', list, entry })}
                            >
                              {t('model.rename')}
                            </Button>
                            {entry.archived ? (
                              <Button
                                variant="ghost"
                                size="sm"
                                aria-label={t('model.lists.restoreNamed', { name })}
                                disabled={restore.isPending}
                                onClick={() => restore.mutate({ list, code: entry.code })}
                              >
                                {t('model.lists.restore')}
                              </Button>
                            ) : (
                              <Button
                                variant="ghost"
                                size="sm"
                                aria-label={t('model.removeNamed', { name })}
                                onClick={() => setEditing({ form: 'remove', list, entry })}
                              >
                                {t('model.remove')}
                              </Button>
                            )}
                          </div>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
            </ul>
            {props.editable ? (
              <Button size="sm" variant="secondary" onClick={() => setEditing({ form: 'entry', list })}>
                {t(`model.lists.add.${list}`)}
              </Button>
            ) : null}
          </Card>
        ))}
      </div>
      <Dialog open={editing !== null} title={title} closeLabel={t('form.close')} onClose={() => setEditing(null)}>
        {!editing ? null : editing.form === 'entry' ? (
          <EntryForm
            list={editing.list}
            {...(editing.entry ? { entry: editing.entry } : {})}
            onCancel={() => setEditing(null)}
            onDone={done}
          />
        ) : (
          <RemoveEntry list={editing.list} entry={editing.entry} onCancel={() => setEditing(null)} onDone={done} />
        )}
      </Dialog>
    </section>
  );
}

function EntryForm(props: {
  list: OrganisationList;
  entry?: Entry;
  onCancel: () => void;
  onDone: (m: string) => void;
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const languages = useOrgLanguages();
  const [label, setLabel] = useState(props.entry?.label ?? { fr: '', en: '' });
  const [code, setCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ label?: BilingualErrors | undefined; code?: string | undefined }>({});
  const shownCode = code ?? suggestCode(label.en || label.fr);
  const onSuccess = () =>
    props.onDone(t(props.entry ? 'model.saved' : 'model.created', { name: pickText(label, lang) }));
  const create = useMutation(trpc.model.lists.create.mutationOptions({ onSuccess }));
  const rename = useMutation(trpc.model.lists.rename.mutationOptions({ onSuccess }));
  const mutation = props.entry ? rename : create;
  const known = mutation.error
    ? knownRefusal(mutation.error, [{ field: 'code', reason: 'duplicate', message: t('model.codeTaken') }])
    : null;
  const submit = () => {
    const next = {
      label: bilingualErrors(label, MODEL_LABEL_MAX, t, languages),
      code: !props.entry && !isCode(shownCode) ? t('model.codeInvalid', { max: MODEL_CODE_MAX }) : undefined,
    };
    setErrors(next);
    if (next.label || next.code) return;
    const text = trimmed(label, languages);
    if (props.entry) rename.mutate({ list: props.list, code: props.entry.code, label: text });
    else create.mutate({ list: props.list, code: shownCode, label: text });
  };
  return (
    <DialogForm
      onSubmit={submit}
      onCancel={props.onCancel}
      busy={mutation.isPending}
      error={known ? null : mutation.error}
      submitLabel={props.entry ? t('form.save') : t('model.create')}
    >
      <BilingualFields
        label={t('model.field.label')}
        value={label}
        onChange={setLabel}
        errors={errors.label}
        max={MODEL_LABEL_MAX}
      />
      {props.entry ? null : (
        <TextInput
          label={t('model.field.code')}
          hint={t('model.field.codeHint')}
          value={shownCode}
          maxLength={MODEL_CODE_MAX}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setCode(e.currentTarget.value.trim())}
          error={errors.code ?? known?.message}
          required
        />
      )}
    </DialogForm>
  );
}

function RemoveEntry(props: {
  list: OrganisationList;
  entry: Entry;
  onCancel: () => void;
  onDone: (m: string) => void;
}) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const name = pickText(props.entry.label, lang);
  const remove = useMutation(
    trpc.model.lists.remove.mutationOptions({
      onSuccess: ({ outcome }) =>
        props.onDone(t(outcome === 'archived' ? 'model.archivedDone' : 'model.deletedDone', { name })),
    }),
  );
  return (
    <DialogForm
      onSubmit={() => remove.mutate({ list: props.list, code: props.entry.code })}
      onCancel={props.onCancel}
      busy={remove.isPending}
      error={remove.error}
      submitLabel={t('model.remove')}
      submitVariant="danger"
    >
      <p>{t(props.entry.inUse ? 'model.lists.removeInUse' : 'model.removeDeletes')}</p>
    </DialogForm>
  );
}

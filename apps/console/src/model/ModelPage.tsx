import { MODEL_EDITORS } from '@facets/domain';
import { type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Button, Card, EmptyState } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../forms/Dialog.tsx';
import { PageFrame } from '../forms/PageFrame.tsx';
import { can } from '../roles/roles.ts';
import { AttributeForm, DimensionForm, GroupForm, type Removal, RemoveForm, removalName, ValueForm } from './forms.tsx';
import { ListsSection } from './ListsSection.tsx';
import type { Model, ModelAttribute, ModelDimension, ModelGroup, ModelValue } from './types.ts';
import './model.css';

/** What the one dialog of the page is open for. */
type Editing =
  | { form: 'group'; group?: ModelGroup }
  | { form: 'dimension'; groupId: string; dimension?: ModelDimension }
  | { form: 'attribute'; groupId: string; attribute?: ModelAttribute }
  | { form: 'value'; groupId: string; attribute: ModelAttribute; value?: ModelValue }
  | { form: 'remove'; removal: Removal };

/**
 * The organisation's model: its stakeholder groups, and per group its dimensions and segment attributes with their
 * values. Admins and leadership change it; the roles that read the settings read it. Removing what carries data
 * archives it: the reports keep it, new surveys and invitation files do not offer it.
 */
export function ModelPage({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const model = useQuery(trpc.model.get.queryOptions());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState('');
  const editable = can(me, MODEL_EDITORS);
  const close = () => setEditing(null);
  const done = (message: string) => {
    setEditing(null);
    setSaved(message);
  };
  const groups = model.data?.groups ?? [];
  return (
    <PageFrame
      me={me}
      title={t('model.title')}
      intro={t('model.intro')}
      canChange={editable}
      changedBy={t('roles.whoIntended')}
      action={{ label: t('model.addGroup'), onClick: () => setEditing({ form: 'group' }) }}
      saved={saved}
      queries={[model]}
    >
      {model.data && groups.length === 0 ? (
        <EmptyState title={t('model.empty')}>
          <p>{t('model.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {model.data
        ? [...groups]
            .sort((a, b) => Number(a.archived) - Number(b.archived))
            .map((g) => <GroupCard key={g.id} group={g} model={model.data} editable={editable} onEdit={setEditing} />)
        : null}
      <ModelDialog editing={editing} groups={groups} onClose={close} onDone={done} />
      <ListsSection editable={editable} onSaved={setSaved} />
    </PageFrame>
  );
}

function ModelDialog(props: {
  editing: Editing | null;
  groups: readonly ModelGroup[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useLang();
  const e = props.editing;
  const common = { onCancel: props.onClose, onDone: props.onDone };
  const title = !e
    ? ''
    : e.form === 'group'
      ? t(e.group ? 'model.renameGroup' : 'model.newGroup')
      : e.form === 'dimension'
        ? t(e.dimension ? 'model.editDimension' : 'model.newDimension')
        : e.form === 'attribute'
          ? t(e.attribute ? 'model.renameAttribute' : 'model.newAttribute')
          : e.form === 'value'
            ? t(e.value ? 'model.renameValue' : 'model.newValue')
            : t('model.removeTitle', { name: removalName(e.removal, lang) });
  const subtitle =
    e?.form === 'value'
      ? pickText(e.attribute.label, lang)
      : e && 'groupId' in e
        ? pickText(props.groups.find((g) => g.id === e.groupId)?.label, lang)
        : undefined;
  return (
    <Dialog
      open={e !== null}
      title={title}
      {...(subtitle ? { subtitle } : {})}
      closeLabel={t('form.close')}
      onClose={props.onClose}
    >
      {!e ? null : e.form === 'group' ? (
        <GroupForm {...common} {...(e.group ? { group: e.group } : {})} />
      ) : e.form === 'dimension' ? (
        <DimensionForm
          {...common}
          groups={props.groups}
          groupId={e.groupId}
          {...(e.dimension ? { dimension: e.dimension } : {})}
        />
      ) : e.form === 'attribute' ? (
        <AttributeForm {...common} groupId={e.groupId} {...(e.attribute ? { attribute: e.attribute } : {})} />
      ) : e.form === 'value' ? (
        <ValueForm {...common} groupId={e.groupId} attribute={e.attribute} {...(e.value ? { value: e.value } : {})} />
      ) : (
        <RemoveForm {...common} removal={e.removal} />
      )}
    </Dialog>
  );
}

/** Rename and Remove for one item, named for screen readers ("Rename Site"). */
function ItemActions(props: {
  name: string;
  onEdit: () => void;
  onRemove?: () => void;
  editLabel?: 'rename' | 'edit';
}) {
  const { t } = useLang();
  const edit = props.editLabel ?? 'rename';
  return (
    <div className="fx-row fx-model-actions">
      <Button
        variant="secondary"
        size="sm"
        aria-label={t(edit === 'edit' ? 'model.editNamed' : 'model.renameNamed', { name: props.name })}
        onClick={props.onEdit}
      >
        {t(edit === 'edit' ? 'model.edit' : 'model.rename')}
      </Button>
      {props.onRemove ? (
        <Button
          variant="ghost"
          size="sm"
          aria-label={t('model.removeNamed', { name: props.name })}
          onClick={props.onRemove}
        >
          {t('model.remove')}
        </Button>
      ) : null}
    </div>
  );
}

function GroupCard(props: { group: ModelGroup; model: Model; editable: boolean; onEdit: (e: Editing) => void }) {
  const { t, lang } = useLang();
  const { group: g, editable, onEdit } = props;
  const name = pickText(g.label, lang);
  const dimensions = props.model.dimensions.filter((d) => d.groupIds.includes(g.id));
  const groupName = (id: string) => pickText(props.model.groups.find((x) => x.id === id)?.label, lang);
  const titleId = `model-group-${g.id}`;
  return (
    <Card
      title={name}
      titleId={titleId}
      aria-labelledby={titleId}
      className={g.archived ? 'fx-model-archived' : undefined}
      aside={
        <div className="fx-row fx-model-badges">
          <Badge tone="info">{t(`model.kind.${g.kind}`)}</Badge>
          <Badge>{t('model.code', { code: g.code })}</Badge>
          {g.archived ? <Badge tone="warning">{t('model.archived')}</Badge> : null}
        </div>
      }
    >
      <div className="fx-stack">
        {g.archived ? <p className="fx-hint">{t('model.archivedHint')}</p> : null}
        {editable ? (
          <ItemActions
            name={name}
            onEdit={() => onEdit({ form: 'group', group: g })}
            {...(g.archived
              ? {}
              : { onRemove: () => onEdit({ form: 'remove', removal: { item: 'group', group: g } }) })}
          />
        ) : null}

        <section className="fx-model-part" aria-labelledby={`${titleId}-dimensions`}>
          <div className="fx-model-part__head">
            <h3 id={`${titleId}-dimensions`}>{t('model.dimensions')}</h3>
            {editable && !g.archived ? (
              <Button size="sm" variant="secondary" onClick={() => onEdit({ form: 'dimension', groupId: g.id })}>
                {t('model.addDimension')}
              </Button>
            ) : null}
          </div>
          {dimensions.length === 0 ? <p className="fx-hint">{t('model.noDimensions')}</p> : null}
          <ul className="fx-model-list">
            {dimensions.map((d) => {
              const dName = pickText(d.label, lang);
              const others = d.groupIds.filter((id) => id !== g.id).map(groupName);
              return (
                <li key={d.id} className={d.archived ? 'fx-model-row fx-model-archived' : 'fx-model-row'}>
                  <div className="fx-model-item">
                    <div>
                      <span className="fx-model-name">{dName}</span> <span className="fx-small">{d.code}</span>
                      {d.archived ? (
                        <>
                          {' '}
                          <Badge tone="warning">{t('model.archived')}</Badge>
                        </>
                      ) : null}
                      {others.length > 0 ? (
                        <span className="fx-small fx-block">{t('model.shared', { groups: others.join(', ') })}</span>
                      ) : null}
                      {d.description ? (
                        <span className="fx-small fx-block">{pickText(d.description, lang)}</span>
                      ) : null}
                    </div>
                    {editable ? (
                      <ItemActions
                        name={dName}
                        editLabel="edit"
                        onEdit={() => onEdit({ form: 'dimension', groupId: g.id, dimension: d })}
                        {...(d.archived
                          ? {}
                          : {
                              onRemove: () => onEdit({ form: 'remove', removal: { item: 'dimension', dimension: d } }),
                            })}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>

        <section className="fx-model-part" aria-labelledby={`${titleId}-attributes`}>
          <div className="fx-model-part__head">
            <h3 id={`${titleId}-attributes`}>{t('model.attributes')}</h3>
            {editable && !g.archived ? (
              <Button size="sm" variant="secondary" onClick={() => onEdit({ form: 'attribute', groupId: g.id })}>
                {t('model.addAttribute')}
              </Button>
            ) : null}
          </div>
          {g.attributes.length === 0 ? <p className="fx-hint">{t('model.noAttributes')}</p> : null}
          {g.attributes.map((a) => (
            <AttributeBlock key={a.key} group={g} attribute={a} editable={editable} onEdit={onEdit} />
          ))}
        </section>
      </div>
    </Card>
  );
}

function AttributeBlock(props: {
  group: ModelGroup;
  attribute: ModelAttribute;
  editable: boolean;
  onEdit: (e: Editing) => void;
}) {
  const { t, lang } = useLang();
  const { group: g, attribute: a, editable, onEdit } = props;
  const name = pickText(a.label, lang);
  const active = editable && !a.archived && !g.archived;
  return (
    <div className={a.archived ? 'fx-model-attribute fx-model-archived' : 'fx-model-attribute'}>
      <div className="fx-model-item">
        <div>
          <span className="fx-model-name">{name}</span> <span className="fx-small">{a.key}</span>
          {a.archived ? (
            <>
              {' '}
              <Badge tone="warning">{t('model.archived')}</Badge>
            </>
          ) : null}
        </div>
        {editable ? (
          <ItemActions
            name={name}
            onEdit={() => onEdit({ form: 'attribute', groupId: g.id, attribute: a })}
            {...(a.archived
              ? {}
              : {
                  onRemove: () =>
                    onEdit({ form: 'remove', removal: { item: 'attribute', groupId: g.id, attribute: a } }),
                })}
          />
        ) : null}
      </div>
      <ul className="fx-model-values" aria-label={t('model.values', { name })}>
        {a.values.length === 0 ? <li className="fx-model-value fx-hint">{t('model.noValues')}</li> : null}
        {a.values.map((v) => {
          const vName = pickText(v.label, lang);
          return (
            <li key={v.value} className={v.archived ? 'fx-model-value fx-model-archived' : 'fx-model-value'}>
              <span>
                {vName} <span className="fx-small">{v.value}</span>
                {v.archived ? (
                  <>
                    {' '}
                    <Badge tone="warning">{t('model.archived')}</Badge>
                  </>
                ) : null}
              </span>
              {editable ? (
                <ItemActions
                  name={vName}
                  onEdit={() => onEdit({ form: 'value', groupId: g.id, attribute: a, value: v })}
                  {...(v.archived || a.archived
                    ? {}
                    : {
                        onRemove: () =>
                          onEdit({ form: 'remove', removal: { item: 'value', groupId: g.id, attribute: a, value: v } }),
                      })}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {active ? (
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('model.addValueTo', { name })}
          onClick={() => onEdit({ form: 'value', groupId: g.id, attribute: a })}
        >
          {t('model.addValue')}
        </Button>
      ) : null}
    </div>
  );
}

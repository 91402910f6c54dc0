import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Loading, Select, TextInput } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../forms/Dialog.tsx';
import { DialogForm } from '../forms/DialogForm.tsx';

type LocalizedLabel = { fr?: string; en?: string };

/**
 * The analysts' dialog over the organisation's comment themes: one theme at a time, its names in both languages, the
 * theme it is counted in (a merge, undone by choosing its own theme again) and the dimension it belongs to. Every
 * view reads the change at once; each is audited.
 */
export function ThemeDialog(props: {
  open: boolean;
  onClose: () => void;
  dimensions: readonly { id: string; code: string; label: LocalizedLabel }[];
}) {
  const { t } = useLang();
  return (
    <Dialog
      open={props.open}
      title={t('themes.dialog.title')}
      subtitle={t('themes.dialog.subtitle')}
      closeLabel={t('themes.dialog.close')}
      onClose={props.onClose}
    >
      <ThemeForm onClose={props.onClose} dimensions={props.dimensions} />
    </Dialog>
  );
}

function ThemeForm(props: { onClose: () => void; dimensions: readonly { id: string; label: LocalizedLabel }[] }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.insights.themes.list.queryOptions());
  const [code, setCode] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ fr: string; en: string; into: string; dimensionId: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const rename = useMutation(trpc.insights.themes.rename.mutationOptions());
  const merge = useMutation(trpc.insights.themes.merge.mutationOptions());
  const map = useMutation(trpc.insights.themes.map.mutationOptions());
  if (!list.data) return <Loading label={t('app.loading')} />;
  const themes = list.data.themes;
  const current = themes.find((x) => x.code === (code ?? themes[0]?.code));
  if (!current) return null;
  const form = draft ?? {
    fr: current.label.fr,
    en: current.label.en,
    into: current.mergedInto ?? '',
    dimensionId: current.dimensionId ?? '',
  };
  const choose = (next: string) => {
    setCode(next);
    setDraft(null);
    setSaved(false);
  };
  const edit = (patch: Partial<typeof form>) => {
    setDraft({ ...form, ...patch });
    setSaved(false);
  };
  const busy = rename.isPending || merge.isPending || map.isPending;
  const error = rename.error ?? merge.error ?? map.error;
  const submit = async () => {
    const theme = current.code;
    const label: LocalizedLabel = {};
    if (form.fr.trim() !== current.builtInLabel.fr) label.fr = form.fr.trim();
    if (form.en.trim() !== current.builtInLabel.en) label.en = form.en.trim();
    if (form.fr !== current.label.fr || form.en !== current.label.en) {
      await rename.mutateAsync({ code: theme, label: Object.keys(label).length > 0 ? label : null });
    }
    if (form.into !== (current.mergedInto ?? '')) {
      await merge.mutateAsync({ code: theme, into: form.into === '' ? null : (form.into as typeof theme) });
    }
    if (form.dimensionId !== (current.dimensionId ?? '')) {
      await map.mutateAsync({ code: theme, dimensionId: form.dimensionId === '' ? null : form.dimensionId });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.insights.pathKey() });
    setDraft(null);
    setSaved(true);
  };
  const nameOf = (x: (typeof themes)[number]) =>
    x.mergedInto
      ? `${x.label[lang]} — ${t('themes.dialog.mergedNote', { theme: themes.find((y) => y.code === x.mergedInto)?.label[lang] ?? '' })}`
      : x.label[lang];
  return (
    <DialogForm
      onSubmit={() => void submit().catch(() => {})}
      onCancel={props.onClose}
      busy={busy}
      error={error}
      submitLabel={t('themes.dialog.save')}
    >
      <Select
        label={t('themes.dialog.theme')}
        value={current.code}
        onChange={(e) => choose(e.target.value)}
        options={themes.map((x) => ({ value: x.code, label: nameOf(x) }))}
      />
      <p className="fx-hint">{t('themes.dialog.builtIn', { name: current.builtInLabel[lang] })}</p>
      <TextInput
        label={t('themes.dialog.nameFr')}
        value={form.fr}
        maxLength={80}
        onChange={(e) => edit({ fr: e.target.value })}
      />
      <TextInput
        label={t('themes.dialog.nameEn')}
        value={form.en}
        maxLength={80}
        onChange={(e) => edit({ en: e.target.value })}
      />
      <Select
        label={t('themes.dialog.mergeInto')}
        value={form.into}
        onChange={(e) => edit({ into: e.target.value })}
        options={[
          { value: '', label: t('themes.dialog.ownTheme') },
          ...themes
            .filter((x) => x.code !== current.code && x.mergedInto === null)
            .map((x) => ({ value: x.code, label: x.label[lang] })),
        ]}
      />
      <Select
        label={t('themes.dialog.dimension')}
        value={form.dimensionId}
        onChange={(e) => edit({ dimensionId: e.target.value })}
        options={[
          { value: '', label: t('themes.dialog.taxonomyDimension', { code: current.dimensionCode ?? '—' }) },
          ...props.dimensions.map((d) => ({ value: d.id, label: pickText(d.label, lang) })),
        ]}
      />
      {saved ? <Alert tone="success">{t('themes.dialog.saved')}</Alert> : null}
    </DialogForm>
  );
}

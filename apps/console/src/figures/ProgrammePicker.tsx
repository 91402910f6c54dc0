import type { LocalizedText } from '@facets/domain';
import { pickText, useLang, useRouter } from '@facets/portal-kit';
import { Button, Select } from '@facets/ui';

/** A survey of a group as the API lists it for choosing, with its published waves (oldest first). */
export interface ProgrammeOption {
  surveyId: string;
  title: LocalizedText;
  headline: boolean;
  waves: readonly { id: string; label: string }[];
}

/**
 * Chooses what a group's results report on: one of its surveys (the headline survey by default, so that a pulse
 * never replaces it unless chosen) and one of that survey's published waves (the latest by default). The choice is
 * kept in the page's link (`?survey=…&wave=…`), so a reload or a shared link shows the same figures. Shown only when
 * there is something to choose.
 */
export function ProgrammePicker({
  groupName,
  programme,
  programmes,
  showGroup = false,
}: {
  groupName: string;
  /** Names the group above the choices (where the page shows several groups' choices together). */
  showGroup?: boolean;
  programme: { surveyId: string; chosenWave: string | null } | null;
  programmes: readonly ProgrammeOption[];
}) {
  const { t, lang } = useLang();
  const { setSearch } = useRouter();
  const current = programmes.find((p) => p.surveyId === programme?.surveyId);
  const choosable = programmes.filter((p) => p.waves.length > 0 || p.surveyId === current?.surveyId);
  if (!current || (choosable.length < 2 && current.waves.length < 2)) return null;
  const title = (p: ProgrammeOption) =>
    p.headline ? t('reporting.headline', { title: pickText(p.title, lang) }) : pickText(p.title, lang);
  const latest = current.waves.at(-1);
  const chosen = programme?.chosenWave ? current.waves.find((w) => w.id === programme.chosenWave) : undefined;
  return (
    <search className="fx-filters" aria-label={t('reporting.filters', { group: groupName })}>
      {showGroup ? <span className="fx-filters__group">{groupName}</span> : null}
      {choosable.length > 1 ? (
        <Select
          label={t('reporting.survey')}
          value={current.surveyId}
          onChange={(e) => setSearch({ survey: e.currentTarget.value, wave: null })}
          options={choosable.map((p) => ({ value: p.surveyId, label: title(p) }))}
        />
      ) : null}
      <Select
        label={t('reporting.wave')}
        value={chosen?.id ?? ''}
        disabled={current.waves.length < 2}
        onChange={(e) => setSearch({ survey: current.surveyId, wave: e.currentTarget.value || null })}
        options={[
          { value: '', label: latest ? t('reporting.latest', { wave: latest.label }) : t('reporting.none') },
          ...[...current.waves].reverse().map((w) => ({ value: w.id, label: w.label })),
        ]}
      />
      {chosen ? (
        <p className="fx-hint">
          {t('reporting.chosen', { wave: chosen.label, survey: pickText(current.title, lang) })}{' '}
          <Button variant="secondary" onClick={() => setSearch({ survey: null, wave: null })}>
            {t('reporting.backToLatest')}
          </Button>
        </p>
      ) : null}
    </search>
  );
}

import type { LocalizedText } from '@facets/domain';
import { pickText, useLang, useRouter } from '@facets/portal-kit';
import { Button, Select } from '@facets/ui';
import { waveSurvey } from './programme-waves.ts';

/**
 * A programme of a group as the API lists it for choosing: its lead survey (`surveyId`, `title`), its surveys (the
 * lead first) and the published waves of them all (oldest first), each naming its survey.
 */
export interface ProgrammeOption {
  surveyId: string;
  title: LocalizedText;
  headline: boolean;
  surveys: readonly { surveyId: string; title: LocalizedText }[];
  waves: readonly { id: string; label: string; surveyId: string }[];
}

/**
 * A wave's name as readers choose it: its label, with its survey's title when its programme has several surveys (two
 * surveys may both have a "Wave 1").
 */
export function useWaveName(): (
  programme: Pick<ProgrammeOption, 'surveys'> | undefined,
  wave: { label: string; surveyId: string },
) => string {
  const { t, lang } = useLang();
  return (programme, wave) => {
    const survey = waveSurvey(programme, wave);
    return survey ? t('reporting.waveOfSurvey', { wave: wave.label, survey: pickText(survey, lang) }) : wave.label;
  };
}

/**
 * Chooses what a group's results report on: one of its programmes, by its lead survey's title (the headline by
 * default, so that a pulse of its own never replaces it unless chosen) and one of the programme's published waves
 * (the latest by default; named with their survey when the programme has several). The choice is
 * kept in the page's link (`?survey=…&wave=…`), so a reload or a shared link shows the same figures. Shown only when
 * there is something to choose.
 */
export function ProgrammePicker({
  groupName,
  programme,
  programmes,
  showGroup = false,
  shownWave,
}: {
  groupName: string;
  /**
   * The wave the page shows by default, when it is not the programme's latest (a manager's department withheld in the
   * latest wave reads an earlier one): the default choice is then named after it.
   */
  shownWave?: { id: string } | null;
  /** Names the group above the choices (where the page shows several groups' choices together). */
  showGroup?: boolean;
  programme: { surveyId: string; chosenWave: string | null } | null;
  programmes: readonly ProgrammeOption[];
}) {
  const { t, lang } = useLang();
  const { setSearch } = useRouter();
  const waveName = useWaveName();
  const current = programmes.find((p) => p.surveyId === programme?.surveyId);
  const choosable = programmes.filter((p) => p.waves.length > 0 || p.surveyId === current?.surveyId);
  if (!current || (choosable.length < 2 && current.waves.length < 2)) return null;
  const title = (p: ProgrammeOption) =>
    p.headline ? t('reporting.headline', { title: pickText(p.title, lang) }) : pickText(p.title, lang);
  const latest = (shownWave && current.waves.find((w) => w.id === shownWave.id)) || current.waves.at(-1);
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
          {
            value: '',
            label: latest ? t('reporting.latest', { wave: waveName(current, latest) }) : t('reporting.none'),
          },
          ...[...current.waves].reverse().map((w) => ({ value: w.id, label: waveName(current, w) })),
        ]}
      />
      {chosen ? (
        <p className="fx-hint">
          {t('reporting.chosen', {
            wave: chosen.label,
            survey: pickText(current.surveys.find((x) => x.surveyId === chosen.surveyId)?.title ?? current.title, lang),
          })}{' '}
          <Button variant="secondary" onClick={() => setSearch({ survey: null, wave: null })}>
            {t('reporting.backToLatest')}
          </Button>
        </p>
      ) : null}
    </search>
  );
}

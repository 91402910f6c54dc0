import { useLang } from '@facets/portal-kit';
import { Alert, Button } from '@facets/ui';
import { type DragEvent, useState } from 'react';
import { downloadCsv, toCsv } from '../export/csv.ts';
import { type CsvFileProblem, csvFileProblem } from './csv-file.ts';

/** A CSV file a page reads: a file of people for invitations or the directory. */
export interface ChosenCsv {
  name: string;
  text: string;
}

/**
 * An empty template to download, then a drop zone with a file input, for a CSV the page sends on: a file that cannot be
 * a list of people is refused here, with the reason, before anything is sent. `words` is the page's copy (its
 * `template`, `drop`, `chooseButton`, `choose`, `selected` and `noFile` keys).
 */
export function CsvFilePicker(props: {
  words: 'surveyConsole.csv' | 'directory.sync';
  templateName: string;
  headers: readonly string[];
  chosen: ChosenCsv | null;
  /** A new file is being read: what the last one showed goes. */
  onStart: () => void;
  onFile: (file: ChosenCsv) => void;
}) {
  const { t } = useLang();
  const [problem, setProblem] = useState<{ name: string; problem: CsvFileProblem } | null>(null);
  const [dragging, setDragging] = useState(false);
  const w = (key: string, values: Record<string, unknown> = {}) => t(`${props.words}.${key}`, values);

  const read = async (file: File | undefined) => {
    if (!file) return;
    props.onStart();
    setProblem(null);
    // Nothing is sent that cannot be a list of people: the reader is told why at once.
    const before = csvFileProblem(file);
    if (before) return setProblem({ name: file.name, problem: before });
    const text = await file.text();
    const after = csvFileProblem(file, text);
    if (after) return setProblem({ name: file.name, problem: after });
    props.onFile({ name: file.name, text });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void read(event.dataTransfer.files[0]);
  };

  return (
    <>
      <div>
        <Button
          variant="ghost"
          size="sm"
          onClick={() =>
            downloadCsv(
              props.templateName,
              toCsv(
                [],
                props.headers.map((h) => ({ header: h, value: () => '' })),
              ),
            )
          }
        >
          {w('template')}
        </Button>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside serves the keyboard */}
      <div
        className="fx-dropzone"
        data-active={dragging ? 'true' : undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="fx-label">{w('drop')}</p>
        <label className="fx-button fx-button--secondary fx-file-button">
          {w('chooseButton')}
          <input
            className="fx-visually-hidden"
            type="file"
            accept=".csv,text/csv"
            aria-label={w('choose')}
            onChange={(e) => {
              void read(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <p className="fx-hint">{props.chosen ? w('selected', { name: props.chosen.name }) : w('noFile')}</p>
      </div>
      {problem ? (
        <Alert tone="error" title={t('surveyConsole.csv.refused')}>
          {t(`surveyConsole.csv.file.${problem.problem}`, { name: problem.name })}
        </Alert>
      ) : null}
    </>
  );
}

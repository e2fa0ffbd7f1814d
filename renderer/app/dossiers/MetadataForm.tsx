/**
 * The dossier's cover: title, subtitle, author, date, the marking line printed on every page, whether
 * to print a chronology, and the summary (rich text). Each field saves itself shortly after typing
 * stops and when it loses focus.
 */
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import type { DossierDto, DossierPatchDto } from '../../../electron/api/contract/dossiers';
import { RichNoteEditor } from '../notes/editor/RichNoteEditor';

const SAVE_DELAY_MS = 700;

type Field = 'title' | 'subtitle' | 'author' | 'date' | 'marking';

interface MetadataFormProps {
  readonly dossier: DossierDto;
  readonly onSave: (patch: DossierPatchDto) => Promise<void>;
  /** Focus and select the title (a new dossier). */
  readonly selectTitle?: boolean;
}

export function MetadataForm({ dossier, onSave, selectTitle = false }: MetadataFormProps): ReactElement {
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    title: dossier.title,
    subtitle: dossier.subtitle ?? '',
    author: dossier.author ?? '',
    date: dossier.date ?? '',
    marking: dossier.marking ?? '',
  }));
  const [includeChronology, setIncludeChronology] = useState(dossier.includeChronology);
  const formId = useId();
  const pending = useRef<DossierPatchDto>({});
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  const flush = (): void => {
    window.clearTimeout(timer.current);
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    void saveRef.current(patch);
  };

  useEffect(() => () => flush(), []);

  useEffect(() => {
    if (!selectTitle) return;
    const title = document.getElementById(`${formId}-title`) as HTMLInputElement | null;
    title?.focus();
    title?.select();
  }, [selectTitle, formId]);

  const queue = (patch: DossierPatchDto): void => {
    pending.current = { ...pending.current, ...patch };
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
  };

  const change = (field: Field, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field === 'title') {
      if (value.trim() !== '') queue({ title: value });
      return;
    }
    queue({ [field]: value.trim() === '' ? null : value });
  };

  const input = (field: Field, label: string, props: { placeholder?: string; hint?: string; type?: string } = {}): ReactElement => (
    <div className={`meta-field meta-${field}`}>
      <label className="meta-label" htmlFor={`${formId}-${field}`}>
        {label}
      </label>
      <input
        id={`${formId}-${field}`}
        className="input"
        type={props.type ?? 'text'}
        value={values[field]}
        placeholder={props.placeholder}
        onChange={(event) => change(field, event.target.value)}
        onBlur={flush}
        aria-describedby={props.hint ? `${formId}-${field}-hint` : undefined}
      />
      {props.hint && (
        <span className="field-hint" id={`${formId}-${field}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );

  return (
    <div className="meta-form">
      {input('title', 'Title')}
      {input('subtitle', 'Subtitle', { placeholder: 'Optional' })}
      <div className="meta-row">
        {input('author', 'Author', { placeholder: 'Optional' })}
        {/* A date picker for ISO dates; a date typed as free text at the CLI ("Spring 2024") stays editable as text. */}
        {input('date', 'Date', { type: values.date === '' || /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? 'date' : 'text' })}
      </div>
      {input('marking', 'Marking', {
        placeholder: 'e.g. OFFICIAL-SENSITIVE or a handling caveat',
        hint: 'Printed at the top and bottom of every page.',
      })}
      <div className="meta-field meta-chronology">
        <label className="meta-check">
          <input
            type="checkbox"
            checked={includeChronology}
            onChange={(event) => {
              setIncludeChronology(event.target.checked);
              // A switch is saved at once: the preview shows or drops the section straight away.
              void saveRef.current({ includeChronology: event.target.checked });
            }}
            aria-describedby={`${formId}-chronology-hint`}
          />
          Include chronology
        </label>
        <span className="field-hint" id={`${formId}-chronology-hint`}>
          A dated list of the events in this dossier’s articles and highlights, after the summary, each cited to its source.
        </span>
      </div>
      <div className="meta-field meta-summary">
        <span className="meta-label" id="dossier-summary-label">
          Summary
        </span>
        <RichNoteEditor
          initialJson={dossier.summaryJson}
          label="Dossier summary"
          placeholder="The key judgements, in a few lines. Printed after the table of contents."
          onChange={(json) => queue({ summaryJson: json })}
          className="summary-editor"
        />
      </div>
    </div>
  );
}

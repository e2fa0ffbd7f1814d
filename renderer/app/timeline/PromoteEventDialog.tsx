/**
 * "Add to timeline" for a highlight: a date (day, month, year) at a chosen precision, prefilled from
 * a date mention inside or near the highlight when there is one, and checked before saving ("31
 * February 2016 is not a date."). The same dialog changes the date of a highlight already on the
 * timeline. A promoted highlight outranks the date Quire found in the same place.
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { checkEventDate, formatEventDate, MONTH_NAMES, parseEventDate, type EventPrecision } from '../../../electron/common/event-date';
import { describeError, useApp } from '../context';
import { Dialog } from '../shell/Dialog';
import { textDirection } from './EventSentence';
import { suggestMention } from './suggest';
import type { TimelineEvent } from './types';

interface PromoteEventDialogProps {
  readonly annotationId: string;
  readonly articleId: string;
  /** The highlight's text (shown so the analyst knows what is being dated). */
  readonly quote: string;
  /** Where the highlight is in the article's text: a date mention there is offered. */
  readonly range?: { readonly start: number; readonly end: number } | null;
  /** Set when the highlight is already on the timeline. */
  readonly existing?: { readonly id: string; readonly date: string; readonly precision: EventPrecision; readonly title: string | null } | null;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

interface Fields {
  year: string;
  month: string;
  day: string;
}

function fieldsOf(date: string): Fields {
  const parts = parseEventDate(date);
  return {
    year: parts ? String(parts.year) : '',
    month: parts?.month ? String(parts.month) : '',
    day: parts?.day ? String(parts.day) : '',
  };
}

const PRECISIONS: readonly { value: EventPrecision; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'month', label: 'Month' },
  { value: 'year', label: 'Year' },
];

export function PromoteEventDialog({ annotationId, articleId, quote, range, existing: given, onClose, onSaved }: PromoteEventDialogProps): ReactElement {
  const { toast, libraryChanged } = useApp();
  const id = useId();
  const [existing, setExisting] = useState(given ?? null);
  const [precision, setPrecision] = useState<EventPrecision>(given?.precision ?? 'month');
  const [fields, setFields] = useState<Fields>(() => (given ? fieldsOf(given.date) : { year: '', month: '', day: '' }));
  const [title, setTitle] = useState(given?.title ?? '');
  const [found, setFound] = useState<TimelineEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Offer the date written in or near the highlight. A highlight already on the timeline (opened from
  // the popover, which does not know) keeps its date: the dialog then changes it.
  useEffect(() => {
    if (given) return;
    let live = true;
    api['timeline.list']({ scope: { kind: 'articles', ids: [articleId] } })
      .then((result) => {
        if (!live) return;
        const own = result.events.find((e) => e.kind === 'highlight' && e.annotationId === annotationId);
        if (own) {
          setExisting({ id: own.id, date: own.date, precision: own.precision, title: own.title });
          setPrecision(own.precision);
          setFields(fieldsOf(own.date));
          setTitle(own.title ?? '');
          return;
        }
        const mention = range ? suggestMention(result.events, range) : null;
        if (!mention) return;
        setFound(mention);
        setPrecision(mention.precision);
        setFields(fieldsOf(mention.date));
      })
      // Without suggestions the analyst types the date: nothing to report.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [annotationId, articleId, given, range?.start, range?.end]);

  // The date fields point at the sentence under them: the error when there is one, else the hint.
  const invalid = { 'aria-invalid': error !== null, 'aria-describedby': `${id}-message` } as const;

  const set = (patch: Partial<Fields>): void => {
    setFields((f) => ({ ...f, ...patch }));
    setError(null);
  };

  const save = async (): Promise<void> => {
    const checked = checkEventDate(fields, precision);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setSaving(true);
    try {
      const eventTitle = title.trim() === '' ? null : title.trim();
      if (existing) await api['timeline.updateEvent']({ id: existing.id, date: checked.date, precision, title: eventTitle });
      else await api['timeline.promote']({ annotationId, date: checked.date, precision, title: eventTitle });
      libraryChanged();
      toast({ kind: 'success', message: `On the timeline at ${formatEventDate(checked.date)}.` });
      onSaved();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      title={existing ? 'Change the event’s date' : 'Add to timeline'}
      onClose={onClose}
      className="promote-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : existing ? 'Save date' : 'Add to timeline'}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="promote-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <blockquote className="promote-quote" dir={textDirection(quote)}>
          {quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}
        </blockquote>
        <fieldset className="promote-precision">
          <legend>Dated to the</legend>
          {PRECISIONS.map((p) => (
            <label key={p.value} className={precision === p.value ? 'segment is-on' : 'segment'}>
              <input type="radio" name={`${id}-precision`} value={p.value} checked={precision === p.value} onChange={() => { setPrecision(p.value); setError(null); }} />
              {p.label}
            </label>
          ))}
        </fieldset>
        <div className="promote-fields">
          {precision === 'day' && (
            <div className="promote-field promote-day">
              <label htmlFor={`${id}-day`}>Day</label>
              <input id={`${id}-day`} className="input" inputMode="numeric" value={fields.day} onChange={(e) => set({ day: e.target.value })} {...invalid} data-autofocus />
            </div>
          )}
          {precision !== 'year' && (
            <div className="promote-field promote-month">
              <label htmlFor={`${id}-month`}>Month</label>
              <select id={`${id}-month`} className="input" value={fields.month} onChange={(e) => set({ month: e.target.value })} {...invalid}>
                <option value="">Choose…</option>
                {MONTH_NAMES.map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="promote-field promote-year">
            <label htmlFor={`${id}-year`}>Year</label>
            <input id={`${id}-year`} className="input" inputMode="numeric" value={fields.year} onChange={(e) => set({ year: e.target.value })} {...invalid} />
          </div>
        </div>
        {error ? (
          <p className="field-error" role="alert" id={`${id}-message`}>
            {error}
          </p>
        ) : (
          <p className="field-hint" id={`${id}-message`}>
            {found
              ? `Found in the text: “${found.text}” (${formatEventDate(found.date)}). Correct it if the highlight is about another date.`
              : existing
                ? `Now on the timeline at ${formatEventDate(existing.date)}.`
                : 'No date is written in or near this highlight: give the date it is about.'}
          </p>
        )}
        <div className="promote-field promote-title">
          <label htmlFor={`${id}-title`}>Title (optional)</label>
          <input
            id={`${id}-title`}
            className="input"
            value={title}
            maxLength={500}
            placeholder="e.g. Beijing agreement signed"
            onChange={(e) => setTitle(e.target.value)}
            dir="auto"
          />
        </div>
      </form>
    </Dialog>
  );
}

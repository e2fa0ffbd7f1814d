/**
 * The Timeline: every dated event of the library, a tag, a dossier or a search result on one axis,
 * grouped by year and month. Each event shows its date at its precision, its sentence with the date
 * emphasised, and its source; Enter or a click opens the reader on that sentence. ↑/↓ move between
 * events (Home/End: first/last), the precision buttons hide what is too vague for the question.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { EVENT_PRECISIONS, type EventPrecision } from '../../../electron/common/event-date';
import { useApp } from '../context';
import { Icon } from '../shell/Icon';
import { RightPane } from '../shell/RightPane';
import type { ViewProps } from '../views';
import { EventDetails } from './EventDetails';
import { filterByPrecision, groupByYearMonth } from './group';
import { scopeFromParam, scopeToParam, type TimelineScopeParam } from './scope';
import { RangeFilter, type DateRange } from './RangeFilter';
import { ScopePicker } from './ScopePicker';
import { TimelineEmpty } from './TimelineEmpty';
import { TimelineEventRow } from './TimelineEventRow';
import type { TimelineEvent } from './types';
import { useTimeline } from './useTimeline';

const PRECISION_NAMES: Record<EventPrecision, string> = { day: 'Day', month: 'Month', year: 'Year' };
const ALL_PRECISIONS: ReadonlySet<EventPrecision> = new Set(EVENT_PRECISIONS);

export function TimelineView({ param }: ViewProps): ReactElement {
  const { navigate } = useApp();
  const scope = useMemo(() => scopeFromParam(param), [param]);
  const [shown, setShown] = useState<ReadonlySet<EventPrecision>>(ALL_PRECISIONS);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<DateRange>({});
  const { events, error, searchArticles, pending, reload } = useTimeline(scope, range);

  const visible = useMemo(() => filterByPrecision(events ?? [], shown), [events, shown]);
  const groups = useMemo(() => groupByYearMonth(visible), [visible]);
  const ordered = useMemo(() => groups.flatMap((y) => [...y.yearEvents, ...y.months.flatMap((m) => m.events)]), [groups]);
  const focused = ordered.find((e) => e.id === focusedId) ?? null;
  const tabbableId = focused?.id ?? ordered[0]?.id ?? null;

  const setScope = (next: TimelineScopeParam): void => {
    setFocusedId(null);
    navigate({ view: 'timeline', param: scopeToParam(next) });
  };

  const open = useCallback(
    (event: TimelineEvent) => {
      const nonce = Date.now();
      if (event.kind === 'highlight' && event.annotationId) {
        navigate({ view: 'reader', articleId: event.articleId, target: { annotationId: event.annotationId }, nonce });
      } else if (event.start !== null && event.end !== null) {
        navigate({ view: 'reader', articleId: event.articleId, target: { start: event.start, end: event.end }, nonce });
      } else {
        navigate({ view: 'reader', articleId: event.articleId, nonce });
      }
    },
    [navigate],
  );

  const togglePrecision = (precision: EventPrecision): void => {
    setShown((current) => {
      const next = new Set(current);
      if (next.has(precision)) next.delete(precision);
      else next.add(precision);
      // Hiding everything would leave an empty page that looks like a bug: keep at least one.
      return next.size === 0 ? current : next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('.timeline-event') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'PageDown') next = Math.min(buttons.length - 1, index + 10);
    else if (event.key === 'PageUp') next = Math.max(0, index - 10);
    if (next < 0) return;
    event.preventDefault();
    buttons[next]?.focus();
    buttons[next]?.scrollIntoView({ block: 'nearest' });
  };

  const counts = useMemo(() => {
    const c: Record<EventPrecision, number> = { day: 0, month: 0, year: 0 };
    for (const e of events ?? []) c[e.precision] += 1;
    return c;
  }, [events]);
  const total = events?.length ?? 0;
  const first = groups[0]?.year;
  const last = groups[groups.length - 1]?.year;
  const span = first === undefined ? '' : first === last ? String(first) : `${first}–${last}`;

  return (
    <section className="timeline-view" aria-labelledby="timeline-title">
      <header className="view-header timeline-header">
        <div className="view-title">
          <h1 id="timeline-title">Timeline</h1>
          <span className="view-subtitle" role="status">
            {events === null ? 'Loading…' : `${visible.length === total ? total : `${visible.length} of ${total}`} event${total === 1 ? '' : 's'}${span ? ` · ${span}` : ''}`}
          </span>
        </div>
        <div className="view-actions timeline-controls">
          <ScopePicker scope={scope} onChange={setScope} />
          <RangeFilter range={range} onChange={setRange} />
          <div className="precision-filter" role="group" aria-label="Precision">
            {EVENT_PRECISIONS.map((p) => (
              <button
                key={p}
                type="button"
                className={shown.has(p) ? 'button button-small is-on' : 'button button-small'}
                aria-pressed={shown.has(p)}
                title={`Events dated to the ${p}`}
                onClick={() => togglePrecision(p)}
              >
                {PRECISION_NAMES[p]} <span className="panel-count">{counts[p]}</span>
              </button>
            ))}
          </div>
        </div>
      </header>
      {error && (
        <p className="timeline-error" role="alert">
          <Icon name="warning" size={14} /> {error}
        </p>
      )}
      {pending > 0 && (
        <p className="timeline-hint" role="status">
          Reading the dates of {pending} more article{pending === 1 ? '' : 's'}… their events appear as they are read.
        </p>
      )}
      {events !== null && total === 0 && !error && pending === 0 ? (
        <TimelineEmpty scope={scope} searchArticles={searchArticles} onLibrary={() => setScope({ kind: 'library' })} />
      ) : (
        <div className="timeline-scroll" ref={listRef} onKeyDown={onKeyDown}>
          {events !== null && visible.length === 0 && total > 0 && (
            <p className="timeline-hint">No events at the chosen precision. Turn Day, Month or Year back on above.</p>
          )}
          {groups.map((year) => (
            <section key={year.year} className="timeline-year" aria-labelledby={`year-${year.year}`}>
              <h2 className="timeline-year-title" id={`year-${year.year}`}>
                {year.year} <span className="panel-count">{year.count}</span>
              </h2>
              {year.yearEvents.length > 0 && (
                <ol className="timeline-events" aria-label={`${year.year}, dated to the year`}>
                  {year.yearEvents.map((e) => (
                    <TimelineEventRow key={e.id} event={e} focused={e.id === focusedId} tabbable={e.id === tabbableId} onOpen={open} onFocus={(x) => setFocusedId(x.id)} />
                  ))}
                </ol>
              )}
              {year.months.map((month) => (
                <section key={month.key} className="timeline-month" aria-labelledby={`month-${month.key}`}>
                  <h3 className="timeline-month-title" id={`month-${month.key}`}>
                    {month.name} {year.year}
                  </h3>
                  <ol className="timeline-events">
                    {month.events.map((e) => (
                      <TimelineEventRow key={e.id} event={e} focused={e.id === focusedId} tabbable={e.id === tabbableId} onOpen={open} onFocus={(x) => setFocusedId(x.id)} />
                    ))}
                  </ol>
                </section>
              ))}
            </section>
          ))}
          {ordered.length > 0 && (
            <p className="timeline-keys" aria-hidden="true">
              <kbd>↑</kbd> <kbd>↓</kbd> move between events · <kbd>↵</kbd> open in the reader
            </p>
          )}
        </div>
      )}
      <RightPane>
        <EventDetails event={focused} scope={scope} total={total} onOpen={open} onChanged={reload} />
      </RightPane>
    </section>
  );
}

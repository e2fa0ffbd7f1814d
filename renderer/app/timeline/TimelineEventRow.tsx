/**
 * One event on the axis: its date at its precision, the sentence it comes from with the date
 * emphasised, and its source. A promoted highlight says so; a flagged date (in the future of its
 * article, or with a year that had to be guessed) is shown but marked, so the analyst checks it.
 */
import type { ReactElement } from 'react';
import { formatEventDate } from '../../../electron/common/event-date';
import { LabelChip } from '../reader/HighlightsPanel';
import { EventSentence, textDirection } from './EventSentence';
import { eventFlags, eventNotes, FLAG_TEXT, mentionInSentence, NOTE_TEXT } from './event-fields';
import type { TimelineEvent } from './types';

interface TimelineEventRowProps {
  readonly event: TimelineEvent;
  readonly focused: boolean;
  readonly tabbable: boolean;
  readonly onOpen: (event: TimelineEvent) => void;
  readonly onFocus: (event: TimelineEvent) => void;
}

export function TimelineEventRow({ event, focused, tabbable, onOpen, onFocus }: TimelineEventRowProps): ReactElement {
  const flags = eventFlags(event);
  const notes = eventNotes(event);
  const highlight = event.kind === 'highlight';
  const classes = ['timeline-event', highlight ? 'is-highlight' : '', flags.length ? 'is-flagged' : '', focused ? 'is-focused' : ''].filter(Boolean).join(' ');
  return (
    <li className="timeline-item">
      <button
        type="button"
        className={classes}
        data-event-id={event.id}
        data-article-id={event.articleId}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onOpen(event)}
        onFocus={() => onFocus(event)}
      >
        <span className="event-date">
          <bdi>{formatEventDate(event.date)}</bdi>
        </span>
        <span className="event-dot" aria-hidden="true" />
        <span className={textDirection(event.sentence, event.direction) === 'rtl' ? 'event-body is-rtl' : 'event-body'}>
          {event.title && (
            <span className="event-title" dir="auto">
              {event.title}
            </span>
          )}
          <EventSentence sentence={event.sentence} direction={event.direction} language={event.language} mark={mentionInSentence(event)} className={highlight ? 'is-quote' : undefined} />
          <span className="event-source">
            {highlight && <span className="event-badge is-highlight">Your highlight</span>}
            {highlight && event.label && <LabelChip name={event.label.name} color={event.label.color} />}
            {flags.map((flag) => (
              <span key={flag} className="event-badge is-flag" title={FLAG_TEXT[flag].long}>
                {FLAG_TEXT[flag].short}
              </span>
            ))}
            {notes.map((note) => (
              <span key={note} className="event-badge is-note" title={NOTE_TEXT[note].long}>
                {NOTE_TEXT[note].short}
              </span>
            ))}
            {event.source && (
              <>
                <bdi className="event-source-name">{event.source}</bdi>
                <span aria-hidden="true"> · </span>
              </>
            )}
            <bdi className="event-article">{event.articleTitle || 'Untitled'}</bdi>
          </span>
        </span>
      </button>
    </li>
  );
}

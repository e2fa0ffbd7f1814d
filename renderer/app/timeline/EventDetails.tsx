/**
 * The right pane beside the timeline: the focused event in full (date, precision, why it is flagged,
 * where it comes from) with "Open in the reader"; for a promoted highlight, change its date or take
 * it off the timeline (with undo). With nothing focused: what the timeline shows and how to use it.
 */
import { useState, type ReactElement } from 'react';
import { api } from '../../api';
import { formatEventDate } from '../../../electron/common/event-date';
import { useApp } from '../context';
import { formatDate } from '../format';
import { Icon } from '../shell/Icon';
import { EventSentence } from './EventSentence';
import { eventFlags, eventNotes, FLAG_TEXT, mentionInSentence, NOTE_TEXT } from './event-fields';
import { PromoteEventDialog } from './PromoteEventDialog';
import type { TimelineScopeParam } from './scope';
import type { TimelineEvent } from './types';

const PRECISION_TEXT = { day: 'to the day', month: 'to the month', year: 'to the year' } as const;

interface EventDetailsProps {
  readonly event: TimelineEvent | null;
  readonly scope: TimelineScopeParam;
  readonly total: number;
  readonly onOpen: (event: TimelineEvent) => void;
  readonly onChanged: () => void;
}

export function EventDetails({ event, total, onOpen, onChanged }: EventDetailsProps): ReactElement {
  const { toast, reportError, libraryChanged } = useApp();
  const [editing, setEditing] = useState(false);

  if (!event) {
    return (
      <div className="details">
        <section className="panel-section" aria-label="About the timeline">
          <h3 className="panel-heading">Timeline</h3>
          <p className="panel-empty">
            {total > 0
              ? 'Focus an event (click it, or Tab then ↑ ↓) to see where it comes from. Enter opens the article at that sentence.'
              : 'Dates found in the articles appear here, earliest first.'}
          </p>
          <p className="panel-empty">
            Dates come from the text itself, in English, Arabic and Persian (Solar Hijri dates are converted). A highlight you add to the timeline outranks the date Quire
            found in the same place.
          </p>
        </section>
      </div>
    );
  }

  const flags = eventFlags(event);
  const notes = eventNotes(event);
  const removeEvent = async (): Promise<void> => {
    try {
      const removed = await api['timeline.removeEvent']({ id: event.id });
      onChanged();
      libraryChanged();
      toast({
        message: 'Highlight taken off the timeline.',
        action: {
          label: 'Undo',
          run: async () => {
            const { annotationId, date, precision, title, sentence } = removed;
            await api['timeline.promote']({ annotationId, date, precision, title, sentence });
            onChanged();
            libraryChanged();
          },
        },
      });
    } catch (error) {
      reportError(error, 'take the highlight off the timeline');
    }
  };

  return (
    <div className="details">
      <section className="panel-section event-details" aria-label="Event">
        <h3 className="panel-heading">
          <bdi>{formatEventDate(event.date)}</bdi>
        </h3>
        <p className="event-details-kind">
          {event.kind === 'highlight' ? 'Your highlight, dated by you' : 'Date found in the text'} · dated {PRECISION_TEXT[event.precision]}
        </p>
        {event.title && (
          <p className="event-details-title" dir="auto">
            {event.title}
          </p>
        )}
        <blockquote className="event-details-quote">
          <EventSentence sentence={event.sentence} direction={event.direction} language={event.language} mark={mentionInSentence(event)} />
        </blockquote>
        {event.kind === 'mention' && event.text && (
          <p className="event-details-kind">
            Written as “<bdi>{event.text}</bdi>”
          </p>
        )}
        {flags.map((flag) => (
          <p key={flag} className="event-flag-note">
            <Icon name="warning" size={13} /> {FLAG_TEXT[flag].long}
          </p>
        ))}
        {notes.map((note) => (
          <p key={note} className="event-details-kind">
            {NOTE_TEXT[note].long}
          </p>
        ))}
        <dl className="event-details-source">
          <dt>Article</dt>
          <dd>
            <bdi>{event.articleTitle || 'Untitled'}</bdi>
          </dd>
          {event.source && (
            <>
              <dt>Source</dt>
              <dd>
                <bdi>{event.source}</bdi>
              </dd>
            </>
          )}
          {event.publishedAt && (
            <>
              <dt>Published</dt>
              <dd>{formatDate(event.publishedAt)}</dd>
            </>
          )}
        </dl>
        <div className="event-details-actions">
          <button type="button" className="button button-primary button-small" onClick={() => onOpen(event)}>
            <Icon name="file" size={14} /> Open in the reader
          </button>
          {event.kind === 'highlight' && (
            <>
              <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                <Icon name="edit" size={14} /> Change date…
              </button>
              <button type="button" className="button button-small button-danger-quiet" onClick={() => void removeEvent()}>
                Take off the timeline
              </button>
            </>
          )}
        </div>
      </section>
      {editing && event.annotationId && (
        <PromoteEventDialog
          annotationId={event.annotationId}
          articleId={event.articleId}
          quote={event.sentence}
          existing={{ id: event.id, date: event.date, precision: event.precision, title: event.title }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

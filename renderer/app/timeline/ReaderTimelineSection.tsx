/**
 * The reader's "Timeline" block: how many dated events this article has (a link to them on the
 * timeline) and, for the focused highlight, its place on the timeline: "Add to timeline…" or its
 * date with "Change…". The highlight popover's "Add to timeline" opens the same dialog.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { formatEventDate } from '../../../electron/common/event-date';
import { useApp } from '../context';
import type { Annotation } from '../data/types';
import { Icon } from '../shell/Icon';
import type { ReaderSectionProps } from '../views';
import { PromoteEventDialog } from './PromoteEventDialog';
import type { TimelineEvent } from './types';

export function ReaderTimelineSection({ articleId, annotationId, navigate }: ReaderSectionProps): ReactElement {
  const { libraryVersion } = useApp();
  const [events, setEvents] = useState<readonly TimelineEvent[] | null>(null);
  const [annotation, setAnnotation] = useState<Annotation | null>(null);
  const [dialog, setDialog] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api['timeline.list']({ scope: { kind: 'articles', ids: [articleId] } })
      .then((result) => live && setEvents(result.events))
      .catch(() => live && setEvents([]));
    return () => {
      live = false;
    };
  }, [articleId, libraryVersion, version]);

  useEffect(() => {
    let live = true;
    if (!annotationId || annotationId.startsWith('pending-')) {
      setAnnotation(null);
      return;
    }
    // The article's list, not annotations.get: a highlight just deleted (undo pending) is simply absent, not an error.
    api['annotations.list']({ articleId })
      .then((list) => live && setAnnotation(list.find((a) => a.id === annotationId) ?? null))
      .catch(() => live && setAnnotation(null));
    return () => {
      live = false;
    };
  }, [annotationId, articleId, libraryVersion]);

  const promoted = annotation ? events?.find((e) => e.kind === 'highlight' && e.annotationId === annotation.id) : undefined;
  const count = events?.length ?? 0;

  return (
    <div className="reader-timeline">
      <p className="panel-empty">
        {events === null
          ? 'Reading the dates…'
          : count === 0
            ? 'No dated events in this article.'
            : `${count} dated event${count === 1 ? '' : 's'} in this article.`}{' '}
        {count > 0 && (
          <button type="button" className="link-button" onClick={() => navigate({ view: 'timeline', param: `articles:${articleId}` })}>
            Show on the timeline
          </button>
        )}
      </p>
      {annotation && annotation.status === 'anchored' && (
        <div className="reader-timeline-highlight">
          {promoted ? (
            <p>
              <Icon name="timeline" size={13} /> This highlight is on the timeline at <strong>{formatEventDate(promoted.date)}</strong>.{' '}
              <button type="button" className="link-button" onClick={() => setDialog(true)}>
                Change…
              </button>
            </p>
          ) : (
            <button type="button" className="button button-small" onClick={() => setDialog(true)}>
              <Icon name="timeline" size={14} /> Add this highlight to the timeline…
            </button>
          )}
        </div>
      )}
      {dialog && annotation && (
        <PromoteEventDialog
          annotationId={annotation.id}
          articleId={articleId}
          quote={annotation.quote}
          range={annotation.start !== null && annotation.end !== null ? { start: annotation.start, end: annotation.end } : null}
          existing={promoted ? { id: promoted.id, date: promoted.date, precision: promoted.precision, title: promoted.title } : null}
          onClose={() => setDialog(false)}
          onSaved={() => {
            setDialog(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}

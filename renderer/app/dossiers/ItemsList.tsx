/**
 * The dossier's items in order. Reorder by dragging a row, or from the keyboard: focus a row and press
 * Alt+↑/↓ (each move is announced). ↑/↓ move between rows, Delete removes one (with undo). Article rows
 * choose between the whole text and the highlights only; heading rows are edited in place.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactElement } from 'react';
import type { DossierItemDto } from '../../../electron/api/contract/dossiers';
import { Icon, type IconName } from '../shell/Icon';

const KIND_ICON: Readonly<Record<DossierItemDto['kind'], IconName>> = {
  heading: 'sort',
  article: 'file',
  annotation: 'highlight',
  note: 'note',
};
const KIND_NAME: Readonly<Record<DossierItemDto['kind'], string>> = {
  heading: 'Section heading',
  article: 'Article',
  annotation: 'Highlight',
  note: 'Note',
};

interface ItemsListProps {
  readonly items: readonly DossierItemDto[];
  readonly onMove: (item: DossierItemDto, position: number) => Promise<void>;
  readonly onReorder: (itemIds: string[]) => Promise<void>;
  readonly onRemove: (item: DossierItemDto) => Promise<void>;
  readonly onOptions: (item: DossierItemDto, options: { highlightsOnly?: boolean; heading?: string }) => Promise<void>;
  readonly onOpen: (item: DossierItemDto) => void;
}

export function ItemsList({ items, onMove, onReorder, onRemove, onOptions, onOpen }: ItemsListProps): ReactElement {
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);

  // Keep keyboard focus on the row that moved (the list re-renders in its new order).
  useEffect(() => {
    if (!focusId) return;
    list.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [items, focusId]);

  const describe = (item: DossierItemDto): string => (item.kind === 'annotation' ? `highlight “${item.title.slice(0, 60)}”` : `“${item.title}”`);

  const move = async (item: DossierItemDto, to: number): Promise<void> => {
    if (to < 0 || to >= items.length || to === item.position) return;
    setFocusId(item.id);
    await onMove(item, to);
    setAnnouncement(`Moved ${describe(item)} to position ${to + 1} of ${items.length}.`);
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLLIElement>, item: DossierItemDto, index: number): void => {
    if (event.target !== event.currentTarget) return; // keys inside the row's controls are theirs
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      void move(item, index + (event.key === 'ArrowUp' ? -1 : 1));
    } else if (event.altKey && (event.key === 'Home' || event.key === 'End')) {
      event.preventDefault();
      void move(item, event.key === 'Home' ? 0 : items.length - 1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const rows = list.current?.querySelectorAll<HTMLElement>('.ditem');
      rows?.[Math.max(0, Math.min(items.length - 1, index + (event.key === 'ArrowUp' ? -1 : 1)))]?.focus();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const next = items[index + 1] ?? items[index - 1];
      setFocusId(next?.id ?? null);
      void onRemove(item);
    } else if (event.key === 'Enter' && item.kind !== 'heading' && !item.missing) {
      event.preventDefault();
      onOpen(item);
    }
  };

  // ---- Drag and drop (HTML5): the drop position is above or below the row under the pointer ----
  const onDragStart = (event: DragEvent<HTMLLIElement>, item: DossierItemDto): void => {
    setDragging(item.id);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('application/x-quire-dossier-item', item.id);
    event.dataTransfer.setData('text/plain', item.title);
  };

  const onDragOver = (event: DragEvent<HTMLLIElement>, index: number): void => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    setDropIndex(event.clientY < box.top + box.height / 2 ? index : index + 1);
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const id = dragging ?? event.dataTransfer.getData('application/x-quire-dossier-item');
    const at = dropIndex;
    setDragging(null);
    setDropIndex(null);
    if (!id || at === null) return;
    const from = items.findIndex((i) => i.id === id);
    if (from < 0) return;
    const order = items.map((i) => i.id);
    order.splice(from, 1);
    const to = at > from ? at - 1 : at;
    if (to === from) return;
    order.splice(to, 0, id);
    const moved = items[from];
    void onReorder(order).then(() => moved && setAnnouncement(`Moved ${describe(moved)} to position ${to + 1} of ${items.length}.`));
  };

  if (items.length === 0) {
    return (
      <div className="ditems-empty">
        <p>
          <strong>No items yet.</strong> Add articles, highlights and notes from the panel on the right, from an article’s side panel
          (“Dossiers”), or from a note. Section headings organise them.
        </p>
      </div>
    );
  }

  return (
    <>
      <p className="ditems-help" id="ditems-help">
        Drag to reorder, or focus an item and press Alt+↑ / Alt+↓.
      </p>
      <ol
        className={`ditems${dragging ? ' is-dragging' : ''}`}
        ref={list}
        aria-label="Dossier items"
        aria-describedby="ditems-help"
        onDrop={onDrop}
        onDragOver={(event) => dragging && event.preventDefault()}
      >
        {items.map((item, index) => (
          <li
            key={item.id}
            data-item-id={item.id}
            className={[
              'ditem',
              `ditem-${item.kind}`,
              item.missing ? 'is-missing' : '',
              dragging === item.id ? 'is-dragged' : '',
              dropIndex === index ? 'drop-before' : '',
              dropIndex === index + 1 && index === items.length - 1 ? 'drop-after' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            tabIndex={0}
            draggable
            aria-label={`${index + 1} of ${items.length}: ${KIND_NAME[item.kind]}, ${item.title}${item.missing ? ' (deleted from the library)' : ''}`}
            onKeyDown={(event) => onRowKeyDown(event, item, index)}
            onFocus={(event) => event.target === event.currentTarget && setFocusId(item.id)}
            onDragStart={(event) => onDragStart(event, item)}
            onDragEnd={() => {
              setDragging(null);
              setDropIndex(null);
            }}
            onDragOver={(event) => onDragOver(event, index)}
          >
            <span className="ditem-grip" aria-hidden="true">
              <svg width="10" height="16" viewBox="0 0 10 16" fill="currentColor">
                <circle cx="3" cy="4" r="1.2" />
                <circle cx="7" cy="4" r="1.2" />
                <circle cx="3" cy="8" r="1.2" />
                <circle cx="7" cy="8" r="1.2" />
                <circle cx="3" cy="12" r="1.2" />
                <circle cx="7" cy="12" r="1.2" />
              </svg>
            </span>
            <span className="ditem-number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="ditem-kind" title={KIND_NAME[item.kind]}>
              {item.kind === 'heading' ? (
                <span className="ditem-h">H</span>
              ) : item.kind === 'annotation' && item.label ? (
                <span className="ditem-chip" style={{ background: item.label.color }} />
              ) : (
                <Icon name={item.missing ? 'warning' : KIND_ICON[item.kind]} size={14} />
              )}
            </span>
            <span className="ditem-main">
              {item.kind === 'heading' ? (
                <HeadingInput item={item} onSave={(heading) => onOptions(item, { heading })} />
              ) : (
                <>
                  <span className="ditem-title" dir="auto" title={item.title}>
                    {item.kind === 'annotation' ? `“${item.title}”` : item.title}
                  </span>
                  <span className="ditem-detail" title={item.detail ?? undefined}>
                    {item.missing
                      ? item.detail
                      : [KIND_NAME[item.kind], item.label?.name, item.detail, item.highlightCount !== null ? `${item.highlightCount} highlight${item.highlightCount === 1 ? '' : 's'}` : null]
                          .filter(Boolean)
                          .join(' · ')}
                  </span>
                  {item.kind === 'article' && !item.missing && (
                    <span className="ditem-options" role="radiogroup" aria-label={`Print “${item.title}” as`}>
                      {(
                        [
                          [false, 'Whole text'],
                          [true, 'Highlights only'],
                        ] as const
                      ).map(([value, label]) => (
                        <button
                          key={label}
                          type="button"
                          role="radio"
                          aria-checked={(item.options.highlightsOnly === true) === value}
                          className={`seg${(item.options.highlightsOnly === true) === value ? ' is-on' : ''}`}
                          onClick={() => void onOptions(item, { highlightsOnly: value })}
                        >
                          {label}
                        </button>
                      ))}
                    </span>
                  )}
                </>
              )}
            </span>
            <span className="ditem-actions">
              {item.kind !== 'heading' && !item.missing && (
                <button type="button" className="icon-button" aria-label={`Open ${describe(item)}`} title="Open" onClick={() => onOpen(item)}>
                  <Icon name="chevron" size={14} />
                </button>
              )}
              <button type="button" className="icon-button" aria-label={`Remove ${describe(item)} from the dossier`} title="Remove from the dossier" onClick={() => void onRemove(item)}>
                <Icon name="close" size={14} />
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

function HeadingInput({ item, onSave }: { item: DossierItemDto; onSave: (heading: string) => Promise<void> }): ReactElement {
  const [value, setValue] = useState(item.title);
  useEffect(() => setValue(item.title), [item.title]);
  const commit = (): void => {
    const next = value.trim();
    if (next === '' || next === item.title) {
      setValue(item.title);
      return;
    }
    void onSave(next);
  };
  return (
    <input
      className="ditem-heading-input"
      value={value}
      aria-label="Section heading"
      onChange={(event) => setValue(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
          (event.currentTarget.closest('.ditem') as HTMLElement | null)?.focus();
        } else if (event.key === 'Escape') {
          setValue(item.title);
          (event.currentTarget.closest('.ditem') as HTMLElement | null)?.focus();
        }
      }}
    />
  );
}

/**
 * Managing labels (the analyst's codes): rename, recolour from the colour-blind-safe palette,
 * assign the digit key, reorder, add, and delete — a label in use asks what happens to its
 * highlights (move them to another label, or leave them without one).
 */
import { useState, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import type { Label } from '../data/types';
import { Dialog } from '../shell/Dialog';
import { Icon } from '../shell/Icon';

/** Okabe–Ito hues (plus a neutral): distinguishable with the common colour-vision deficiencies. */
export const LABEL_PALETTE: ReadonlyArray<readonly [string, string]> = [
  ['#F0E442', 'Yellow'],
  ['#E69F00', 'Orange'],
  ['#009E73', 'Bluish green'],
  ['#56B4E9', 'Sky blue'],
  ['#CC79A7', 'Reddish purple'],
  ['#D55E00', 'Vermillion'],
  ['#0072B2', 'Blue'],
  ['#999999', 'Grey'],
];

function LabelRow({ label, labels, index, onChanged }: { label: Label; labels: readonly Label[]; index: number; onChanged: () => void }): ReactElement {
  const { reportError, toast } = useApp();
  const [name, setName] = useState(label.name);
  const [deleting, setDeleting] = useState(false);
  const [reassignTo, setReassignTo] = useState<string>('');

  const update = async (patch: { name?: string; color?: string; shortcut?: number | null }): Promise<void> => {
    try {
      await api['labels.update']({ id: label.id, patch });
      onChanged();
    } catch (error) {
      reportError(error, 'change the label');
      setName(label.name);
    }
  };
  const move = async (delta: number): Promise<void> => {
    const ids = labels.map((l) => l.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    try {
      await api['labels.reorder']({ ids });
      onChanged();
    } catch (error) {
      reportError(error, 'reorder the labels');
    }
  };
  const remove = async (): Promise<void> => {
    try {
      const result = await api['labels.delete']({ id: label.id, ...(label.annotations > 0 ? (reassignTo ? { reassignTo } : { clear: true as const }) : {}) });
      toast({ message: `Deleted the label “${result.name}”.` });
      onChanged();
    } catch (error) {
      reportError(error, 'delete the label');
    }
  };

  return (
    <li className="label-row">
      <div className="label-row-main">
        <div className="swatches" role="radiogroup" aria-label={`Colour of ${label.name}`}>
          {LABEL_PALETTE.map(([color, colorName]) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={label.color.toUpperCase() === color}
              aria-label={colorName}
              title={colorName}
              className="swatch"
              style={{ background: color }}
              onClick={() => void update({ color })}
            />
          ))}
        </div>
        <input
          className="input input-small label-name"
          aria-label="Label name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() && name !== label.name && void update({ name: name.trim() })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
        <select
          className="input input-small label-key"
          aria-label={`Key for ${label.name}`}
          value={label.shortcut ?? ''}
          onChange={(e) => void update({ shortcut: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">No key</option>
          {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
            <option key={n} value={n} disabled={labels.some((l) => l.shortcut === n && l.id !== label.id)}>
              Key {n}
            </option>
          ))}
        </select>
        <span className="label-uses" title="Highlights with this label">
          {label.annotations}
        </span>
        <button type="button" className="icon-button" aria-label={`Move ${label.name} up`} disabled={index === 0} onClick={() => void move(-1)}>
          <Icon name="chevron" className="rotate-up" size={14} />
        </button>
        <button type="button" className="icon-button" aria-label={`Move ${label.name} down`} disabled={index === labels.length - 1} onClick={() => void move(1)}>
          <Icon name="chevron" className="rotate-down" size={14} />
        </button>
        <button type="button" className="icon-button" aria-label={`Delete ${label.name}`} onClick={() => (label.annotations > 0 ? setDeleting((d) => !d) : void remove())}>
          <Icon name="trash" size={14} />
        </button>
      </div>
      {deleting && (
        <div className="label-delete" role="group" aria-label={`Delete ${label.name}`}>
          <span>
            {label.annotations} highlight{label.annotations === 1 ? '' : 's'} use “{label.name}”.
          </span>
          <select className="input input-small" aria-label="Move its highlights to" value={reassignTo} onChange={(e) => setReassignTo(e.target.value)}>
            <option value="">Leave them without a label</option>
            {labels
              .filter((l) => l.id !== label.id)
              .map((l) => (
                <option key={l.id} value={l.id}>
                  Move them to {l.name}
                </option>
              ))}
          </select>
          <button type="button" className="button button-small button-danger-quiet" onClick={() => void remove()}>
            Delete label
          </button>
        </div>
      )}
    </li>
  );
}

export function LabelsDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement | null {
  const { labels, reloadLabels, libraryChanged, reportError } = useApp();
  const [draft, setDraft] = useState('');
  const changed = (): void => {
    reloadLabels();
    libraryChanged();
  };
  const add = async (): Promise<void> => {
    const name = draft.trim();
    if (!name) return;
    try {
      await api['labels.create']({ name });
      setDraft('');
      changed();
    } catch (error) {
      reportError(error, 'add the label');
    }
  };
  return (
    <Dialog
      open={open}
      title="Labels"
      onClose={onClose}
      className="labels-dialog"
      footer={
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      <p className="field-hint">Your codes for highlights. Keys 1–9 apply them to a selection in the reader.</p>
      <ul className="label-rows">
        {labels.map((label, index) => (
          <LabelRow key={`${label.id}:${label.name}`} label={label} labels={labels} index={index} onChanged={changed} />
        ))}
      </ul>
      <form
        className="label-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input className="input input-small" aria-label="New label name" placeholder="New label…" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="button button-small" disabled={!draft.trim()}>
          <Icon name="plus" size={14} /> Add label
        </button>
      </form>
    </Dialog>
  );
}

/** The shortcut sheet (`?`): every key the app answers to, grouped by where it works. */
import type { ReactElement } from 'react';
import { Dialog } from './Dialog';
import { modLabel } from './keys';

const groups: ReadonlyArray<{ title: string; keys: ReadonlyArray<[string, string]> }> = [
  {
    title: 'Anywhere',
    keys: [
      [`${modLabel} K`, 'Search everything'],
      ['?', 'This sheet'],
      [`${modLabel} O`, 'Import files'],
      [`${modLabel} B`, 'Show or hide the navigation pane'],
      [`${modLabel} J`, 'Show or hide the details pane'],
      ['G then L', 'Go to the library'],
      ['G then N', 'Go to notes'],
      ['G then D', 'Go to dossiers'],
      ['G then T', 'Go to the timeline'],
      ['G then B', 'Go to backups'],
      ['Alt ←', 'Back'],
      ['Esc', 'Close a menu, popover or dialog'],
    ],
  },
  {
    title: 'Library',
    keys: [
      ['/', 'Filter the list'],
      ['↑ ↓', 'Move between articles'],
      ['Enter', 'Open the article'],
      ['Delete', 'Delete the article (with undo)'],
      [`${modLabel} V`, 'Paste text or a web page as a new article'],
    ],
  },
  {
    title: 'Reader',
    keys: [
      ['1–9', 'Highlight the selection with that label'],
      ['N', 'Highlight the selection and write a note'],
      ['J K', 'Next / previous highlight'],
      ['Enter', 'Open the focused highlight'],
      ['Delete', 'Delete the focused highlight (with undo)'],
      [`${modLabel} E`, 'Edit the text'],
      [`${modLabel} S`, 'Save the edit'],
    ],
  },
  {
    title: 'Dossier',
    keys: [
      ['↑ ↓', 'Move between items'],
      ['Alt ↑ Alt ↓', 'Move the item up or down'],
      ['Alt Home / End', 'Move the item to the top or bottom'],
      ['Enter', 'Open the item'],
      ['Delete', 'Remove the item (with undo)'],
    ],
  },
  {
    title: 'Timeline',
    keys: [
      ['↑ ↓', 'Move between events'],
      ['Home / End', 'First or last event'],
      ['Enter', 'Open the article at the event’s sentence'],
    ],
  },
  {
    title: 'Search',
    keys: [
      ['↑ ↓', 'Move between results'],
      ['Enter', 'Open the result'],
      ['Tab', 'Go to the filters'],
    ],
  },
];

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement | null {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} className="shortcut-sheet">
      <div className="shortcut-groups">
        {groups.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.keys.map(([key, what]) => (
                <div key={key + what} className="shortcut-row">
                  <dt>
                    {key.split(' ').map((part, i) =>
                      part === 'then' ? (
                        <span key={i} className="shortcut-then">
                          then
                        </span>
                      ) : (
                        <kbd key={i}>{part}</kbd>
                      ),
                    )}
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

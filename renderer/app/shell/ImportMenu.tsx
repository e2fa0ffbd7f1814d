/**
 * The Import button: a split button (files is the main action) with a small menu for a folder and
 * for pasted text. A menu button per the ARIA pattern: arrows move, Escape closes.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Icon } from './Icon';
import { modLabel } from './keys';

interface ImportMenuProps {
  readonly disabled: boolean;
  readonly onFiles: () => void;
  readonly onFolder: () => void;
  readonly onPaste: () => void;
}

export function ImportMenu({ disabled, onFiles, onFolder, onPaste }: ImportMenuProps): ReactElement {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onDown = (event: MouseEvent): void => {
      if (!menuRef.current?.contains(event.target as Node) && event.target !== toggleRef.current) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (action: () => void): void => {
    setOpen(false);
    action();
  };

  return (
    <div className="import-menu">
      <div className="split-button">
        <button type="button" className="button button-primary split-main" disabled={disabled} onClick={onFiles} title={`Import files (${modLabel} O)`}>
          <Icon name="import" />
          Import
        </button>
        <button
          ref={toggleRef}
          type="button"
          className="button button-primary split-toggle"
          aria-label="More ways to import"
          aria-haspopup="menu"
          aria-expanded={open}
          disabled={disabled}
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name="chevron-down" size={14} />
        </button>
      </div>
      {open && (
        <div
          ref={menuRef}
          className="menu"
          role="menu"
          aria-label="Import"
          onKeyDown={(event) => {
            const items = Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
            const index = items.indexOf(document.activeElement as HTMLButtonElement);
            if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
            else if (event.key === 'Escape') {
              setOpen(false);
              toggleRef.current?.focus();
            } else return;
            event.preventDefault();
            event.stopPropagation();
          }}
        >
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose(onFiles)}>
            <Icon name="file" /> Files…
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose(onFolder)}>
            <Icon name="folder" /> A folder…
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose(onPaste)}>
            <Icon name="paste" /> Paste text or a web page…
          </button>
        </div>
      )}
    </div>
  );
}

/** Keyboard helpers shared by the global shortcuts and the screens. */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl on Windows/Linux, ⌘ on macOS. */
export function isMod(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  return isMac ? event.metaKey : event.ctrlKey;
}

export const modLabel = isMac ? '⌘' : 'Ctrl';

/** True when the key press belongs to a text field (typing "1" in a note must not make a highlight). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
  }
  return false;
}

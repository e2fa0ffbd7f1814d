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

/** Arrow keys move between the radios of a radiogroup (the ARIA pattern); returns true when handled. */
export function moveInRadioGroup(event: ReactKeyboardEvent<HTMLElement>): boolean {
  const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
  const backward = event.key === 'ArrowLeft' || event.key === 'ArrowUp';
  if (!forward && !backward) return false;
  const radios = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]'));
  const index = radios.indexOf(document.activeElement as HTMLElement);
  if (index < 0 || radios.length === 0) return false;
  const rtl = getComputedStyle(event.currentTarget).direction === 'rtl' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft');
  const step = (forward ? 1 : -1) * (rtl ? -1 : 1);
  radios[(index + step + radios.length) % radios.length]!.focus();
  event.preventDefault();
  return true;
}

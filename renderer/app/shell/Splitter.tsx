/**
 * The handle between two panes: drag with the pointer, or focus it and use the arrow keys
 * (Home/End collapse and restore). A `separator` with a value, as ARIA describes resizable panes.
 */
import { useRef, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';

interface SplitterProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Which side the pane being resized is on: dragging right grows a left pane and shrinks a right one. */
  readonly side: 'left' | 'right';
  readonly onChange: (value: number) => void;
  readonly onToggle: () => void;
}

export function Splitter({ label, value, min, max, side, onChange, onToggle }: SplitterProps): ReactElement {
  const drag = useRef<{ x: number; value: number } | null>(null);
  const clamp = (v: number): number => Math.max(min, Math.min(max, Math.round(v)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, value };
    document.body.classList.add('is-resizing');
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    const delta = event.clientX - drag.current.x;
    onChange(clamp(drag.current.value + (side === 'left' ? delta : -delta)));
  };
  const onPointerUp = (): void => {
    drag.current = null;
    document.body.classList.remove('is-resizing');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.shiftKey ? 48 : 16;
    const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft';
    const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight';
    if (event.key === grow) onChange(clamp(value + step));
    else if (event.key === shrink) onChange(clamp(value - step));
    else if (event.key === 'Enter') onToggle();
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`splitter splitter-${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onToggle}
      onKeyDown={onKeyDown}
    />
  );
}

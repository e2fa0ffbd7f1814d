/**
 * Toasts: short messages in the corner, for outcomes ("Article deleted — Undo") and errors in the
 * analyst's words. A live region so screen readers announce them; Undo is a real button.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { ToastInput } from '../context';
import { Icon } from './Icon';

export interface ToastItem extends ToastInput {
  readonly id: number;
}

function ToastView({ toast, onClose }: { toast: ToastItem; onClose: () => void }): ReactElement {
  const timeout = toast.timeout ?? (toast.kind === 'error' ? 9000 : toast.action ? 8000 : 4000);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const timer = window.setTimeout(() => closeRef.current(), timeout);
    return () => window.clearTimeout(timer);
  }, [timeout]);
  return (
    <div className={`toast toast-${toast.kind ?? 'info'}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      {toast.kind === 'error' && <Icon name="warning" className="toast-icon" />}
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            void toast.action?.run();
            onClose();
          }}
        >
          {toast.action.label === 'Undo' && <Icon name="undo" size={14} />}
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button toast-close" aria-label="Dismiss" onClick={onClose}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

export function Toasts({ toasts, onClose }: { toasts: readonly ToastItem[]; onClose: (id: number) => void }): ReactElement {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} onClose={() => onClose(toast.id)} />
      ))}
    </div>
  );
}

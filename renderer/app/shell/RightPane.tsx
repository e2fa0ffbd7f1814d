/**
 * The right pane belongs to whatever is in the centre: a view renders <RightPane>…</RightPane> and
 * its content is portalled into the pane, so the shell need not know what each view shows there.
 */
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export const RightPaneTarget = createContext<HTMLElement | null>(null);

export function RightPane({ children }: { children: ReactNode }): ReactElement | null {
  const target = useContext(RightPaneTarget);
  return target ? createPortal(children, target) : null;
}

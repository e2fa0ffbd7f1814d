/**
 * Before the library is shown, ask whether its database is readable (`library.health`). When it is
 * not, the recovery screen takes the window's place; after a restore the app mounts afresh on the
 * restored library (no reload). The same happens mid-session: any call answered with
 * `library_damaged` (api.ts announces it with LIBRARY_DAMAGED_EVENT) sends the gate back to check.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { api, LIBRARY_DAMAGED_EVENT } from '../../api';
import type { BackupRestoreResultDto, LibraryHealthDto } from '../../../electron/api/contract/backup';
import type { ToastInput } from '../context';
import { describeRestore } from '../backups/describe';
import { RecoveryScreen } from './RecoveryScreen';

export type DamagedHealth = Extract<LibraryHealthDto, { state: 'damaged' }>;

type Gate =
  | { readonly phase: 'checking' }
  | { readonly phase: 'ok'; readonly generation: number; readonly notice?: ToastInput }
  | { readonly phase: 'damaged'; readonly health: DamagedHealth };

interface LibraryGateProps {
  /** The app, given a fresh `key` after a restore and, once, the toast that says what was restored. */
  readonly children: (generation: number, notice: ToastInput | undefined) => ReactElement;
}

export function LibraryGate({ children }: LibraryGateProps): ReactElement {
  const [gate, setGate] = useState<Gate>({ phase: 'checking' });
  const generation = useRef(0);

  const check = useCallback(async (): Promise<void> => {
    let health: LibraryHealthDto;
    try {
      health = await api['library.health']({});
    } catch {
      // No answer about health (an older server, a network hiccup): show the library and let each
      // screen report its own errors rather than hold the analyst at a blank window.
      setGate((g) => (g.phase === 'ok' ? g : { phase: 'ok', generation: generation.current }));
      return;
    }
    if (health.state === 'damaged') setGate({ phase: 'damaged', health });
    else setGate((g) => (g.phase === 'ok' ? g : { phase: 'ok', generation: generation.current }));
  }, []);

  useEffect(() => {
    void check();
    const onDamaged = (): void => void check();
    window.addEventListener(LIBRARY_DAMAGED_EVENT, onDamaged);
    return () => window.removeEventListener(LIBRARY_DAMAGED_EVENT, onDamaged);
  }, [check]);

  const restored = useCallback((result: BackupRestoreResultDto) => {
    generation.current += 1;
    setGate({
      phase: 'ok',
      generation: generation.current,
      notice: { kind: result.warnings.length > 0 ? 'info' : 'success', message: describeRestore(result, 'damaged'), timeout: 15_000 },
    });
  }, []);

  if (gate.phase === 'checking') return <div className="app-starting" aria-busy="true" aria-label="Opening the library" />;
  if (gate.phase === 'damaged') return <RecoveryScreen health={gate.health} onRestored={restored} onCheckAgain={check} />;
  return children(gate.generation, gate.notice);
}

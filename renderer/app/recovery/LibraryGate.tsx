/**
 * Asks at start whether the library's database is readable (`library.health`). When it is not, the
 * recovery screen takes the window's place; after a restore the app mounts afresh on the restored
 * library (no reload). The same happens mid-session: any call answered with `library_damaged`
 * (api.ts announces it with LIBRARY_DAMAGED_EVENT) sends the gate back to check.
 *
 * The app is shown while the first check is under way, not after it: a damaged library is rare, and
 * holding every start for a round trip would leave the window without its shortcuts and drop target
 * for that moment. On a damaged library the app's first calls fail with `library_damaged` anyway.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { api, LIBRARY_DAMAGED_EVENT } from '../../api';
import type { BackupRestoreResultDto, LibraryHealthDto } from '../../../electron/api/contract/backup';
import type { ToastInput } from '../context';
import { describeRestore } from '../backups/describe';
import { RecoveryScreen } from './RecoveryScreen';

export type DamagedHealth = Extract<LibraryHealthDto, { state: 'damaged' }>;

type Gate =
  | { readonly phase: 'ok'; readonly generation: number; readonly notice?: ToastInput }
  | { readonly phase: 'damaged'; readonly health: DamagedHealth };

interface LibraryGateProps {
  /** The app, given a fresh `key` after a restore and, once, the toast that says what was restored. */
  readonly children: (generation: number, notice: ToastInput | undefined) => ReactElement;
}

export function LibraryGate({ children }: LibraryGateProps): ReactElement {
  const [gate, setGate] = useState<Gate>({ phase: 'ok', generation: 0 });
  const generation = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);

  const check = useCallback((): Promise<void> => {
    // A damaged library fails every call the app makes at once: one health check answers them all.
    if (inFlight.current) return inFlight.current;
    const run = async (): Promise<void> => {
      let health: LibraryHealthDto;
      try {
        health = await api['library.health']({});
      } catch {
        // No answer about health (an older server, a network hiccup): leave the screen as it is and
        // let each screen report its own errors.
        return;
      }
      if (health.state === 'damaged') {
        setGate({ phase: 'damaged', health });
      } else {
        // Restored meanwhile (from a terminal, then Check again): open the library afresh.
        setGate((g) => (g.phase === 'ok' ? g : { phase: 'ok', generation: ++generation.current }));
      }
    };
    inFlight.current = run().finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
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

  if (gate.phase === 'damaged') return <RecoveryScreen health={gate.health} onRestored={restored} onCheckAgain={check} />;
  return children(gate.generation, gate.notice);
}

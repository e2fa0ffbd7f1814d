/** Registers Library ▸ Backups: a navigation entry (with the number of backups) and its screen. */
import { api } from '../../api';
import { registerView } from '../views';
import { BackupsView } from './BackupsView';
import './backups.css';

registerView({
  id: 'backups',
  label: 'Backups',
  icon: 'backup',
  // After the Library's own views (Notes 20, Dossiers 30): looking after the library, not reading it.
  order: 90,
  count: async () => (await api['backup.status']({})).backups.length,
  render: () => <BackupsView />,
});

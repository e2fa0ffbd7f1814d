/** Registers the Notes screen and the reader's "Notes" section with the shell (see ../views.ts). */
import { api } from '../../api';
import { registerReaderSection, registerView } from '../views';
import { Backlinks } from './Backlinks';
import { NotesView } from './NotesView';
import './notes.css';

registerView({
  id: 'notes',
  label: 'Notes',
  icon: 'note',
  order: 20,
  count: async () => (await api['notes.list']({})).notes.length,
  render: (props) => <NotesView {...props} />,
});

registerReaderSection({
  id: 'notes-backlinks',
  title: 'Notes',
  order: 20,
  render: (props) => <Backlinks {...props} />,
});

/** Registers the Dossiers screen (with its list in the navigation) and the reader's "Add to dossier". */
import { api } from '../../api';
import { registerReaderSection, registerView } from '../views';
import { AddToDossierSection } from './AddToDossierSection';
import { DossierNav } from './DossierNav';
import { DossiersView } from './DossiersView';
import './dossiers.css';

registerView({
  id: 'dossiers',
  label: 'Dossiers',
  icon: 'dossier',
  order: 30,
  count: async () => (await api['dossiers.list']({})).dossiers.length,
  renderNav: (props) => <DossierNav {...props} />,
  render: (props) => <DossiersView {...props} />,
});

registerReaderSection({
  id: 'add-to-dossier',
  title: 'Dossiers',
  order: 10,
  render: (props) => <AddToDossierSection {...props} />,
});

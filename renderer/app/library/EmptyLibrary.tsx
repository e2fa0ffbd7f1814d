/** The first thing a new analyst sees: what Quire is for, and three ways to get an article in. */
import { useState, type ReactElement } from 'react';
import { api } from '../../api';
import { useApp } from '../context';
import { Icon, QuireMark } from '../shell/Icon';
import { modLabel } from '../shell/keys';
import { useImport } from './ImportProvider';

export function EmptyLibrary(): ReactElement {
  const { navigate, libraryChanged, reportError } = useApp();
  const importer = useImport();
  const [opening, setOpening] = useState(false);

  const openSample = async (): Promise<void> => {
    setOpening(true);
    try {
      const result = await api['samples.openBundled']({});
      libraryChanged();
      navigate({ view: 'reader', articleId: result.id });
    } catch (error) {
      reportError(error, 'open the sample article');
    } finally {
      setOpening(false);
    }
  };

  return (
    <div className="empty-state">
      <div className="empty-card">
        <QuireMark size={44} />
        <h1>Your library is empty</h1>
        <p className="empty-lead">
          Bring in the articles you are working from — news stories, reports, saved web pages, in English, Arabic or Persian. Quire keeps the original file,
          lets you highlight quotes with your own labels, and finds anything in milliseconds. Nothing leaves this machine.
        </p>
        <div className="empty-actions">
          <button type="button" className="button button-primary button-large" onClick={() => importer.pickFiles('files')}>
            <Icon name="import" /> Import files
          </button>
          <button type="button" className="button button-large" onClick={() => importer.pickFiles('folder')}>
            <Icon name="folder" /> Import a folder
          </button>
          <button type="button" className="button button-large" onClick={() => importer.openPaste()}>
            <Icon name="paste" /> Paste text
          </button>
        </div>
        <button type="button" className="sample-link" onClick={() => void openSample()} disabled={opening}>
          <Icon name="sample" />
          <span>
            <strong>Open the sample article</strong>
            <span className="muted">A short briefing to try highlighting, notes and search on.</span>
          </span>
        </button>
        <ul className="empty-hints">
          <li>
            <Icon name="import" size={14} /> Drop files or whole folders anywhere on this window
          </li>
          <li>
            <Icon name="file" size={14} /> Text, Markdown, HTML, PDF and Word documents
          </li>
          <li>
            <Icon name="search" size={14} /> <kbd>{modLabel} K</kbd> searches everything, <kbd>?</kbd> lists every shortcut
          </li>
        </ul>
      </div>
    </div>
  );
}

/**
 * "Paste as a new article": text or a copied web page (HTML from the clipboard is kept so the
 * importer can extract the story and its metadata). Opened by the Paste button, the desktop menu,
 * or by pasting anywhere outside a text field.
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import { api } from '../../api';
import { describeError, useApp } from '../context';
import { Dialog } from '../shell/Dialog';

export function PasteDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement | null {
  const { navigate, libraryChanged, toast } = useApp();
  const [text, setText] = useState('');
  const [html, setHtml] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const titleId = useId();

  useEffect(() => {
    const onContent = (event: Event): void => {
      const detail = (event as CustomEvent<{ text: string; html: string }>).detail;
      setText(detail.text);
      setHtml(detail.html);
    };
    window.addEventListener('quire:paste-content', onContent);
    return () => window.removeEventListener('quire:paste-content', onContent);
  }, []);

  const close = (): void => {
    setText('');
    setHtml('');
    setTitle('');
    setError(null);
    onClose();
  };

  const submit = async (): Promise<void> => {
    if (!text.trim() && !html.trim()) {
      setError('Paste or type the article’s text first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const outcome = await api['import.text']({ text, html: html || undefined, title: title.trim() || undefined });
      libraryChanged();
      if (outcome.status === 'failed') {
        setError(outcome.error);
        return;
      }
      if (outcome.status === 'duplicate') toast({ message: 'This text is already in the library: opening it.' });
      close();
      navigate({ view: 'reader', articleId: outcome.status === 'imported' ? outcome.article.id : outcome.id });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title="New article from pasted text"
      onClose={close}
      className="paste-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>
            {busy ? 'Importing…' : 'Import article'}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={titleId}>Title (optional)</label>
        <input id={titleId} className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Taken from the text when left empty" />
      </div>
      <div className="field">
        <label htmlFor={textId}>Text</label>
        <textarea
          id={textId}
          className="input textarea"
          value={text}
          rows={12}
          onChange={(e) => {
            setText(e.target.value);
            setHtml('');
          }}
          onPaste={(e) => {
            const pastedHtml = e.clipboardData.getData('text/html');
            if (pastedHtml) setHtml(pastedHtml);
          }}
          placeholder="Paste the article here. Paragraphs are separated by blank lines."
          autoFocus
        />
        {html && <p className="field-hint">Copied from a web page: Quire keeps the story and its metadata and drops the page around it.</p>}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

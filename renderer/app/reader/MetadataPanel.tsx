/**
 * Where an article came from: source, URL, dates, byline, language, the original file and its
 * SHA-256 (provenance an analyst cites), and its tags (editable here).
 */
import { useState, type ReactElement, type ReactNode } from 'react';
import { api, shell } from '../../api';
import { useApp } from '../context';
import type { Article } from '../data/types';
import { formatDate, formatDateTime, readingMinutes } from '../format';
import { languageName } from '../library/filters';
import { Icon } from '../shell/Icon';

function Row({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <div className="meta-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Hash({ value }: { value: string }): ReactElement {
  const { toast } = useApp();
  return (
    <button
      type="button"
      className="hash"
      title="Copy the full SHA-256"
      aria-label={`SHA-256 ${value}, copy`}
      onClick={() => {
        void navigator.clipboard
          ?.writeText(value)
          .then(() => toast({ message: 'SHA-256 copied.' }))
          .catch(() => undefined);
      }}
    >
      <code>{value.slice(0, 12)}…{value.slice(-6)}</code>
    </button>
  );
}

function TagEditor({ article }: { article: Article }): ReactElement {
  const { libraryChanged, reportError } = useApp();
  const [tags, setTags] = useState<readonly string[]>(article.tags);
  const [draft, setDraft] = useState('');
  const save = async (next: readonly string[]): Promise<void> => {
    const previous = tags;
    setTags(next);
    try {
      const result = await api['articles.setTags']({ id: article.id, tags: [...next] });
      setTags(result.tags);
      libraryChanged();
    } catch (error) {
      setTags(previous);
      reportError(error, 'change the tags');
    }
  };
  return (
    <div className="tag-editor">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          <Icon name="tag" size={12} />
          {tag}
          <button type="button" className="chip-clear" aria-label={`Remove tag ${tag}`} onClick={() => void save(tags.filter((t) => t !== tag))}>
            <Icon name="close" size={11} />
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        aria-label="Add a tag"
        placeholder={tags.length ? 'Add…' : 'Add a tag…'}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if ((e.key === 'Enter' || e.key === ',') && draft.trim()) {
            e.preventDefault();
            const tag = draft.trim();
            setDraft('');
            if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) void save([...tags, tag]);
          } else if (e.key === 'Backspace' && !draft && tags.length) {
            void save(tags.slice(0, -1));
          }
        }}
      />
    </div>
  );
}

export function MetadataPanel({ article }: { article: Article }): ReactElement {
  return (
    <section className="panel-section metadata" aria-label="Metadata">
      <h3 className="panel-heading">About this article</h3>
      <dl className="meta-list">
        {article.source && <Row label="Source">{article.source}</Row>}
        {article.byline && <Row label="Byline">{article.byline}</Row>}
        {article.url && (
          <Row label="URL">
            <button type="button" className="link-button url" title={article.url} onClick={() => void shell.openExternal(article.url!)}>
              <Icon name="link" size={13} />
              <span>{article.url.replace(/^https?:\/\/(www\.)?/, '')}</span>
            </button>
          </Row>
        )}
        <Row label="Published">{article.publishedAt ? formatDate(article.publishedAt) : <span className="muted">Not stated</span>}</Row>
        <Row label="Imported">{formatDateTime(article.importedAt)}</Row>
        {article.updatedAt !== article.importedAt && <Row label="Edited">{formatDateTime(article.updatedAt)}</Row>}
        <Row label="Language">
          {languageName(article.language)}
          {article.direction === 'rtl' && <span className="muted"> · right to left</span>}
        </Row>
        <Row label="Length">
          {article.characters.toLocaleString('en')} characters · {readingMinutes(article.characters)} min read
        </Row>
        <Row label="Tags">
          <TagEditor key={article.id} article={article} />
        </Row>
      </dl>
      <h3 className="panel-heading">Provenance</h3>
      <dl className="meta-list">
        <Row label="Original file">{article.originalName ?? <span className="muted">Pasted text</span>}</Row>
        {article.mediaType && <Row label="Type">{article.mediaType}</Row>}
        {article.sha256 && (
          <Row label="File SHA-256">
            <Hash value={article.sha256} />
          </Row>
        )}
        <Row label="Text SHA-256">
          <Hash value={article.contentSha256} />
        </Row>
      </dl>
    </section>
  );
}

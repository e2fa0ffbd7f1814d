/**
 * The citation block in a note: a highlight quoted with its source. Serialized exactly as
 * `SerializedCitationNode` (electron/common/note-document.ts), which the server reads to record
 * backlinks and to compare the quote with the highlight as it is now.
 */
import {
  DecoratorNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import type { ReactElement } from 'react';
import type { SerializedCitationNode } from '../../../../electron/common/note-document';
import { CitationBlock } from './CitationBlock';

export type CitationData = Omit<SerializedCitationNode, 'type' | 'version'>;

type SerializedCitation = SerializedCitationNode & SerializedLexicalNode;

export class CitationNode extends DecoratorNode<ReactElement> {
  __data: CitationData;

  static override getType(): string {
    return 'citation';
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__data, node.__key);
  }

  static override importJSON(json: SerializedPartial<SerializedCitation>): CitationNode {
    return $createCitationNode({
      annotationId: json.annotationId ?? '',
      quote: json.quote ?? '',
      articleId: json.articleId ?? null,
      articleTitle: json.articleTitle ?? null,
      source: json.source ?? null,
      publishedAt: json.publishedAt ?? null,
    });
  }

  constructor(data: CitationData, key?: NodeKey) {
    super(key);
    this.__data = data;
  }

  override exportJSON(): SerializedCitation {
    const d = this.getLatest().__data;
    return {
      type: 'citation',
      version: 1,
      annotationId: d.annotationId,
      quote: d.quote,
      articleId: d.articleId,
      articleTitle: d.articleTitle,
      source: d.source,
      publishedAt: d.publishedAt,
    };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = 'note-citation-host';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  /** Copying a citation out of Quire gives an ordinary block quote. */
  override exportDOM(): { element: HTMLElement } {
    const d = this.__data;
    const quote = document.createElement('blockquote');
    quote.textContent = d.quote;
    const cite = document.createElement('cite');
    cite.textContent = [d.articleTitle, d.source].filter(Boolean).join(', ');
    quote.append(document.createElement('br'), cite);
    return { element: quote };
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.__data.quote;
  }

  getData(): CitationData {
    return this.getLatest().__data;
  }

  /** Replaces the quoted text with the highlight's current text (after the analyst chose to). */
  setQuote(quote: string): void {
    const writable = this.getWritable();
    writable.__data = { ...writable.__data, quote };
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): ReactElement {
    return <CitationBlock nodeKey={this.__key} data={this.__data} />;
  }
}

export function $createCitationNode(data: CitationData): CitationNode {
  return new CitationNode(data);
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}

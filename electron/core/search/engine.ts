/**
 * The in-memory index: a term dictionary (MiniSearch's SearchableMap, a radix tree that gives prefix
 * and fuzzy term expansion), postings in shards of typed arrays (shard.ts), and per-document
 * attributes for filters. Scoring is BM25+ (MiniSearch's formula and defaults) with field boosts.
 *
 * Queries score only the posting lists of the query's terms and keep the top k in a heap; candidates
 * that need a phrase checked are verified in score order and stop once the page is full.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { DEFAULT_ANALYSIS, type Analysis } from './analysis/index.js';
import { DOC_TYPE_CODE, DOC_TYPES, FIELD, FIELD_COUNT, FREE_FIELDS, NO_DATE, docKey, type IndexDoc } from './fields.js';
import { isStopWord, terms as termsOf } from './normalize.js';
import { canonicalLang, type Alternative, type ParsedQuery, type QueryField } from './query.js';
import { expandTerm, type Expansion } from './expansion.js';
import { variantIdf } from './ranking.js';
import { Scratch, accumulateWord, flag, phraseDocs, topK, type KeyWeight } from './scoring.js';
import { SHARD_SIZE, appendDoc, newOpenShard, pairHash, postingLength, seal, termHash, unseal, type OpenShard, type Shard } from './shard.js';
import type { SearchDocType } from './types.js';
import { VariantTable } from './variants.js';

/**
 * Phrase candidates are checked against stored text only until the page is full (in batches a little
 * larger than the page); the total of the rest is extrapolated from the share that passed. The
 * word-pair filter has already dropped most wrong candidates, so that share is high and stable.
 */
const VERIFY_EXTRA = 10;

export { fuzzyDistance, type Expansion } from './expansion.js';

export interface Candidate {
  readonly slot: number;
  readonly score: number;
}

export interface IndexHit {
  readonly type: SearchDocType;
  readonly id: string;
  readonly slot: number;
  readonly score: number;
}

export interface IndexResult {
  readonly total: number;
  readonly totalIsEstimate: boolean;
  readonly hits: IndexHit[];
  /** Every dictionary term that matched, for marking matches in snippets. */
  readonly matchedTerms: ReadonlySet<string>;
}

/** Checks phrase candidates against stored text: true to keep the document. */
export interface VerifyRequest {
  readonly type: SearchDocType;
  readonly id: string;
  /** Bits of the query clauses this document matched only through a phrase: one of the clause's phrases must be in the text. */
  readonly clauses: number;
  /** Bits of the excluded phrases whose words are all in the document: none of them may be in the text. */
  readonly excluded: number;
}
export type PhraseVerifier = (docs: readonly VerifyRequest[]) => boolean[];

const QUERY_FIELD: Readonly<Record<QueryField, number>> = {
  title: FIELD.title,
  source: FIELD.source,
  tag: FIELD.tag,
  label: FIELD.label,
  byline: FIELD.byline,
};

export interface IndexOptions {
  /** How query words are widened beyond their spelling (default 'linguistic'; 'baseline' = before stemming). */
  readonly analysis?: Analysis;
  /** Also match a name's spellings in the other script (Araghchi ↔ عراقجي), by consonant skeleton. */
  readonly crossScriptNames?: boolean;
}

export class SearchIndex {
  readonly analysis: Analysis;
  private readonly crossScriptNames: boolean;
  /** Stems and name keys of the dictionary; built with the dictionary, only for the linguistic analysis. */
  private variantTable: VariantTable | null = null;
  /** term → id; ids are dense and never reused. */
  readonly vocab = new Map<string, number>();
  readonly terms: string[] = [];
  /** Documents containing each term in any field (not lowered on delete: it only orders expansions). */
  private termDf = new Uint32Array(1024);
  /** The last document (by add counter) that counted each term in termDf. */
  private termStamp = new Uint32Array(1024);
  private docStamp = 0;
  private dict: SearchableMap<number> | null = null;
  readonly shards: Shard[] = [];
  /** Language codes; index 0 means unknown. */
  readonly langs: string[] = [''];
  private readonly langIndex = new Map<string, number>();
  /** docKey → global slot (shard * SHARD_SIZE + local). */
  private readonly slots = new Map<string, number>();
  private readonly fieldTotals = new Float64Array(FIELD_COUNT);
  private alive = 0;
  private dead = 0;
  private scratch: Scratch | null = null;

  constructor(options: IndexOptions = {}) {
    this.analysis = options.analysis ?? DEFAULT_ANALYSIS;
    this.crossScriptNames = options.crossScriptNames ?? false;
  }

  get documentCount(): number {
    return this.alive;
  }

  get deletedCount(): number {
    return this.dead;
  }

  has(type: SearchDocType, id: string): boolean {
    return this.slots.has(docKey(type, id));
  }

  // ---- Building ----

  private termId(term: string): number {
    let id = this.vocab.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.vocab.set(term, id);
      this.dict?.set(term, id);
      this.variantTable?.add(term, id);
      if (id >= this.termDf.length) {
        const grown = new Uint32Array(this.termDf.length * 2);
        grown.set(this.termDf);
        this.termDf = grown;
        const stamps = new Uint32Array(grown.length);
        stamps.set(this.termStamp);
        this.termStamp = stamps;
      }
    }
    return id;
  }

  private langCode(lang: string | null): number {
    const canonical = canonicalLang(lang);
    if (!canonical) return 0;
    let code = this.langIndex.get(canonical);
    if (code === undefined) {
      if (this.langs.length >= 255) return 0;
      code = this.langs.length;
      this.langs.push(canonical);
      this.langIndex.set(canonical, code);
    }
    return code;
  }

  private openShard(): OpenShard {
    const last = this.shards[this.shards.length - 1];
    if (last && !last.sealed && last.size < SHARD_SIZE) return last;
    if (last && last.sealed && last.size < SHARD_SIZE) {
      // The tail shard read from disk takes new documents again (rather than starting a tiny shard per session).
      const reopened = unseal(last);
      this.shards[this.shards.length - 1] = reopened;
      return reopened;
    }
    if (last && !last.sealed) this.shards[this.shards.length - 1] = seal(last);
    const shard = newOpenShard();
    this.shards.push(shard);
    return shard;
  }

  /** Adds or replaces a document. */
  add(doc: IndexDoc): void {
    const key = docKey(doc.type, doc.id);
    this.remove(doc.type, doc.id);
    const keys: number[] = [];
    const tfs: number[] = [];
    const lengths = new Array<number>(FIELD_COUNT).fill(0);
    const pairs: number[] = [];
    const stamp = ++this.docStamp;
    for (const [name, text] of Object.entries(doc.fields)) {
      if (!text) continue;
      const f = FIELD[name as keyof typeof FIELD];
      const words = termsOf(text);
      // Count each word once per field first: the dictionary is then consulted per distinct word.
      const counts = new Map<string, number>();
      // Adjacent pairs (stop words included) feed the phrase filter; stop words are not indexed.
      let previous = -1;
      for (const word of words) {
        const h = termHash(word);
        if (previous !== -1) pairs.push(pairHash(previous, h));
        previous = h;
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      let indexed = 0;
      for (const [word, count] of counts) {
        if (isStopWord(word)) continue;
        indexed += count;
        const id = this.termId(word);
        if (this.termStamp[id] !== stamp) {
          this.termStamp[id] = stamp;
          this.termDf[id] = (this.termDf[id] ?? 0) + 1;
        }
        keys.push(id * FIELD_COUNT + f);
        tfs.push(count);
      }
      lengths[f] = indexed;
    }
    const shard = this.openShard();
    const local = appendDoc(
      shard,
      { id: doc.id, type: DOC_TYPE_CODE[doc.type], lang: this.langCode(doc.lang), date: doc.date, lengths },
      keys,
      tfs,
      pairs,
    );
    this.slots.set(key, (this.shards.length - 1) * SHARD_SIZE + local);
    for (let f = 0; f < FIELD_COUNT; f++) this.fieldTotals[f] = (this.fieldTotals[f] ?? 0) + (lengths[f] ?? 0);
    this.alive++;
  }

  /** Reopens the tail shard now, so the first edit after loading does not pay for it (the worker calls this when idle). */
  prepareForWrites(): void {
    const last = this.shards[this.shards.length - 1];
    if (last && last.sealed && last.size < SHARD_SIZE) this.shards[this.shards.length - 1] = unseal(last);
  }

  /** Removes a document (a tombstone: its postings stay until the index is rebuilt). */
  remove(type: SearchDocType, id: string): boolean {
    const key = docKey(type, id);
    const slot = this.slots.get(key);
    if (slot === undefined) return false;
    this.slots.delete(key);
    const shard = this.shards[Math.floor(slot / SHARD_SIZE)];
    const local = slot % SHARD_SIZE;
    if (shard && shard.alive[local]) {
      shard.alive[local] = 0;
      for (let f = 0; f < FIELD_COUNT; f++) this.fieldTotals[f] = (this.fieldTotals[f] ?? 0) - (shard.fieldLens[local * FIELD_COUNT + f] ?? 0);
      this.alive--;
      this.dead++;
    }
    return true;
  }

  // ---- Restoring (store.ts) ----

  /** Installs a dictionary read from disk. */
  restoreVocabulary(terms: readonly string[], df: Uint32Array, langs: readonly string[]): void {
    for (const term of terms) this.termId(term);
    this.termDf = new Uint32Array(Math.max(1024, terms.length * 2));
    this.termDf.set(df.subarray(0, terms.length));
    this.termStamp = new Uint32Array(this.termDf.length);
    for (const lang of langs.slice(1)) this.langCode(lang);
  }

  termDocFrequencies(): Uint32Array {
    return this.termDf.subarray(0, this.terms.length);
  }

  /** Appends a shard read from disk (shards are restored in order). */
  restoreShard(shard: Shard): void {
    const index = this.shards.length;
    this.shards.push(shard);
    for (let local = 0; local < shard.size; local++) {
      if (!shard.alive[local]) {
        this.dead++;
        continue;
      }
      const id = shard.ids[local] ?? '';
      const type = DOC_TYPES[shard.types[local] ?? 0] ?? 'article';
      this.slots.set(docKey(type, id), index * SHARD_SIZE + local);
      for (let f = 0; f < FIELD_COUNT; f++) this.fieldTotals[f] = (this.fieldTotals[f] ?? 0) + (shard.fieldLens[local * FIELD_COUNT + f] ?? 0);
      this.alive++;
    }
  }

  // ---- Querying ----

  private dictionary(): SearchableMap<number> {
    if (!this.dict) {
      const dict = new SearchableMap<number>();
      this.terms.forEach((term, id) => dict.set(term, id));
      this.dict = dict;
    }
    return this.dict;
  }

  private variants(): VariantTable | null {
    if (this.analysis === 'baseline') return null;
    if (!this.variantTable) {
      const table = new VariantTable({ crossScript: this.crossScriptNames, terms: this.terms });
      this.terms.forEach((term, id) => table.add(term, id));
      this.variantTable = table;
    }
    return this.variantTable;
  }

  /** Builds the dictionary now (the worker does it right after loading, before the first type-ahead). */
  warmUp(): void {
    this.dictionary();
    this.variants();
  }

  /**
   * The dictionary terms a query word stands for: itself, words with its stem or name key
   * (`variants`, linguistic analysis only), words it begins, close spellings.
   */
  expand(term: string, prefix: boolean, fuzzy: boolean, variants = false): Expansion[] {
    return expandTerm(
      {
        vocab: this.vocab,
        terms: this.terms,
        dictionary: () => this.dictionary(),
        documentFrequency: (id) => this.termDf[id] ?? 0,
        variants: () => (variants ? this.variants() : null),
      },
      term,
      prefix,
      fuzzy,
    );
  }

  private df(key: number): number {
    let n = 0;
    for (const shard of this.shards) n += postingLength(shard, key);
    return n;
  }

  private idf(key: number): number {
    const df = this.df(key);
    const n = Math.max(this.alive, 1);
    return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
  }

  search(query: ParsedQuery, options: { limit: number; type?: SearchDocType; verify: PhraseVerifier }): IndexResult {
    const matchedTerms = new Set<string>();
    const scratch = (this.scratch ??= new Scratch());
    const avg = Array.from(this.fieldTotals, (t) => Math.max(t / Math.max(this.alive, 1), 1));

    // Resolve every alternative to posting keys once, with their idf, for all shards.
    const idfCache = new Map<number, number>();
    const idfOf = (key: number): number => {
      let v = idfCache.get(key);
      if (v === undefined) {
        v = this.idf(key);
        idfCache.set(key, v);
      }
      return v;
    };
    const fieldsOf = (field: QueryField | null): readonly number[] => (field === null ? FREE_FIELDS : [QUERY_FIELD[field]]);
    const termKeys = (term: string, field: QueryField | null, prefix: boolean, fuzzy: boolean, variants: boolean, mark: boolean): KeyWeight[] => {
      const keys: KeyWeight[] = [];
      const exact = this.vocab.get(term);
      for (const [spelling, e] of this.expand(term, prefix, fuzzy, variants).entries()) {
        if (mark) matchedTerms.add(e.term);
        for (const f of fieldsOf(field)) {
          const key = e.termId * FIELD_COUNT + f;
          const own = idfOf(key);
          const idf = e.variant ? variantIdf(own, exact === undefined ? undefined : idfOf(exact * FIELD_COUNT + f)) : own;
          keys.push({ key, weight: e.weight, idf, spelling, variant: e.variant === true });
        }
      }
      return keys;
    };
    type Resolved =
      | { kind: 'term'; keys: KeyWeight[] }
      | { kind: 'phrase'; words: KeyWeight[][]; pairs: number[] };
    const phrasePairs = (terms: readonly string[]): number[] => {
      const hashes = terms.map(termHash);
      return hashes.slice(1).map((h, i) => pairHash(hashes[i] ?? 0, h));
    };
    const resolve = (alt: Alternative, mark: boolean): Resolved =>
      alt.kind === 'term'
        ? { kind: 'term', keys: termKeys(alt.term, alt.field, alt.prefix, alt.fuzzy, alt.variants, mark) }
        : { kind: 'phrase', words: alt.indexed.map((w) => termKeys(w, alt.field, false, false, false, mark)), pairs: phrasePairs(alt.terms) };
    const clauses = query.clauses.map((c) => c.alternatives.map((a) => resolve(a, true)));
    const excluded = query.excluded.map((a) => resolve(a, false));
    let phraseClauses = 0;
    query.clauses.forEach((c, i) => {
      if (c.alternatives.some((a) => a.kind === 'phrase')) phraseClauses |= 1 << i;
    });
    const required = clauses.length === 0 ? 0 : (2 ** clauses.length - 1) >>> 0;

    const typeCode = options.type ? DOC_TYPE_CODE[options.type] : -1;
    const typeCodes = new Set(query.types.map((t) => DOC_TYPE_CODE[t]));
    const langCodes = new Set<number>();
    for (const lang of query.langs) langCodes.add(this.langIndex.get(lang) ?? -1);
    const { from, to } = query.dates;

    const candSlots: number[] = [];
    const candScores: number[] = [];
    const candVerify: number[] = [];
    const candNeeds: number[] = [];
    const candExcluded: number[] = [];
    let anyVerify = false;

    this.shards.forEach((shard, shardIndex) => {
      if (shard.size === 0) return;
      scratch.reset();
      const { scores, masks, termMasks, excluded: ex, exPhrase } = scratch;
      clauses.forEach((alts, c) => {
        const bit = (1 << c) >>> 0;
        for (const alt of alts) {
          if (alt.kind === 'term') {
            accumulateWord(shard, alt.keys, avg, scratch, scores, masks, bit, termMasks);
          } else if (phraseDocs(shard, alt.words, alt.pairs, avg, scratch)) {
            const { seen, tmpScore } = scratch;
            const n = alt.words.length;
            for (let d = 0; d < shard.size; d++) {
              if (seen[d] !== n) continue;
              scores[d] = (scores[d] as number) + (tmpScore[d] as number);
              masks[d] = (masks[d] as number) | bit;
            }
          }
        }
      });
      excluded.forEach((alt, x) => {
        if (alt.kind === 'term') {
          for (const k of alt.keys) flag(shard, k.key, scratch, ex);
        } else if (phraseDocs(shard, alt.words, alt.pairs, avg, scratch)) {
          const bit = (1 << x) >>> 0;
          const n = alt.words.length;
          for (let d = 0; d < shard.size; d++) if (scratch.seen[d] === n) exPhrase[d] = (exPhrase[d] as number) | bit;
        }
      });
      const base = shardIndex * SHARD_SIZE;
      for (let d = 0; d < shard.size; d++) {
        if (!shard.alive[d] || ex[d]) continue;
        const mask = masks[d] ?? 0;
        if ((mask & required) !== required) continue;
        const t = shard.types[d] ?? 0;
        if (typeCode >= 0 && t !== typeCode) continue;
        if (typeCodes.size > 0 && !typeCodes.has(t)) continue;
        if (langCodes.size > 0 && !langCodes.has(shard.langs[d] ?? 0)) continue;
        if (from !== null || to !== null) {
          const date = shard.dates[d] ?? NO_DATE;
          if (date === NO_DATE || (from !== null && date < from) || (to !== null && date >= to)) continue;
        }
        // Clauses matched only through a phrase, and excluded phrases whose words are all present, need the text.
        const needs = (mask & ~(termMasks[d] ?? 0) & phraseClauses) >>> 0;
        const excludedPhrases = exPhrase[d] ?? 0;
        if (needs !== 0 || excludedPhrases !== 0) {
          anyVerify = true;
          candVerify.push(1);
        } else {
          candVerify.push(0);
        }
        candNeeds.push(needs);
        candExcluded.push(excludedPhrases);
        candSlots.push(base + d);
        candScores.push(scores[d] ?? 0);
      }
    });

    const docAt = (slot: number): { type: SearchDocType; id: string; date: number } => {
      const shard = this.shards[Math.floor(slot / SHARD_SIZE)];
      const local = slot % SHARD_SIZE;
      return {
        type: DOC_TYPES[shard?.types[local] ?? 0] ?? 'article',
        id: shard?.ids[local] ?? '',
        date: shard?.dates[local] ?? NO_DATE,
      };
    };
    const dateAt = (slot: number): number => this.shards[Math.floor(slot / SHARD_SIZE)]?.dates[slot % SHARD_SIZE] ?? NO_DATE;
    const better = (a: number, b: number): boolean => {
      // Higher score first; ties (filter-only queries) newest published first, then newest indexed.
      const sa = candScores[a] ?? 0;
      const sb = candScores[b] ?? 0;
      if (sa !== sb) return sa > sb;
      const slotA = candSlots[a] ?? 0;
      const slotB = candSlots[b] ?? 0;
      const da = dateAt(slotA);
      const db = dateAt(slotB);
      if (da !== db) return da > db;
      return slotA > slotB;
    };
    const toHit = (i: number): IndexHit => {
      const slot = candSlots[i] ?? 0;
      const d = docAt(slot);
      return { type: d.type, id: d.id, slot, score: candScores[i] ?? 0 };
    };

    if (!anyVerify) {
      const top = topK(candSlots.length, options.limit, better);
      return { total: candSlots.length, totalIsEstimate: false, hits: top.map(toHit), matchedTerms };
    }

    // Phrase queries: walk in score order, checking stored text in batches, until the page is full.
    // Only the best few hundred are usually looked at: select them with a heap, sort the rest only if needed.
    const batchSize = options.limit + VERIFY_EXTRA;
    const head = topK(candSlots.length, batchSize * 4, better);
    let order: number[] = head;
    const fullOrder = (): number[] => Array.from(candSlots.keys()).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    const hits: IndexHit[] = [];
    let plain = 0;
    let checked = 0;
    let passed = 0;
    for (let i = 0; i < candSlots.length; i++) if (!candVerify[i]) plain++;
    let pos = 0;
    for (;;) {
      if (pos >= order.length) {
        if (order.length < candSlots.length && hits.length < options.limit) {
          order = fullOrder();
          continue;
        }
        break;
      }
      if (hits.length >= options.limit) break;
      const batch: number[] = [];
      while (pos < order.length && batch.length < batchSize) {
        const i = order[pos++] ?? 0;
        if (candVerify[i]) batch.push(i);
        else if (hits.length < options.limit) hits.push(toHit(i));
      }
      if (batch.length === 0) continue;
      const verdicts = options.verify(
        batch.map((i) => {
          const d = docAt(candSlots[i] ?? 0);
          return { type: d.type, id: d.id, clauses: candNeeds[i] ?? 0, excluded: candExcluded[i] ?? 0 };
        }),
      );
      batch.forEach((i, j) => {
        checked++;
        if (verdicts[j]) {
          passed++;
          if (hits.length < options.limit) hits.push(toHit(i));
        }
      });
    }
    let needVerify = 0;
    for (let i = 0; i < candSlots.length; i++) if (candVerify[i]) needVerify++;
    const unchecked = needVerify - checked;
    hits.sort((a, b) => b.score - a.score);
    const estimate = unchecked > 0 ? Math.round((unchecked * passed) / Math.max(checked, 1)) : 0;
    return { total: plain + passed + estimate, totalIsEstimate: unchecked > 0, hits, matchedTerms };
  }

  /** Where a document lives, for the snippet builder and the tests. */
  locate(type: SearchDocType, id: string): number | undefined {
    return this.slots.get(docKey(type, id));
  }
}

export { topK } from './scoring.js';

/**
 * Scoring date extraction against hand-labelled sentences (bench/dates/*.json): `npm run bench:dates`
 * reports the figures, a unit test holds a floor. Pure: the labelled set and an extractor in, counts out.
 *
 * A found date is right when it covers the labelled text (their spans overlap) and means the labelled
 * date (same `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, so the precision must match too). Precision is right
 * ones over found ones, recall right ones over labelled ones.
 */

export interface LabelledDate {
  /** The date as written in the sentence (its first occurrence is the one meant). */
  readonly text: string;
  readonly date: string;
}

export interface LabelledSentence {
  readonly text: string;
  readonly publishedAt: string | null;
  readonly expected: readonly LabelledDate[];
  readonly note?: string;
}

export interface LabelledSet {
  readonly language: string;
  readonly description: string;
  readonly sentences: readonly LabelledSentence[];
}

export interface FoundDate {
  readonly start: number;
  readonly end: number;
  readonly date: string;
  readonly text: string;
}

export type Extractor = (text: string, publishedAt: string | null) => readonly FoundDate[];

export interface Miss {
  readonly sentence: string;
  readonly kind: 'missed' | 'wrong';
  readonly text: string;
  readonly date: string;
}

export interface Score {
  readonly language: string;
  readonly sentences: number;
  readonly expected: number;
  readonly found: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly misses: Miss[];
}

/** Problems with a labelled set (a label not in its sentence, a malformed date); empty when well-formed. */
export function checkLabelledSet(set: LabelledSet): string[] {
  const problems: string[] = [];
  set.sentences.forEach((s, i) => {
    if (s.text.trim() === '') problems.push(`sentence ${i + 1} is empty`);
    if (s.publishedAt !== null && !/^\d{4}-\d{2}-\d{2}/.test(s.publishedAt)) problems.push(`sentence ${i + 1}: publishedAt ${s.publishedAt}`);
    for (const e of s.expected) {
      if (!s.text.includes(e.text)) problems.push(`sentence ${i + 1}: “${e.text}” is not in it`);
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date)) problems.push(`sentence ${i + 1}: ${e.date} is not YYYY, YYYY-MM or YYYY-MM-DD`);
    }
  });
  return problems;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function scoreLabelledSet(set: LabelledSet, extract: Extractor): Score {
  let expected = 0;
  let found = 0;
  let correct = 0;
  const misses: Miss[] = [];
  for (const sentence of set.sentences) {
    const got = extract(sentence.text, sentence.publishedAt);
    found += got.length;
    expected += sentence.expected.length;
    const used = new Set<number>();
    for (const label of sentence.expected) {
      const start = sentence.text.indexOf(label.text);
      const end = start + label.text.length;
      const match = got.findIndex((g, i) => !used.has(i) && g.start < end && start < g.end && g.date === label.date);
      if (match >= 0) {
        used.add(match);
        correct++;
      } else misses.push({ sentence: sentence.text, kind: 'missed', text: label.text, date: label.date });
    }
    got.forEach((g, i) => {
      if (!used.has(i)) misses.push({ sentence: sentence.text, kind: 'wrong', text: g.text, date: g.date });
    });
  }
  const precision = ratio(correct, found);
  const recall = ratio(correct, expected);
  return {
    language: set.language,
    sentences: set.sentences.length,
    expected,
    found,
    correct,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    misses,
  };
}

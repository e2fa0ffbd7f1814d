/**
 * Which date to offer when a highlight is added to the timeline: a date mention inside the highlight,
 * else one in the same sentence, else the nearest one within a short distance (a date two paragraphs
 * away is more likely another event). The analyst can always correct it.
 */

export interface MentionLike {
  readonly kind: string;
  readonly date: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly sentenceStart: number | null;
  readonly sentence: string;
}

type Placed<M> = M & { readonly start: number; readonly end: number; readonly sentenceStart: number };

/** How far (characters) from the highlight a mention may be and still be offered. */
export const NEAR_CHARS = 240;

export function suggestMention<M extends MentionLike>(mentions: readonly M[], range: { start: number; end: number }): M | null {
  const candidates = mentions.filter((m): m is Placed<M> => m.kind === 'mention' && m.start !== null && m.end !== null && m.sentenceStart !== null);
  const inside = candidates.filter((m) => m.start < range.end && m.end > range.start);
  if (inside.length) return inside[0]!;
  const sameSentence = candidates.filter((m) => m.sentenceStart <= range.start && range.start < m.sentenceStart + m.sentence.length);
  const pool = sameSentence.length ? sameSentence : candidates;
  let best: Placed<M> | null = null;
  let bestDistance = Infinity;
  for (const m of pool) {
    const distance = m.end <= range.start ? range.start - m.end : m.start - range.end;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best !== null && (sameSentence.length > 0 || bestDistance <= NEAR_CHARS) ? best : null;
}

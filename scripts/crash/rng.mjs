/**
 * A small seeded random generator (mulberry32), so a crash run can be replayed from its seed.
 * Each run gets its own stream derived from (seed, run number): the schedule of run 731 does not depend on
 * how many random numbers runs 1..730 happened to draw.
 */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** A pronounceable made-up word, unique enough to find one article by search. */
    word: (length = 9) => {
      const consonants = 'bdfgklmnprstvz';
      const vowels = 'aeiou';
      let out = 'q';
      for (let i = 1; i < length; i++) out += i % 2 === 1 ? vowels[Math.floor(next() * 5)] : consonants[Math.floor(next() * consonants.length)];
      return out;
    },
  };
}

/** The per-run stream: a hash of the seed and the run number. */
export function runRng(seed, run) {
  let h = (seed ^ Math.imul(run + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return createRng((h ^ (h >>> 16)) >>> 0);
}

export function randomSeed() {
  return Math.floor(Math.random() * 2 ** 31);
}

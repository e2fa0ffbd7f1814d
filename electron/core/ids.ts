import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so ids read aloud and copied by hand survive.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short random id, time-ordered so that ids created later sort later (handy in listings and logs).
 * 8 characters of time (ms) and 8 of randomness (40 bits) per prefix.
 */
export function newId(prefix: string): string {
  let time = Date.now();
  let timePart = '';
  for (let i = 0; i < 8; i++) {
    timePart = ALPHABET[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(8);
  let randomPart = '';
  for (const byte of bytes) randomPart += ALPHABET[byte % 32];
  return `${prefix}_${timePart}${randomPart}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** The shared corpus as the UI tests use it, and quick ways to put it in a library through the API. */
import { join } from 'node:path';
import { FIXTURES } from './fixtures.js';

export const CORPUS_FILES = [
  'bahrain-iran-coordination.txt',
  'bahrain-iran-coordination.html',
  'beijing-deal-briefing.md',
  'manama-tehran-talks.ar.txt',
  'manama-tehran-talks.fa.txt',
].map((name) => join(FIXTURES, name));

export const ENGLISH_TXT = join(FIXTURES, 'bahrain-iran-coordination.txt');
export const ARABIC_TXT = join(FIXTURES, 'manama-tehran-talks.ar.txt');
export const MARKDOWN = join(FIXTURES, 'beijing-deal-briefing.md');

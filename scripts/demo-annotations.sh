#!/usr/bin/env bash
# Issue 4, "Done when": highlights survive a corrected text.
#
# On a fresh library of the corpus (tests/fixtures), highlight three quotes in the English article
# (one with a note) and one in the Arabic article; edit the English text so that one quote moves, one
# is reworded slightly and one is deleted; `quire update` re-anchors; `quire annotations` shows two
# re-anchored at the right places and one orphaned with its note intact. Exits 1 if any check fails.
#
# Usage: scripts/demo-annotations.sh [LIBRARY_DIR]   (default: a new temporary folder)
# Needs the CLI built (npm run build:node).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="${1:-$(mktemp -d "${TMPDIR:-/tmp}/quire-demo-XXXXXX")}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/quire-demo-work-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
FIXTURES="$ROOT/tests/fixtures"

quire() {
  node "$ROOT/bin/quire.js" --library "$LIB" "$@"
}
step() {
  local out='$ quire' arg
  for arg in "$@"; do
    if [[ "$arg" == *[[:space:]]* ]]; then out+=" \"$arg\""; else out+=" $arg"; fi
  done
  printf '\n%s\n' "$out" >&2
}
# Reads a field from JSON on stdin: json_get '.imported[0].id' style paths, written as JS expressions on `d`.
json_get() {
  node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>{const d=JSON.parse(s);process.stdout.write(String(eval(process.argv[1])))})' "$1"
}

echo "Library: $LIB" >&2

step import bahrain-iran-coordination.txt manama-tehran-talks.ar.txt
IMPORTED="$(quire import "$FIXTURES/bahrain-iran-coordination.txt" "$FIXTURES/manama-tehran-talks.ar.txt" --json)"
EN="$(json_get 'd.imported.find(a=>a.language!=="ar").id' <<<"$IMPORTED")"
AR="$(json_get 'd.imported.find(a=>a.language==="ar").id' <<<"$IMPORTED")"
echo "English article: $EN   Arabic article: $AR" >&2

MOVES='Tehran and Riyadh reached an agreement in the Chinese capital city of Beijing'
REWORDED='attaches great importance to its diplomatic relations with all countries'
DELETED='He said Bahrain wants all the people in the region to live with dignity.'
NOTE='Royal messaging: the dignity theme recurs in every statement since 2023.'
ARABIC='قطعت علاقاتها مع ايران'

step highlight "$EN" --quote "$MOVES" --label Evidence
quire highlight "$EN" --quote "$MOVES" --label Evidence >&2
step highlight "$EN" --quote "$REWORDED" --label Claim
quire highlight "$EN" --quote "$REWORDED" --label Claim >&2
step highlight "$EN" --quote "$DELETED" --label "Key quote" --note "$NOTE"
quire highlight "$EN" --quote "$DELETED" --label "Key quote" --note "$NOTE" --tag bahrain >&2
step highlight "$AR" --quote "$ARABIC" --label Place/Date
quire highlight "$AR" --quote "$ARABIC" --label Place/Date >&2

# The corrected English text: the Beijing paragraph moves to the top, "importance" becomes
# "significance", and the sentence about dignity is cut.
node - "$FIXTURES/bahrain-iran-coordination.txt" "$WORK/corrected.txt" <<'JS'
const fs = require('node:fs');
const [source, target] = process.argv.slice(2);
const paragraphs = fs.readFileSync(source, 'utf8').trim().split(/\n\s*\n/);
const beijing = paragraphs.findIndex((p) => p.startsWith('Tehran and Riyadh reached'));
const [moved] = paragraphs.splice(beijing, 1);
paragraphs.unshift(moved);
const text = paragraphs
  .join('\n\n')
  .replace('attaches great importance to its diplomatic', 'attaches great significance to its diplomatic')
  .replace(' He said Bahrain wants all the people in the region to live with dignity.', '');
fs.writeFileSync(target, `${text}\n`);
JS

step update "$EN" --text-file corrected.txt
quire update "$EN" --text-file "$WORK/corrected.txt" >&2

step annotations
quire annotations >&2

step annotations "$EN" --json
ANNOTATIONS="$(quire annotations "$EN" --json)"
SHOW="$(quire show "$EN" --json)"

# The checks: two re-anchored at the right places, one orphaned with its note.
ANNOTATIONS="$ANNOTATIONS" SHOW="$SHOW" MOVES="$MOVES" DELETED="$DELETED" NOTE="$NOTE" node - <<'JS'
const { ANNOTATIONS, SHOW, MOVES, DELETED, NOTE } = process.env;
const annotations = JSON.parse(ANNOTATIONS);
const article = JSON.parse(SHOW);
const text = article.text;
const fail = (message) => {
  console.error(`FAILED: ${message}`);
  process.exit(1);
};
const moved = annotations.find((a) => a.quote === MOVES);
const reworded = annotations.find((a) => a.quote.includes('significance'));
const orphan = annotations.find((a) => a.status === 'orphaned');
if (annotations.length !== 3) fail(`expected 3 highlights on the English article, got ${annotations.length}`);
if (!moved || moved.status !== 'anchored' || moved.start !== 0) fail('the moved quote is not at the top of the text');
if (text.slice(moved.start, moved.end) !== moved.quote) fail('the moved quote does not match the text at its place');
if (!reworded || reworded.status !== 'anchored') fail('the reworded quote was not re-anchored');
if (reworded.quote !== 'attaches great significance to its diplomatic relations with all countries') fail(`reworded quote: ${reworded.quote}`);
if (text.slice(reworded.start, reworded.end) !== reworded.quote) fail('the reworded quote does not match the text at its place');
if (!orphan || orphan.quote !== DELETED) fail('the deleted quote is not the orphan');
if (orphan.note !== NOTE || orphan.label !== 'Key quote' || orphan.start !== null) fail('the orphan lost its note or label');
if (!Array.isArray(article.annotations) || article.annotations.length !== 3) fail('quire show --json does not list the highlights');
console.error(
  `\nOK: 2 highlights re-anchored at the right places (moved: ${moved.start}–${moved.end}, ` +
    `reworded: ${reworded.start}–${reworded.end}), 1 orphaned with its note: "${orphan.note}"`,
);
JS
echo "$LIB"

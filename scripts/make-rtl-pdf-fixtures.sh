#!/bin/sh
# Regenerates the right-to-left PDF fixtures in tests/fixtures/pdf-rtl/ (see its README) from the
# HTML sources next to them, with two producers the tests cannot run themselves:
#   - LibreOffice Writer (apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-core),
#     the sources as written (Noto Naskh Arabic);
#   - Chromium printing the page as a browser would (File > Print > Save as PDF), with DejaVu Sans.
# The third fixture (presentation forms in visual order, as old producers wrote them) is made by
# scripts/make-presentation-form-pdf.mjs. CI never runs this: the PDFs are committed.
set -eu
cd "$(dirname "$0")/.."
out=tests/fixtures/pdf-rtl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chromium=${QUIRE_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}

for name in statement.ar report.fa; do
  cp "$out/$name.html" "$tmp/$name.html"
  soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/$name.html" >/dev/null 2>&1
  mv "$tmp/$name.pdf" "$out/$name.libreoffice.pdf"

  sed 's/font-family:"Noto Naskh Arabic","DejaVu Sans",serif/font-family:"DejaVu Sans",sans-serif/' "$out/$name.html" > "$tmp/$name.chromium.html"
  "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$name.chromium.pdf" "$tmp/$name.chromium.html" >/dev/null 2>&1
done
for name in statement.ar report.fa; do node scripts/make-presentation-form-pdf.mjs "$out/$name.html" "$out/$name.legacy.pdf"; done
ls -l "$out"/*.pdf

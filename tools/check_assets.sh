#!/usr/bin/env bash
# Checks that assets/countries.ron and assets/languages.ron are exactly what tools/gen_assets.py
# makes from the committed inputs and the pinned data packages (tools/requirements.txt).
# Installs the pinned packages into a throwaway virtual environment (a few seconds from PyPI), so
# the machine's own Python packages are neither needed nor touched.
# Exit 0 = equal; 1 = the assets differ from the generator's output (the diff is printed);
# 2 = the pinned packages could not be installed (nothing was checked).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
if ! "$work/venv/bin/pip" install -q --disable-pip-version-check -r tools/requirements.txt; then
  echo "check_assets: could not install tools/requirements.txt; assets NOT checked" >&2
  exit 2
fi
"$work/venv/bin/python" tools/gen_assets.py --out "$work/out" >/dev/null
status=0
for f in countries.ron languages.ron; do
  if ! diff -u "assets/$f" "$work/out/$f" >"$work/$f.diff"; then
    echo "check_assets: assets/$f differs from the generator's output:" >&2
    head -40 "$work/$f.diff" >&2
    status=1
  fi
done
[ "$status" = 0 ] && echo "check_assets: assets/countries.ron and assets/languages.ron equal the generator's output"
exit "$status"

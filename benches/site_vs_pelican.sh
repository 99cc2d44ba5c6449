#!/usr/bin/env bash
# Benchmark: build the sample archive (../shared/twir-sample) with twir and with Pelican
# 4.7.1 in the same run, then again after touching one issue; print times and ratios.
# Pelican is installed from PyPI into target/pelican-venv with a minimal configuration of
# ours (TWIR's URL scheme and Markdown extensions, Pelican's default theme).
# Run: benches/site_vs_pelican.sh   (needs python3 and network access to PyPI once)
set -euo pipefail
cd "$(dirname "$0")/.."
sample="$(pwd)/../shared/twir-sample"
if [ ! -d "$sample/content" ]; then
  echo "skipped: ../shared/twir-sample is not beside this checkout"
  exit 0
fi
work="$(pwd)/target/site-bench"
venv="$(pwd)/target/pelican-venv"
rm -rf "$work" && mkdir -p "$work"
cp -r "$sample/content" "$work/content"

if [ ! -x "$venv/bin/pelican" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "pelican==4.7.1" "markdown==3.4.4" "typogrify==2.0.7" >/dev/null
fi
cat > "$work/pelicanconf.py" <<'CONF'
SITENAME = "This Week in Rust"
SITEURL = "https://this-week-in-rust.org"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "atom.xml"
FEED_ALL_RSS = "rss.xml"
FEED_MAX_ITEMS = 4
CATEGORY_FEED_ATOM = "categories/{slug}/atom.xml"
CATEGORY_FEED_RSS = "categories/{slug}/rss.xml"
DEFAULT_PAGINATION = 10
ARTICLE_URL = "blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = "blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
ARCHIVES_SAVE_AS = "blog/archives/index.html"
CATEGORY_URL = "categories/{slug}/"
CATEGORY_SAVE_AS = "categories/{slug}/index.html"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"anchorlink": True},
    },
    "output_format": "html5",
}
CONF

cargo build --release --quiet
twir="$(pwd)/target/release/twir"

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk "BEGIN { print $e - $s }"; }
ratio() { awk "BEGIN { printf \"%.1f\", $1 / $2 }"; }

twir_full=$(seconds "$twir" --root "$work" build --out "$work/twir-out")
pelican_full=$(seconds "$venv/bin/pelican" "$work/content" -o "$work/pelican-out" -s "$work/pelicanconf.py")
touch "$work/content/2023-12-27-this-week-in-rust.md"
twir_again=$(seconds "$twir" --root "$work" build --out "$work/twir-out")
pelican_again=$(seconds "$venv/bin/pelican" "$work/content" -o "$work/pelican-out" -s "$work/pelicanconf.py")
twir_nosearch=$(seconds "$twir" --root "$work" build --no-search --out "$work/twir-out")

pages() { find "$1" -name index.html -path '*/blog/20*' | wc -l; }
printf 'issue pages: twir %s, pelican %s\n' "$(pages "$work/twir-out")" "$(pages "$work/pelican-out")"
printf 'full build:            twir %6.2f s   pelican %6.2f s   ratio %sx\n' "$twir_full" "$pelican_full" "$(ratio "$pelican_full" "$twir_full")"
printf 'after touching 1 file: twir %6.2f s   pelican %6.2f s   ratio %sx\n' "$twir_again" "$pelican_again" "$(ratio "$pelican_again" "$twir_again")"
printf 'twir without search:   %6.2f s\n' "$twir_nosearch"

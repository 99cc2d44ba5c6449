#!/usr/bin/env bash
# Benchmark: build the sample archive (../shared/twir-sample) with twir, Hugo and Pelican
# in the same run, as a full build and as a rebuild after one issue changed; print the
# median wall time and peak memory of each, and twir's ratios to the others.
#
# - twir: the release binary, search index included; a full build starts with no build
#   cache and no output folder, a rebuild follows a one-line edit of one issue.
# - Hugo: Debian's `hugo` (0.111), on the same issues converted to Hugo front matter (not
#   timed), with a minimal theme of ours (issue pages with their contents, paginated
#   lists); no search index, no feeds beyond Hugo's defaults.
# - Pelican 4.7.1 from PyPI in target/pelican-venv, TWIR's URL scheme and Markdown
#   extensions, its default theme.
#
# Run: benches/site_vs_others.sh [RUNS]   (RUNS defaults to 5; needs python3, GNU time,
# hugo, and PyPI once). Output folders are fresh for every full build: this machine's
# disk is slow to create files right after deleting many, which would blur the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
sample="$(pwd)/../shared/twir-sample"
if [ ! -d "$sample/content" ]; then
  echo "skipped: ../shared/twir-sample is not beside this checkout"
  exit 0
fi
for tool in hugo python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install hugo python3-venv time)"; exit 2; }
done
work="$(pwd)/target/site-bench"
venv="$(pwd)/target/pelican-venv"
rm -rf "$work" && mkdir -p "$work/twir" "$work/hugo/content/blog" "$work/hugo/layouts/_default" "$work/out"
cp -r "$sample/content" "$sample/draft" "$work/twir/"
cp -r "$sample/content" "$work/pelican-content"

# --- Hugo: the same issues with front matter, and a minimal theme -----------------------
python3 - "$sample/content" "$work/hugo/content/blog" <<'PY'
import glob, json, os, re, sys
src, dst = sys.argv[1], sys.argv[2]
for f in sorted(glob.glob(src + "/*.md") + glob.glob(src + "/*.markdown")):
    head, _, body = open(f, encoding="utf-8", errors="replace").read().partition("\n\n")
    meta = {k.strip().lower(): v.strip() for k, _, v in
            (l.partition(":") for l in head.splitlines() if ":" in l)}
    if "date" not in meta:
        continue
    title = meta.get("title", "")
    front = {"title": title, "date": meta["date"].split()[0],
             "slug": re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
             "categories": [meta.get("category", "")]}
    name = os.path.basename(f).rsplit(".", 1)[0] + ".md"
    with open(os.path.join(dst, name), "w", encoding="utf-8") as out:
        out.write(json.dumps(front) + "\n\n" + body)
PY
cat > "$work/hugo/config.toml" <<'CONF'
baseURL = "https://this-week-in-rust.org/"
title = "This Week in Rust"
[permalinks]
blog = "/blog/:year/:month/:day/:slug/"
[pagination]
pagerSize = 10
[markup.goldmark.renderer]
unsafe = true
CONF
cat > "$work/hugo/layouts/_default/baseof.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$work/hugo/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .TableOfContents }}{{ .Content }}</article>{{ end }}
HTML
cat > "$work/hugo/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}
HTML
cp "$work/hugo/layouts/_default/list.html" "$work/hugo/layouts/index.html"

# --- Pelican ------------------------------------------------------------------------------
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

# Runs a command; prints "seconds peak-MiB".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time.txt"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
edit() { printf '\nOne more line.\n' >> "$1"; }

declare -A secs mib
record() { # name, then "seconds MiB" lines on stdin
  local data; data=$(cat)
  secs[$1]=$(echo "$data" | awk '{ print $1 }' | median)
  mib[$1]=$(echo "$data" | awk '{ print $2 }' | sort -n | tail -1)
}

issue_twir="$work/twir/content/2023-12-27-this-week-in-rust.md"
issue_hugo="$work/hugo/content/blog/2023-12-27-this-week-in-rust.md"
issue_pelican="$work/pelican-content/2023-12-27-this-week-in-rust.md"
for i in $(seq "$runs"); do
  TWIR_CACHE_DIR="$work/twir-cache-$i" measure "$twir" --root "$work/twir" build --out "$work/out/twir-$i" >> "$work/twir-full"
  measure hugo --source "$work/hugo" --destination "$work/out/hugo-$i" --quiet >> "$work/hugo-full"
done
for i in $(seq "$runs"); do
  edit "$issue_twir"; edit "$issue_hugo"
  TWIR_CACHE_DIR="$work/twir-cache-1" measure "$twir" --root "$work/twir" build --out "$work/out/twir-1" >> "$work/twir-again"
  measure hugo --source "$work/hugo" --destination "$work/out/hugo-1" --quiet >> "$work/hugo-again"
done
# Pelican takes tens of seconds a build: one full build and one rebuild.
measure "$venv/bin/pelican" "$work/pelican-content" -o "$work/out/pelican" -s "$work/pelicanconf.py" > "$work/pelican-full"
edit "$issue_pelican"
measure "$venv/bin/pelican" "$work/pelican-content" -o "$work/out/pelican" -s "$work/pelicanconf.py" > "$work/pelican-again"
TWIR_CACHE_DIR="$work/twir-cache-nosearch" measure "$twir" --root "$work/twir" build --no-search --out "$work/out/twir-nosearch" > "$work/twir-nosearch"

for name in twir-full hugo-full pelican-full twir-again hugo-again pelican-again twir-nosearch; do
  record "$name" < "$work/$name"
done
pages() { find "$1" -name index.html -path '*/blog/20*' | wc -l; }
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
printf 'issue pages: twir %s, hugo %s, pelican %s (median of %s runs; pelican 1)\n' \
  "$(pages "$work/out/twir-1")" "$(pages "$work/out/hugo-1")" "$(pages "$work/out/pelican")" "$runs"
printf '%-26s %8s %8s %8s   %-10s %-10s\n' "" twir hugo pelican twir/hugo twir/pelican
for kind in full again; do
  label=$([ "$kind" = full ] && echo "full build (s)" || echo "after editing 1 issue (s)")
  printf '%-26s %8s %8s %8s   %-10s %-10s\n' "$label" "${secs[twir-$kind]}" "${secs[hugo-$kind]}" "${secs[pelican-$kind]}" \
    "$(ratio "${secs[twir-$kind]}" "${secs[hugo-$kind]}")" "$(ratio "${secs[twir-$kind]}" "${secs[pelican-$kind]}")"
  printf '%-26s %8s %8s %8s\n' "  peak memory (MiB)" "${mib[twir-$kind]}" "${mib[hugo-$kind]}" "${mib[pelican-$kind]}"
done
printf 'twir full build without the search index: %s s, %s MiB\n' "${secs[twir-nosearch]}" "${mib[twir-nosearch]}"
printf 'search index: %s files, %s kB\n' "$(find "$work/out/twir-1/search" -type f | wc -l)" "$(du -sk "$work/out/twir-1/search" | cut -f1)"

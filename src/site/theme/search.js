// Site search: nothing is loaded until the reader types. Pagefind's index is split in
// small chunks; a query fetches only the chunks it needs.
(function () {
  const box = document.getElementById("search-box");
  const out = document.getElementById("search-results");
  if (!box || !out) return;
  let pagefind = null;
  let timer = null;
  async function load() {
    if (!pagefind) {
      pagefind = await import("/pagefind/pagefind.js");
      await pagefind.init();
    }
    return pagefind;
  }
  function text(s) {
    const d = document.createElement("div");
    d.textContent = s;
    return d.innerHTML;
  }
  async function run(query) {
    if (!query.trim()) { out.innerHTML = ""; return; }
    const pf = await load();
    const search = await pf.search(query);
    const all = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
    // Pagefind also returns near misses (a lone `Q` for `qzxv...`): a result counts when
    // a word it marks starts like a word of the query, or is a stem of one.
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    const relevant = (excerpt) => [...(excerpt || "").matchAll(/<mark>(.*?)<\/mark>/g)]
      .map((m) => m[1].toLowerCase())
      .some((w) => terms.some((t) => w.startsWith(t.slice(0, 3)) || (w.length >= 4 && t.startsWith(w))));
    const results = all.filter((r) => relevant(r.excerpt) ||
      (r.sub_results || []).some((s) => relevant(s.excerpt)));
    if (!results.length) { out.innerHTML = '<ol><li class="none">No results</li></ol>'; return; }
    out.innerHTML = "<ol>" + results.map((r) => {
      const sub = (r.sub_results || [])[0];
      const url = sub ? sub.url : r.url;
      const section = sub && sub.title !== r.meta.title ? `<div class="section">${text(sub.title)}</div>` : "";
      // Pagefind's excerpts are escaped text with <mark> around the matches.
      const date = r.meta.date ? `<time>${text(r.meta.date)}</time>` : "";
      return `<li><a href="${url}">${text(r.meta.title || r.url)}</a>${date}${section}<p>${sub ? sub.excerpt : r.excerpt}</p></li>`;
    }).join("") + "</ol>";
  }
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(box.value), 150);
  });
  box.form.addEventListener("submit", (e) => { e.preventDefault(); run(box.value); });
  const q = new URLSearchParams(location.search).get("q");
  if (q) { box.value = q; run(q); }
})();

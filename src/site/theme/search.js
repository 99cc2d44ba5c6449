// Site search over twir's static index (see src/site/search.rs): nothing is loaded until
// the reader types; then the page list, one word shard per query word and the text of the
// results shown. Words are whole words; the last one also matches as a prefix while typing.
(function () {
  const box = document.getElementById("search-box");
  const out = document.getElementById("search-results");
  if (!box || !out) return;
  const SHOWN = 8;
  const cache = new Map();
  let entry = null;
  let timer = null;
  let latest = 0;
  function get(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch("/search/" + path).then((r) => {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      }));
    }
    return cache.get(path);
  }
  async function load() {
    if (!entry) {
      const e = await get("index.json");
      // Section numbers run through the pages; each page's sections sit in text chunks.
      let next = 0;
      e.first = e.pages.map((p) => { const f = next; next += p[3].reduce((a, b) => a + b, 0); return f; });
      entry = e;
    }
    return entry;
  }
  // As the index splits text: runs of letters, digits and `_`, lowercased.
  const words = (s) => (s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []).filter((w) => w.length <= 40);
  // The index of the last element of sorted `list` that is not after `v`.
  function lastAtMost(list, v) {
    let lo = 0, hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid] <= v) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  // The shard a word falls in: the last whose first word is not after it.
  const shardOf = (e, w) => lastAtMost(e.shards, w);
  // Section -> count for one query word; `prefix` also takes the words it begins.
  async function postings(e, w, prefix) {
    const found = new Map();
    const add = (list) => {
      let s = 0;
      for (let i = 0; i < list.length; i += 2) {
        s += list[i];
        found.set(s, (found.get(s) || 0) + list[i + 1]);
      }
    };
    let n = shardOf(e, w);
    // A prefix's words may run on into the next shards; three are plenty.
    for (let k = 0; k < 3 && n < e.shards.length; k++, n++) {
      if (k > 0 && !(prefix && e.shards[n].startsWith(w))) break;
      const shard = await get("w/" + n + ".json");
      for (const [word, list] of Object.entries(shard)) {
        if (word === w || (prefix && word.startsWith(w))) add(list);
      }
    }
    return found;
  }
  // The page a section is on: the last whose first section is not after it.
  const pageOf = (e, section) => lastAtMost(e.first, section);
  // The text of one section: [anchor, heading, text].
  async function sectionText(e, page, section) {
    let local = section - e.first[page];
    const counts = e.pages[page][3];
    for (let k = 0; k < counts.length; k++) {
      if (local < counts[k]) return (await get("t/" + page + "-" + k + ".json"))[local];
      local -= counts[k];
    }
    return ["", "", ""];
  }
  function escape(s) {
    const d = document.createElement("div");
    d.textContent = s;
    return d.innerHTML;
  }
  // About 30 words of `text` around the first match, matches marked.
  function excerpt(text, terms, last) {
    const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const alts = terms.map((t, i) => esc(t) + (i === terms.length - 1 && last ? "[\\p{L}\\p{N}_]*" : ""));
    const re = new RegExp("(?<![\\p{L}\\p{N}_])(" + alts.join("|") + ")(?![\\p{L}\\p{N}_])", "giu");
    const at = text.search(re);
    let start = Math.max(0, at - 80);
    if (start > 0) start = text.indexOf(" ", start) + 1;
    let end = Math.min(text.length, start + 220);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
    const part = text.slice(start, end);
    const marked = escape(part).replace(new RegExp(re.source, "giu"), "<mark>$1</mark>");
    return (start > 0 ? "… " : "") + marked + (end < text.length ? " …" : "");
  }
  async function run(query) {
    const ticket = ++latest;
    const terms = [...new Set(words(query))];
    if (!terms.length) { out.innerHTML = ""; return; }
    const e = await load();
    const typing = !/\s$/.test(query);
    const lists = await Promise.all(terms.map((t, i) => postings(e, t, typing && i === terms.length - 1 && t.length >= 2)));
    const total = e.first.length ? e.first[e.first.length - 1] + e.pages[e.pages.length - 1][3].reduce((a, b) => a + b, 0) : 0;
    const idf = lists.map((l) => Math.log(1 + total / Math.max(1, l.size)));
    // Sections with every word; failing that, pages with every word (in any section).
    const scores = new Map();
    for (const [s] of lists[0]) {
      if (lists.every((l) => l.has(s))) {
        scores.set(s, lists.reduce((sum, l, i) => sum + idf[i] * (1 + Math.log(l.get(s))), 0));
      }
    }
    if (!scores.size && lists.length > 1) {
      const pages = new Map();
      lists.forEach((l, i) => {
        for (const [s, c] of l) {
          const p = pageOf(e, s);
          const seen = pages.get(p) || { terms: new Set(), best: s, score: 0 };
          seen.terms.add(i);
          const score = idf[i] * (1 + Math.log(c));
          if (score > seen.score) { seen.best = s; seen.score = score; }
          pages.set(p, seen);
        }
      });
      for (const [, v] of pages) if (v.terms.size === lists.length) scores.set(v.best, v.score);
    }
    // One result a page: its best section; ties go to the newer issue.
    const best = new Map();
    for (const [s, score] of scores) {
      const p = pageOf(e, s);
      if (!best.has(p) || best.get(p).score < score) best.set(p, { s, score });
    }
    const ranked = [...best].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, SHOWN);
    if (!ranked.length) {
      if (ticket === latest) out.innerHTML = '<ol><li class="none">No results</li></ol>';
      return;
    }
    const items = await Promise.all(ranked.map(async ([p, { s }]) => {
      const [url, title, date] = e.pages[p];
      const [anchor, heading, text] = await sectionText(e, p, s);
      const href = anchor ? url + "#" + anchor : url;
      const section = heading && heading !== title ? `<div class="section">${escape(heading)}</div>` : "";
      return `<li><a href="${href}">${escape(title)}</a><time>${escape(date)}</time>${section}<p>${excerpt(text || heading, terms, typing)}</p></li>`;
    }));
    // A slower answer to an older query never replaces a newer one.
    if (ticket === latest) out.innerHTML = "<ol>" + items.join("") + "</ol>";
  }
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(box.value), 150);
  });
  box.form.addEventListener("submit", (ev) => { ev.preventDefault(); run(box.value); });
  const q = new URLSearchParams(location.search).get("q");
  if (q) { box.value = q; run(q); }
})();

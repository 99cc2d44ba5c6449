//! The search index: Pagefind's chunked static index of every issue page, built with its
//! Rust API. A reader's first query fetches only the entry file, the WebAssembly search
//! code and the few index chunks its words fall in.

use std::path::Path;

/// An empty index for pages in `lang`.
fn new_index(lang: &str) -> anyhow::Result<pagefind::api::PagefindIndex> {
    let options = pagefind::options::PagefindServiceConfig::builder()
        .force_language(lang.to_string())
        .build();
    pagefind::api::PagefindIndex::new(Some(options))
}

/// Indexes the issue pages written under `site` (the pages marked `data-pagefind-body`;
/// drafts are left out) and writes the index to `site/pagefind/`. Returns the number of
/// pages indexed.
pub fn write_index(site: &Path, lang: &str) -> anyhow::Result<usize> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    runtime.block_on(async {
        let mut index = new_index(lang)?;
        // Pagefind reads the folder on all cores; adding pages one by one is sequential.
        // Issue pages only: `blog/YYYY/MM/DD/<slug>/index.html`.
        let pages = index
            .add_directory(
                site.display().to_string(),
                Some("blog/*/*/*/*/index.html".into()),
            )
            .await?;
        index
            .write_files(Some(site.join("pagefind").display().to_string()))
            .await?;
        Ok(pages)
    })
}

/// Indexes issue pages held in memory — `(url path, html)` pairs — and returns the index's
/// files (relative to `pagefind/`), for `twir serve`, which writes nothing to disk.
pub fn index_in_memory(
    pages: Vec<(String, String)>,
    lang: &str,
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    runtime.block_on(async {
        let mut index = new_index(lang)?;
        for (url, html) in pages {
            index.add_html_file(None, Some(url), html).await?;
        }
        Ok(index
            .get_files()
            .await?
            .into_iter()
            .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
            .collect())
    })
}

//! The site as files: issue pages, the paginated index, archives, categories, pages,
//! feeds, the sitemap and the 404 page, at the URLs of TWIR's Pelican site. Pure: it
//! returns paths and bytes and writes nothing.

use super::theme::{Theme, ThemeError};
use super::{Article, Site, SiteInfo, slug};
use crate::config::Config;
use serde::Serialize;

/// A file of the built site: its path from the site root and its bytes.
#[derive(Debug)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutFile {
    fn new(path: impl Into<String>, text: String) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: text.into_bytes(),
        }
    }
}

/// An article as templates see it.
#[derive(Serialize)]
pub struct ArticleCtx<'a> {
    pub title: &'a str,
    pub date: String,
    pub date_long: String,
    pub number: Option<u32>,
    pub url: String,
    pub abs_url: String,
    pub html: &'a str,
    pub toc: &'a [super::markdown::TocEntry],
    pub summary: &'a str,
    /// What is in the issue, in a line.
    pub gist: &'a str,
    pub category: &'a str,
    pub category_url: String,
    /// The body with absolute links, for feeds and email (see [`ArticleCtx::for_feed`]).
    pub feed_html: Option<String>,
    pub published: String,
    pub updated: String,
    pub published_rfc2822: String,
    /// A draft, not yet published (the email edition says it is a preview).
    pub draft: bool,
}

impl<'a> ArticleCtx<'a> {
    /// With the body made ready for readers outside the site (feeds, email).
    pub fn for_feed(a: &'a Article, info: &SiteInfo) -> ArticleCtx<'a> {
        ArticleCtx {
            feed_html: Some(absolute(&a.html, &info.url)),
            ..ArticleCtx::new(a, info)
        }
    }

    pub fn new(a: &'a Article, info: &SiteInfo) -> ArticleCtx<'a> {
        let url = format!("/{}", a.url());
        ArticleCtx {
            title: &a.title,
            date: a.date.to_string(),
            date_long: a.date.strftime("%a %-d %B %Y").to_string(),
            number: a.number,
            abs_url: format!("{}{url}", info.url),
            url,
            html: &a.html,
            toc: &a.toc,
            summary: &a.summary,
            gist: &a.gist,
            category: &a.category,
            category_url: format!("/categories/{}/", slug::pelican(&a.category)),
            feed_html: None,
            published: rfc3339(a.date),
            updated: rfc3339(a.modified.unwrap_or(a.date)),
            published_rfc2822: rfc2822(a.date),
            draft: a.draft.is_some(),
        }
    }
}

/// Links and images starting with `/` made absolute, for readers outside the site.
pub fn absolute(html: &str, site_url: &str) -> String {
    html.replace("href=\"/", &format!("href=\"{site_url}/"))
        .replace("src=\"/", &format!("src=\"{site_url}/"))
}

fn rfc3339(d: jiff::civil::Date) -> String {
    format!("{d}T00:00:00Z")
}

fn rfc2822(d: jiff::civil::Date) -> String {
    d.strftime("%a, %d %b %Y 00:00:00 +0000").to_string()
}

/// A serializable value for a template.
pub fn value(v: impl Serialize) -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(v))
}

#[derive(Serialize)]
struct Link {
    title: String,
    url: String,
}

/// Every page of the site except the search index and copied assets.
pub fn render(
    site: &Site,
    info: &SiteInfo,
    config: &Config,
    theme: &Theme,
) -> Result<Vec<OutFile>, ThemeError> {
    let indices: Vec<usize> = (0..site.articles.len()).collect();
    // Issue pages, on all cores: they are most of the work.
    let mut out = crate::par::map(&indices, |&i| article_page(site, i, info, theme))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    out.extend(lists(site, info, config, theme)?);
    Ok(out)
}

/// The page of `site.articles[i]`, with links to the issues before and after it.
pub fn article_page(
    site: &Site,
    i: usize,
    info: &SiteInfo,
    theme: &Theme,
) -> Result<OutFile, ThemeError> {
    let a = &site.articles[i];
    // Neighbors are published issues; a draft has none.
    let (newer, older) = if a.draft.is_some() {
        (None, None)
    } else {
        let link = |n: &Article| Link {
            title: n.title.clone(),
            url: format!("/{}", n.url()),
        };
        (
            site.articles[..i]
                .iter()
                .rev()
                .find(|n| n.draft.is_none())
                .map(link),
            site.articles[i + 1..]
                .iter()
                .find(|n| n.draft.is_none())
                .map(link),
        )
    };
    let html = theme.render(
        "article.html",
        minijinja::context! {
            site => value(info),
            article => value(ArticleCtx::new(a, info)),
            newer => value(newer),
            older => value(older),
            draft => a.draft.is_some(),
            checks => value(a.draft.clone().unwrap_or_default()),
        },
    )?;
    Ok(OutFile::new(format!("{}index.html", a.url()), html))
}

/// Everything but the issue pages: index pages, archives, categories and their feeds,
/// the site feeds, static pages, 404, search page, sitemap and theme files. Cheap: a
/// changed issue re-renders these and its own page only.
pub fn lists(
    site: &Site,
    info: &SiteInfo,
    config: &Config,
    theme: &Theme,
) -> Result<Vec<OutFile>, ThemeError> {
    let published: Vec<&Article> = site.articles.iter().filter(|a| a.draft.is_none()).collect();
    let drafts: Vec<&Article> = site.articles.iter().filter(|a| a.draft.is_some()).collect();
    let mut out: Vec<OutFile> = Vec::new();
    let per_page = config.site.per_page.max(1);
    out.extend(paginated(
        theme,
        info,
        per_page,
        &published,
        ("index.html", "index"),
        site.with_drafts.then_some(drafts.len()),
    )?);
    if site.with_drafts {
        let items: Vec<minijinja::Value> = drafts
            .iter()
            .map(|a| {
                minijinja::context! {
                    url => format!("/{}", a.url()),
                    title => &a.title,
                    date => a.date.to_string(),
                    date_long => a.date.strftime("%a %-d %B %Y").to_string(),
                    findings => a.draft.as_ref().map_or(0, Vec::len),
                }
            })
            .collect();
        let html = theme.render(
            "drafts.html",
            minijinja::context! { site => value(info), drafts => items },
        )?;
        out.push(OutFile::new("drafts/index.html", html));
    }

    out.push(OutFile::new(
        "blog/archives/index.html",
        archives(theme, info, "Archives", &published)?,
    ));
    let by_category = grouped(&published, |a| std::slice::from_ref(&a.category));
    let categories: Vec<&str> = by_category.iter().map(|(c, _)| *c).collect();
    for (category, items) in &by_category {
        let slug = slug::pelican(category);
        out.extend(paginated(
            theme,
            info,
            per_page,
            items,
            (
                &format!("categories/{slug}/index.html"),
                &format!("categories/{slug}/index"),
            ),
            None,
        )?);
        let title = format!("{} - {category}", info.name);
        for (kind, file) in feeds(
            theme,
            info,
            config,
            &title,
            &format!("categories/{slug}/"),
            items,
        )? {
            out.push(OutFile::new(format!("categories/{slug}/{kind}"), file));
        }
    }
    for (kind, file) in feeds(theme, info, config, &info.name, "", &published)? {
        out.push(OutFile::new(kind, file));
    }
    // Pelican's "all" feed, which readers subscribed to: the same entries.
    for (kind, file) in feeds(theme, info, config, &info.name, "feeds/all-en.", &published)? {
        if kind == "atom.xml" {
            out.push(OutFile::new("feeds/all-en.atom.xml", file));
        }
    }
    out.extend(authors_and_tags(
        theme,
        info,
        config,
        &published,
        &categories,
    )?);

    for p in &site.pages {
        let html = theme.render(
            "page.html",
            minijinja::context! {
                site => value(info),
                page => minijinja::context! {
                    title => &p.title,
                    html => &p.html,
                    abs_url => format!("{}/{}", info.url, p.url()),
                },
            },
        )?;
        out.push(OutFile::new(p.url(), html));
    }
    out.push(OutFile::new(
        "404.html",
        theme.render("404.html", minijinja::context! { site => value(info) })?,
    ));
    out.push(OutFile::new(
        "search.html",
        theme.render("search.html", minijinja::context! { site => value(info) })?,
    ));

    let mut urls: Vec<minijinja::Value> = vec![minijinja::context! { path => "" }];
    urls.extend(published.iter().map(|a| {
        minijinja::context! { path => a.url(), lastmod => a.modified.unwrap_or(a.date).to_string() }
    }));
    urls.push(minijinja::context! { path => "blog/archives/" });
    urls.extend(
        site.pages
            .iter()
            .map(|p| minijinja::context! { path => p.url() }),
    );
    out.push(OutFile::new(
        "sitemap.xml",
        theme.render(
            "sitemap.xml",
            minijinja::context! { site => value(info), urls => urls },
        )?,
    ));
    for (name, text) in theme.assets() {
        out.push(OutFile::new(format!("theme/{name}"), text.clone()));
    }
    out.push(OutFile::new(
        "theme/highlight.css",
        super::highlight::stylesheet(),
    ));
    Ok(out)
}

/// `items` ten (`per_page`) to a page with the index template: page 1 at `first`, page
/// `n` at `{later}{n}.html` — Pelican's URLs (`index2.html`, `author/x2.html`), so old
/// links still land.
fn paginated(
    theme: &Theme,
    info: &SiteInfo,
    per_page: usize,
    items: &[&Article],
    (first, later): (&str, &str),
    drafts: Option<usize>,
) -> Result<Vec<OutFile>, ThemeError> {
    let name = |n: usize| {
        if n == 1 {
            first.to_string()
        } else {
            format!("{later}{n}.html")
        }
    };
    let chunks: Vec<&[&Article]> = if items.is_empty() {
        vec![&[]]
    } else {
        items.chunks(per_page).collect()
    };
    let mut out = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        let n = i + 1;
        let path = name(n);
        let html = theme.render(
            "index.html",
            minijinja::context! {
                site => value(info),
                articles => value(chunk.iter().map(|a| ArticleCtx::new(a, info)).collect::<Vec<_>>()),
                page => n,
                pages => chunks.len(),
                page_url => path.strip_suffix("index.html").unwrap_or(&path),
                newer_page => (n > 1).then(|| format!("/{}", name(n - 1).trim_end_matches("index.html"))),
                older_page => (n < chunks.len()).then(|| format!("/{}", name(n + 1))),
                drafts => drafts,
            },
        )?;
        out.push(OutFile::new(path, html));
    }
    Ok(out)
}

/// Pelican's author pages and feeds, tag pages, and the lists of categories, authors
/// and tags — kept at their old URLs so links and subscriptions still work.
fn authors_and_tags(
    theme: &Theme,
    info: &SiteInfo,
    config: &Config,
    published: &[&Article],
    categories: &[&str],
) -> Result<Vec<OutFile>, ThemeError> {
    let mut out = Vec::new();
    let per_page = config.site.per_page.max(1);
    let by_author = grouped(published, |a| std::slice::from_ref(&a.author));
    let authors: Vec<&str> = by_author.iter().map(|(w, _)| *w).collect();
    for (author, items) in &by_author {
        let slug = slug::pelican(author);
        out.extend(paginated(
            theme,
            info,
            per_page,
            items,
            (&format!("author/{slug}.html"), &format!("author/{slug}")),
            None,
        )?);
        let title = format!("{} - {author}", info.name);
        for (kind, file) in feeds(
            theme,
            info,
            config,
            &title,
            &format!("feeds/{slug}."),
            items,
        )? {
            out.push(OutFile::new(format!("feeds/{slug}.{kind}"), file));
        }
    }
    let by_tag = grouped(published, |a| &a.tags);
    let tags: Vec<&str> = by_tag.iter().map(|(t, _)| *t).collect();
    for (tag, items) in &by_tag {
        out.push(OutFile::new(
            format!("tag/{}.html", slug::pelican(tag)),
            archives(theme, info, &format!("Tag: {tag}"), items)?,
        ));
    }
    // The three lists, as plain pages.
    let count = |f: &dyn Fn(&Article) -> bool| published.iter().filter(|a| f(a)).count();
    // Each list: file, title, and (URL, name, number of issues) for each entry.
    type Entries = Vec<(String, String, usize)>;
    let lists: [(&str, &str, Entries); 3] = [
        (
            "categories.html",
            "Categories",
            categories
                .iter()
                .map(|c| {
                    (
                        format!("/categories/{}/", slug::pelican(c)),
                        c.to_string(),
                        count(&|a| a.category == *c),
                    )
                })
                .collect(),
        ),
        (
            "authors.html",
            "Authors",
            authors
                .iter()
                .map(|w| {
                    (
                        format!("/author/{}.html", slug::pelican(w)),
                        w.to_string(),
                        count(&|a| a.author == *w),
                    )
                })
                .collect(),
        ),
        (
            "tags.html",
            "Tags",
            tags.iter()
                .map(|t| {
                    (
                        format!("/tag/{}.html", slug::pelican(t)),
                        t.to_string(),
                        count(&|a| a.tags.iter().any(|x| x == t)),
                    )
                })
                .collect(),
        ),
    ];
    for (file, title, entries) in lists {
        let mut html = String::from("<ul>\n");
        for (url, name, n) in entries {
            html.push_str(&format!(
                "<li><a href=\"{url}\">{}</a> ({n})</li>\n",
                escape_html(&name)
            ));
        }
        html.push_str("</ul>\n");
        let page = theme.render(
            "page.html",
            minijinja::context! {
                site => value(info),
                page => minijinja::context! {
                    title => title,
                    html => html,
                    abs_url => format!("{}/{file}", info.url),
                },
            },
        )?;
        out.push(OutFile::new(file, page));
    }
    Ok(out)
}

/// The distinct values `key` gives the articles (a category, an author, tags), sorted,
/// each with its articles in their order.
fn grouped<'a>(
    articles: &[&'a Article],
    key: impl Fn(&'a Article) -> &'a [String],
) -> Vec<(&'a str, Vec<&'a Article>)> {
    let mut groups: std::collections::BTreeMap<&str, Vec<&Article>> = Default::default();
    for a in articles {
        for k in key(a) {
            groups.entry(k.as_str()).or_default().push(a);
        }
    }
    groups.into_iter().collect()
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn archives(
    theme: &Theme,
    info: &SiteInfo,
    heading: &str,
    items: &[&Article],
) -> Result<String, ThemeError> {
    let mut years: Vec<minijinja::Value> = Vec::new();
    let mut at = 0;
    while at < items.len() {
        let year = items[at].date.year();
        let end = items[at..]
            .iter()
            .position(|a| a.date.year() != year)
            .map_or(items.len(), |p| at + p);
        let list: Vec<ArticleCtx<'_>> = items[at..end]
            .iter()
            .map(|a| ArticleCtx::new(a, info))
            .collect();
        years.push(minijinja::context! { year => year, articles => value(list) });
        at = end;
    }
    theme.render(
        "archives.html",
        minijinja::context! { site => value(info), heading => heading, years => years },
    )
}

/// `atom.xml` and `rss.xml` for `items` (newest first), under `dir`.
fn feeds(
    theme: &Theme,
    info: &SiteInfo,
    config: &Config,
    title: &str,
    dir: &str,
    items: &[&Article],
) -> Result<Vec<(&'static str, String)>, ThemeError> {
    let newest: Vec<ArticleCtx<'_>> = items
        .iter()
        .take(config.site.feed_items)
        .map(|a| ArticleCtx::for_feed(a, info))
        .collect();
    // The feed changed when its newest entry did, not when the site was built.
    let updated = items
        .iter()
        .take(config.site.feed_items)
        .map(|a| a.modified.unwrap_or(a.date))
        .max();
    let mut out = Vec::new();
    for kind in ["atom.xml", "rss.xml"] {
        out.push((
            kind,
            theme.render(
                kind,
                minijinja::context! {
                    site => value(info),
                    title => title,
                    feed_path => format!("{dir}{kind}"),
                    updated => updated.map(rfc3339).unwrap_or_default(),
                    updated_rfc2822 => updated.map(rfc2822).unwrap_or_default(),
                    articles => value(&newest),
                },
            )?,
        ));
    }
    Ok(out)
}

//! The email edition of an issue: the page in a mail-friendly layout with every style
//! inlined (mail clients drop `<style>`), absolute links and no scripts; and a plain-text
//! version with the links listed under the text.

use super::render::{ArticleCtx, value};
use super::theme::{Theme, ThemeError};
use super::{Article, SiteInfo};
use crate::issue::Issue;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    #[error(transparent)]
    Theme(#[from] ThemeError),
    #[error("cannot inline the email's CSS: {0}")]
    Inline(#[from] css_inline::InlineError),
}

/// The HTML edition, styles inlined.
pub fn html(article: &Article, info: &SiteInfo, theme: &Theme) -> Result<String, EmailError> {
    let page = theme.render(
        "email.html",
        minijinja::context! {
            site => value(info),
            article => value(ArticleCtx::for_feed(article, info)),
            highlight_css => super::highlight::light_stylesheet(),
        },
    )?;
    let inliner = css_inline::CSSInliner::options()
        .keep_style_tags(false)
        .load_remote_stylesheets(false)
        .build();
    Ok(inliner.inline(&page)?)
}

/// The plain-text edition: the issue's text with each link numbered, the links listed at
/// the end, relative links made absolute.
pub fn text(issue: &Issue, article: &Article, info: &SiteInfo) -> String {
    let body = &issue.text[issue.body.start..];
    let mut out = if article.draft.is_some() {
        "PREVIEW: this issue is a draft and has not been published.\n\n".to_string()
    } else {
        String::new()
    };
    out += &format!(
        "{}\n{}\n{}{}\n{}\n\n",
        article.title,
        "=".repeat(article.title.chars().count()),
        article.date,
        article
            .number
            .map_or(String::new(), |n| format!(" · Issue {n}")),
        format_args!("{}/{}", info.url, article.url())
    );
    let mut links: Vec<String> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut heading = false;
    let mut line = String::new();
    let flush = |out: &mut String, line: &mut String| {
        let t = line.trim_end();
        if !t.is_empty() {
            out.push_str(t);
            out.push('\n');
        }
        line.clear();
    };
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut out, &mut line);
                // One blank line before a heading, however the text before it ended.
                out.truncate(out.trim_end_matches('\n').len());
                out.push_str("\n\n");
                heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                let title = line.trim().to_string();
                line.clear();
                out.push_str(&title);
                out.push('\n');
                out.push_str(&"-".repeat(title.chars().count()));
                out.push_str("\n\n");
                heading = false;
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut line);
                line.push_str(&"  ".repeat(depth.saturating_sub(1)));
                line.push_str("* ");
            }
            Event::Start(Tag::List(_)) => {
                flush(&mut out, &mut line);
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut out, &mut line);
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.push('\n');
                }
            }
            Event::End(TagEnd::Item) => flush(&mut out, &mut line),
            Event::End(TagEnd::Paragraph) => {
                flush(&mut out, &mut line);
                if depth == 0 {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = if dest_url.starts_with('/') {
                    format!("{}{dest_url}", info.url)
                } else {
                    dest_url.to_string()
                };
                pending.push(url);
            }
            Event::End(TagEnd::Link) => {
                if let Some(url) = pending.pop()
                    && !heading
                {
                    links.push(url);
                    line.push_str(&format!(" [{}]", links.len()));
                }
            }
            Event::Text(t) | Event::Code(t) => line.push_str(&t),
            Event::SoftBreak => line.push(' '),
            Event::HardBreak => flush(&mut out, &mut line),
            Event::Rule => {
                flush(&mut out, &mut line);
                out.push_str("----\n\n");
            }
            _ => {}
        }
    }
    flush(&mut out, &mut line);
    let mut out = out.trim_end().to_string();
    if !links.is_empty() {
        out.push_str("\n\nLinks:\n");
        for (i, url) in links.iter().enumerate() {
            out.push_str(&format!("[{}] {url}\n", i + 1));
        }
    }
    out
}

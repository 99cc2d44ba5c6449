//! Code highlighting at build time: fenced blocks with a language (`rust`, `sh`, `toml` ...)
//! become `<span class="hl-...">` runs, styled by a stylesheet with a light and a dark
//! palette that follows `prefers-color-scheme`. No JavaScript. Runs on the sanitized HTML,
//! so what it adds is ours, never a contributor's.

use std::sync::OnceLock;
use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
const LIGHT: &str = "InspiredGitHub";
const DARK: &str = "base16-ocean.dark";

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// The light palette alone, for the email edition (mail clients know no color schemes;
/// its styles are inlined).
pub fn light_stylesheet() -> String {
    palette(LIGHT)
}

/// The stylesheet of the highlighted runs: the light palette under
/// `prefers-color-scheme: light`, the dark one under `dark`.
pub fn stylesheet() -> String {
    // Each palette under its own scheme: their selectors differ in specificity, so the
    // light one must not apply at all in dark mode.
    format!(
        "/* Code highlighting: {LIGHT}, and in dark mode {DARK}. */\n\
@media (prefers-color-scheme: light) {{\n{}\n}}\n\
@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        palette(LIGHT),
        palette(DARK)
    )
}

/// One theme's rules for the `hl-` classes, without its background.
fn palette(name: &str) -> String {
    let themes = ThemeSet::load_defaults();
    let css = themes
        .themes
        .get(name)
        .and_then(|t| css_for_theme_with_class_style(t, STYLE).ok())
        .unwrap_or_default();
    // The palette's own background would fight the page's code background.
    css.lines()
        .filter(|l| !l.trim_start().starts_with("background-color"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `html` with every `<pre><code class="language-X">` block of a known language
/// highlighted. Other bytes are unchanged.
pub fn code_blocks(html: &str) -> String {
    const OPEN: &str = "<pre><code class=\"language-";
    if !html.contains(OPEN) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let block = &rest[at..];
        let lang_end = block[OPEN.len()..].find('"').map(|i| OPEN.len() + i);
        let tag_end = block[OPEN.len()..].find('>').map(|i| OPEN.len() + i + 1);
        let close = block.find("</code></pre>");
        let (Some(lang_end), Some(tag_end), Some(close)) = (lang_end, tag_end, close) else {
            out.push_str(block);
            return out;
        };
        let lang = &block[OPEN.len()..lang_end];
        let code = unescape(&block[tag_end..close]);
        match highlight(lang, &code) {
            Some(spans) => {
                out.push_str(&block[..tag_end]);
                out.push_str(&spans);
            }
            None => out.push_str(&block[..close]),
        }
        out.push_str("</code></pre>");
        rest = &block[close + "</code></pre>".len()..];
    }
    out.push_str(rest);
    out
}

fn highlight(lang: &str, code: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

/// The text of sanitized HTML: the sanitizer writes these entities and no others.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_blocks_get_classes_others_stay() {
        let html = "<p>x</p><pre><code class=\"language-rust\">fn main() { let s = &quot;&lt;a&gt;&quot;; }\n</code></pre>\
<pre><code class=\"language-nosuchlang\">a &lt; b</code></pre><pre><code>plain</code></pre>";
        let out = code_blocks(html);
        assert!(
            out.starts_with(
                "<p>x</p><pre><code class=\"language-rust\"><span class=\"hl-source hl-rust\">"
            ),
            "{out}"
        );
        assert!(out.contains("hl-storage hl-type hl-function"), "{out}");
        // The string's text is escaped again, once.
        assert!(out.contains("&lt;a&gt;"), "{out}");
        assert!(out.ends_with("<pre><code class=\"language-nosuchlang\">a &lt; b</code></pre><pre><code>plain</code></pre>"), "{out}");
        let css = stylesheet();
        assert!(css.contains(".hl-keyword") && css.contains("prefers-color-scheme: dark"));
        assert!(css.contains("@media (prefers-color-scheme: light)"));
    }
}

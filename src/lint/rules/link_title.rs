//! `link-title`: a community link not titled as its page. Found by `twir check --online`
//! ([`crate::online`] fetches the links), so it has no offline check.

use crate::diagnostic::Level;
use crate::lint::Lint;

pub static LINT: Lint = Lint {
    code: "link-title",
    default_level: Level::Warn,
    unfinished: false,
    fixable: false,
    summary: "a community link's text is not its page's title (with --online)",
    levels: "\
warning: the text differs from the page's title (`og:title`, else `<title>`) beyond case,
         punctuation and a site name after a separator, or it is cut with `…`; the help
         shows the title and a suggested fix writes it",
    explain: "\
Links in the community sections are titled with the page's own title. Retyped titles
drift, and titles pasted from chat tools come cut short.

Example:
    * [Annoucing rust 1.75](https://blog.rust-lang.org/2023/12/28/Rust-1.75.0.html)
      → the page's title is “Announcing Rust 1.75.0”",
    check: None,
};

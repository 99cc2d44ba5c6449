//! `link-unverifiable`: a link that could not be checked. Found by `twir check --online`
//! ([`crate::online`] fetches the links), so it has no offline check.

use crate::diagnostic::Level;
use crate::lint::Lint;

pub static LINT: Lint = Lint {
    code: "link-unverifiable",
    default_level: Level::Note,
    unfinished: false,
    fixable: false,
    summary: "a link could not be checked (with --online)",
    levels: "\
note: a site known to refuse robots answered 403 or 429 ([check.online] refuses_robots),
      a site rate-limited the checker, or no answer came within the timeout; never an
      error",
    explain: "\
Some sites refuse every automated request, whatever the page. Such links are neither
broken nor fine as far as twir can tell: open them by hand if in doubt.

Example:
    * [A thread](https://www.reddit.com/r/rust/comments/abc/)  → HTTP 403",
    check: None,
};

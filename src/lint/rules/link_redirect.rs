//! `link-redirect`: a link moved for good. Found by `twir check --online`
//! ([`crate::online`] fetches the links), so it has no offline check.

use crate::diagnostic::Level;
use crate::lint::Lint;

pub static LINT: Lint = Lint {
    code: "link-redirect",
    default_level: Level::Warn,
    unfinished: false,
    fixable: true,
    summary: "a link is moved for good: 301/308 (with --online)",
    levels: "\
warning: a permanent redirect (301 or 308, or a chain ending in one); the fix writes
         where it ends, without tracking parameters (temporary redirects are left alone)",
    explain: "\
Pages move; the old address works until the redirect is dropped. The fix writes the
final address, so the issue keeps working and readers skip a round trip.

Example:
    * [Announcing Rust 1.75.0](http://blog.rust-lang.org/2023/12/28/Rust-1.75.0.html)
      → 301 to https://blog.rust-lang.org/2023/12/28/Rust-1.75.0.html",
    check: None,
};

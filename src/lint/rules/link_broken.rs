//! `link-broken`: a link whose page is not there. Found by `twir check --online`
//! ([`crate::online`] fetches the links), so it has no offline check.

use crate::diagnostic::Level;
use crate::lint::Lint;

pub static LINT: Lint = Lint {
    code: "link-broken",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "a link's page is not there (with --online)",
    levels: "\
error: HTTP 404, 410 or 401, a host that does not resolve, a refused connection, a failed
       TLS handshake, a redirect loop, a deep link redirected to a home or login page
warning: a server error that outlived the retries, a 403 from a site not known to refuse
         robots",
    explain: "\
`twir check --online` asks for every web link of the draft. A reader who clicks a
broken link gets nothing; a link to a deleted article often redirects to the site's home
page (a \"soft 404\"), which a plain link checker counts as fine.

Example:
    * [A post that was taken down](https://blog.example.org/2024/01/post)  → HTTP 404",
    check: None,
};

//! `tracking-param`: links carrying `utm_*`, `fbclid` and other tracking parameters.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::edit::Edit;
use crate::lint::util::written_destinations;
use crate::lint::{Ctx, Lint};
use crate::url;

pub static LINT: Lint = Lint {
    code: "tracking-param",
    default_level: Level::Warn,
    unfinished: false,
    fixable: true,
    summary: "a link carries tracking parameters",
    levels: "\
warning (safe fix): every finding: the link works; the parameters only track readers",
    explain: "\
Links should be canonical. Parameters such as `utm_source`, `utm_medium`, `fbclid`, `gclid`,
`mc_cid`, `mc_eid`, `aff` or `ref_src` only tell the site where a reader came from; they
make the same page look like a different link (so duplicates slip through) and track
readers. `twir check --fix` removes them.

Example:
    * [A post](https://example.com/post?utm_source=reddit&page=2)
becomes
    * [A post](https://example.com/post?page=2)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for (span, dest) in written_destinations(issue, true) {
        let params = url::tracking_params(dest);
        if params.is_empty() || issue.slice(span) != dest {
            continue;
        }
        let names: Vec<&str> = params
            .iter()
            .map(|p| p.split('=').next().unwrap_or(p))
            .collect();
        let clean = url::without_tracking(dest);
        out.push(
            Diagnostic::new(
                LINT.code,
                span,
                format!("link carries tracking parameters: {}", names.join(", ")),
            )
            .help(format!("link to `{clean}`"))
            .safe_fix(
                "remove the tracking parameters",
                vec![Edit::new(span, clean)],
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_and_fixes() {
        let text = format!(
            "{HEADER}* [a](https://e.com/a?utm_source=x&b=1)\n* [b](https://e.com/b?b=1)\n\n[r]: https://e.com/r?fbclid=1\n"
        );
        assert_eq!(lines("tracking-param", &text), [6, 9]);
        let fixed = fixed("tracking-param", &text);
        assert!(
            fixed.contains("(https://e.com/a?b=1)") && fixed.contains("[r]: https://e.com/r\n")
        );
        assert!(lines("tracking-param", &fixed).is_empty(), "idempotent");
    }
}

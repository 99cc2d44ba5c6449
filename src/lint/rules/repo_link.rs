//! `repo-link`: a bare GitHub or GitLab repository among the community links.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::util::in_community;
use crate::lint::{Ctx, Lint, content_links};

pub static LINT: Lint = Lint {
    code: "repo-link",
    default_level: Level::Warn,
    unfinished: false,
    fixable: false,
    summary: "a community link points at a bare repository",
    levels: "\
warning: every finding",
    explain: "\
\"Updates from Rust Community\" collects posts, announcements and talks. A link to a bare
repository page usually means the author meant to share a project: link its announcement
or release notes instead, or suggest it as Crate of the Week or a call for participation.
A warning, because sometimes the README is the post.

Example:
    * [Seven Tasks with Rust and Egui](https://github.com/Rust-Ninja-Sabi/rust-egui-seven-tasks)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for link in content_links(issue) {
        if !in_community(issue, ctx.config, link.section) || !is_bare_repo(&link.dest) {
            continue;
        }
        out.push(
            Diagnostic::new(
                LINT.code,
                link.dest_span,
                "link points at a bare repository",
            )
            .help("link the project's announcement or release notes instead")
            .warning(),
        );
    }
}

fn is_bare_repo(dest: &str) -> bool {
    let Some(p) = crate::url::split(dest) else {
        return false;
    };
    let host = p.host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if !matches!(host, "github.com" | "gitlab.com" | "codeberg.org") || p.query.is_some() {
        return false;
    }
    let path = p.path.trim_end_matches('/').trim_end_matches(".git");
    path.split('/').filter(|s| !s.is_empty()).count() == 2
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_bare_repos_in_community_only() {
        let text = format!(
            "{HEADER}## Updates from Rust Community\n### Misc\n* [a](https://github.com/o/r)\n\
* [b](https://github.com/o/r/releases/tag/v1)\n* [c](https://gitlab.com/o/r/)\n\n## Crate of the Week\n* [d](https://github.com/o/r2)\n"
        );
        assert_eq!(lines("repo-link", &text), [8, 10]);
    }
}

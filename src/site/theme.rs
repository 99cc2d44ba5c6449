//! The theme: templates and static files written for twir and built into the binary. A
//! newsletter overrides any of them file by file from a `theme/` folder at its root.

use std::path::Path;

/// Templates rendered by [`super::render`] and [`super::email`].
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("theme/base.html")),
    ("article.html", include_str!("theme/article.html")),
    ("index.html", include_str!("theme/index.html")),
    ("drafts.html", include_str!("theme/drafts.html")),
    ("archives.html", include_str!("theme/archives.html")),
    ("page.html", include_str!("theme/page.html")),
    ("404.html", include_str!("theme/404.html")),
    ("search.html", include_str!("theme/search.html")),
    ("atom.xml", include_str!("theme/atom.xml")),
    ("rss.xml", include_str!("theme/rss.xml")),
    ("sitemap.xml", include_str!("theme/sitemap.xml")),
    ("email.html", include_str!("theme/email.html")),
];

/// Files published under `/theme/`.
const ASSETS: &[(&str, &str)] = &[
    ("style.css", include_str!("theme/style.css")),
    ("search.js", include_str!("theme/search.js")),
];

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("cannot read {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("template {0}")]
    Template(#[from] minijinja::Error),
}

/// The loaded theme.
pub struct Theme {
    env: minijinja::Environment<'static>,
    assets: Vec<(&'static str, String)>,
}

impl Theme {
    /// The built-in theme with the files of `dir` (if it exists) in place of its own.
    pub fn load(dir: Option<&Path>) -> Result<Theme, ThemeError> {
        let read = |name: &str, builtin: &str| -> Result<String, ThemeError> {
            let Some(path) = dir.map(|d| d.join(name)).filter(|p| p.is_file()) else {
                return Ok(builtin.to_string());
            };
            std::fs::read_to_string(&path).map_err(|cause| ThemeError::Read {
                path: path.display().to_string(),
                cause,
            })
        };
        let mut env = minijinja::Environment::new();
        // `.xml` templates are escaped as HTML, which is also right for XML text.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        // minijinja's HTML escaping also escapes `/`, which bloats every URL; `&<>"'` are
        // the characters that matter in HTML and XML text and attributes.
        env.set_formatter(|out, state, value| {
            if value.is_safe() || *state.auto_escape() == minijinja::AutoEscape::None {
                return write!(out, "{value}").map_err(minijinja::Error::from);
            }
            let text = value.to_string();
            let mut last = 0;
            for (i, c) in text.char_indices() {
                let entity = match c {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&text[last..i])?;
                out.write_str(entity)?;
                last = i + 1;
            }
            out.write_str(&text[last..]).map_err(minijinja::Error::from)
        });
        for (name, builtin) in TEMPLATES {
            env.add_template_owned(*name, read(name, builtin)?)?;
        }
        let assets = ASSETS
            .iter()
            .map(|(name, builtin)| Ok((*name, read(name, builtin)?)))
            .collect::<Result<_, ThemeError>>()?;
        Ok(Theme { env, assets })
    }

    pub fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, ThemeError> {
        Ok(self.env.get_template(name)?.render(ctx)?)
    }

    /// Static files, published as `/theme/<name>`.
    pub fn assets(&self) -> &[(&'static str, String)] {
        &self.assets
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_file_by_file() {
        let dir = std::env::temp_dir().join(format!("twir-theme-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("404.html"), "gone: {{ what }} {{ url }}").unwrap();
        let theme = Theme::load(Some(&dir)).unwrap();
        let ctx = minijinja::context! { what => "<b>", url => "https://e.com/a?b=1&c=2" };
        assert_eq!(
            theme.render("404.html", ctx).unwrap(),
            "gone: &lt;b&gt; https://e.com/a?b=1&amp;c=2"
        );
        assert!(
            theme
                .assets()
                .iter()
                .any(|(n, css)| *n == "style.css" && css.contains("prefers-color-scheme"))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

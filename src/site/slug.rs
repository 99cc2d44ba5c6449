//! The two slug functions the old site used, so URLs and heading anchors stay the same:
//! Pelican's for article URLs and Python-Markdown `toc`'s for heading ids.

/// Pelican 4's `slugify` with its default substitutions: transliterated to ASCII, every
/// character but letters, digits, `_`, `-` and spaces removed, runs of spaces and dashes
/// made one `-`, lowercase. `This Week in Rust 573` → `this-week-in-rust-573`.
pub fn pelican(title: &str) -> String {
    collapse(&deunicode::deunicode(title))
}

/// Python-Markdown's `toc` slugify: NFKD, non-ASCII dropped, then as [`pelican`].
/// `Updates from Rust Community` → `updates-from-rust-community`.
pub fn heading(text: &str) -> String {
    let nfkd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfkd().normalize(text);
    let ascii: String = nfkd.chars().filter(char::is_ascii).collect();
    collapse(&ascii)
}

fn collapse(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || c.is_whitespace())
        .collect();
    let mut out = String::with_capacity(kept.len());
    let mut pending_dash = false;
    for c in kept.trim().chars() {
        if c == '-' || c.is_whitespace() {
            pending_dash = true;
        } else {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        }
    }
    if pending_dash && !out.is_empty() {
        out.push('-');
    }
    out
}

/// Hands out heading ids, numbering repeats as `toc` does (`id`, `id_1`, `id_2`).
#[derive(Default)]
pub struct Ids {
    used: std::collections::HashSet<String>,
}

impl Ids {
    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut id = base.to_string();
        let mut n = 1;
        while !self.used.insert(id.clone()) {
            id = format!("{base}_{n}");
            n += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pelican_slugs() {
        assert_eq!(pelican("This Week in Rust 573"), "this-week-in-rust-573");
        assert_eq!(pelican("These Weeks in Rust 12"), "these-weeks-in-rust-12");
        assert_eq!(pelican("  Ferris' Café — news!  "), "ferris-cafe-news");
    }

    #[test]
    fn heading_ids() {
        assert_eq!(
            heading("Updates from Rust Community"),
            "updates-from-rust-community"
        );
        assert_eq!(heading("CFP - Projects"), "cfp-projects");
        assert_eq!(
            heading("Call for Participation; projects and speakers"),
            "call-for-participation-projects-and-speakers"
        );
        assert_eq!(heading("Café 🦀 crab"), "cafe-crab");
        let mut ids = Ids::default();
        assert_eq!(ids.unique("official"), "official");
        assert_eq!(ids.unique("official"), "official_1");
    }
}

//! The API token: read from the environment, sent in a header, never printed — its
//! `Debug` shows no part of it and it has no `Display`.

use std::fmt;

/// An API token.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// `GITHUB_TOKEN`, else `GH_TOKEN` (the name the `gh` command uses), if set and not
    /// empty.
    pub fn from_env() -> Option<Token> {
        ["GITHUB_TOKEN", "GH_TOKEN"].iter().find_map(|name| {
            let v = std::env::var(name).ok()?;
            let v = v.trim();
            (!v.is_empty()).then(|| Token(v.to_string()))
        })
    }

    /// The `Authorization` header's value.
    pub(super) fn header(&self) -> String {
        format!("Bearer {}", self.0)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(hidden)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_shown() {
        let t = Token("ghp_secret123".into());
        assert!(!format!("{t:?}").contains("secret"));
        assert_eq!(t.header(), "Bearer ghp_secret123");
    }
}

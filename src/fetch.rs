//! Reading a source that is either a file or an http(s) URL. Network I/O lives here and
//! nowhere else, so every command gets the same timeouts and the same error wording.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a whole request may take.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The largest body read, to stop a runaway server.
const LIMIT: u64 = 32 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("cannot read {path}: {cause}")]
    File { path: String, cause: std::io::Error },
    #[error("cannot fetch {url}: {message}")]
    Http { url: String, message: String },
}

/// A source, as given on the command line or in `twir.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Url(String),
}

impl Source {
    /// `https://…` and `http://…` are URLs; anything else is a path, relative to `base`.
    pub fn new(spec: &str, base: &Path) -> Source {
        if spec.starts_with("https://") || spec.starts_with("http://") {
            Source::Url(spec.to_string())
        } else {
            Source::File(base.join(spec))
        }
    }

    pub fn is_remote(&self) -> bool {
        matches!(self, Source::Url(_))
    }

    /// The source's text.
    pub fn read(&self) -> Result<String, FetchError> {
        match self {
            Source::File(path) => {
                let bytes = std::fs::read(path).map_err(|cause| FetchError::File {
                    path: path.display().to_string(),
                    cause,
                })?;
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            }
            Source::Url(url) => get(url),
        }
    }
}

fn get(url: &str) -> Result<String, FetchError> {
    let err = |message: String| FetchError::Http {
        url: url.to_string(),
        message,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .user_agent(concat!("twir/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| {
        err(match e {
            ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
            other => other.to_string(),
        })
    })?;
    response
        .body_mut()
        .with_config()
        .limit(LIMIT)
        .read_to_string()
        .map_err(|e| err(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_kinds() {
        let base = Path::new("/root");
        assert_eq!(
            Source::new("cal.ics", base),
            Source::File("/root/cal.ics".into())
        );
        assert!(Source::new("https://e.com/x.ics", base).is_remote());
        let e = Source::new("missing.ics", Path::new("/nonexistent"))
            .read()
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("cannot read /nonexistent/missing.ics")
        );
    }
}

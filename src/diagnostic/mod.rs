//! Lint findings as values: code, level, span, message, labels, help and an optional fix.
//! Rendering them is separate: [`human`] prints them rustc-style, [`json`] as JSON lines.

pub mod human;
pub mod json;

use crate::issue::Span;
use crate::issue::edit::Edit;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How seriously a finding is taken. `Allow` silences a lint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Allow,
    /// Worth knowing, nothing to fix (a site that refuses robots).
    Note,
    #[serde(alias = "warning")]
    Warn,
    Error,
}

impl Level {
    /// The word printed before a message.
    pub fn word(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Note => "note",
            Level::Warn => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// Byte edits that resolve a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub description: String,
    /// Whether `twir check --fix` applies it without asking (it cannot change meaning).
    pub safe: bool,
    pub edits: Vec<Edit>,
}

/// One finding of one lint in one file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    /// Set by the lint runner from the lint's configured level; a lint may lower it
    /// for a milder finding with [`Diagnostic::warning`].
    pub level: Level,
    pub span: Span,
    pub message: String,
    /// Secondary spans with their labels (e.g. the first occurrence of a duplicate).
    pub labels: Vec<(Span, String)>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            level: Level::Error,
            span,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn label(mut self, span: Span, label: impl Into<String>) -> Self {
        self.labels.push((span, label.into()));
        self
    }

    /// A fix `--fix` may apply on its own.
    pub fn safe_fix(mut self, description: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix {
            description: description.into(),
            safe: true,
            edits,
        });
        self
    }

    /// A suggested fix that a person should confirm; `--fix` leaves it alone.
    pub fn suggestion(mut self, description: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix {
            description: description.into(),
            safe: false,
            edits,
        });
        self
    }

    /// Caps the finding at warning level whatever the lint's level.
    pub fn warning(mut self) -> Self {
        self.level = Level::Warn;
        self
    }
}

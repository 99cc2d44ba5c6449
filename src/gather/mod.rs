//! Gathering the sections of an issue that come from data: the Rust Project's updates
//! from GitHub and the compiler performance triage.

pub mod github;
pub mod perf;
pub mod project;
pub mod splice;

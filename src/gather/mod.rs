//! Gathering the sections of an issue that come from data: the Rust Project's updates,
//! calls for testing, RFCs and final comment periods from GitHub, and the compiler
//! performance triage; and from Discourse, the Crate and Quote of the Week nominations.

pub mod discourse;
pub mod github;
pub mod labels;
pub mod lists;
pub mod perf;
pub mod project;
pub mod splice;
pub mod submissions;

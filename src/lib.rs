//! twir: the newsroom of a "This Week in X" newsletter as a library. The `twir` binary is
//! thin glue over these modules.

pub mod archive;
pub mod config;
pub mod diagnostic;
pub mod draft;
pub mod events;
pub mod fetch;
pub mod fsutil;
pub mod gather;
pub mod http;
pub mod issue;
pub mod lint;
pub mod online;
pub mod par;
pub mod places;
pub mod site;
pub mod url;
pub mod workspace;

//! End-to-end tests of the `twir` binary: one test binary, a module per command.

mod browser;
mod check;
mod cycle;
mod events;
mod site;
mod support;

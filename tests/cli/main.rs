//! End-to-end tests of the `twir` binary: one test binary, a module per command.

mod browser;
mod check;
mod cycle;
mod events;
mod first_hour;
mod gather;
mod house_style;
mod nominations;
mod online;
mod site;
mod standin;
mod submissions;
mod support;

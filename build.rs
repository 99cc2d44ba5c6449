//! Tells the test suite what this checkout has beside it, so that a test needing something
//! absent is reported by `cargo test` as *ignored* instead of passing without doing
//! anything: cfg `twir_shared` when `../shared` (the sample archive and the seeds) is
//! there, cfg `twir_chromium` when Debian's Chromium is installed.
//!
//! Cargo reruns this script when `build.rs` changes or, once found, when `../shared`
//! changes; after adding `../shared` or Chromium to a checkout, `touch build.rs`.

use std::path::{Path, PathBuf};

const CHROMIUM: &str = "/usr/bin/chromium";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(twir_shared, twir_chromium)");
    println!("cargo::rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let shared = manifest.join("../shared");
    if shared.join("seeds").is_dir() && shared.join("twir-sample").is_dir() {
        println!("cargo::rustc-cfg=twir_shared");
        println!("cargo::rerun-if-changed={}", shared.join("seeds").display());
    }
    if Path::new(CHROMIUM).exists() {
        println!("cargo::rustc-cfg=twir_chromium");
        println!("cargo::rerun-if-changed={CHROMIUM}");
    }
}

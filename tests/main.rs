//! Lindung's integration tests, one module per subject, built as one test binary (see
//! `Cargo.toml`). `cargo test` runs them all; `cargo test --test suite golden::` runs one
//! module.

mod chart_png;
mod cli;
mod common;
mod compare_ui;
mod corrections;
#[cfg(feature = "export")]
mod export;
mod files;
mod golden;
mod limits;
mod migration;
mod monthly;
mod present_ui;
mod properties;
mod recovery;
#[cfg(feature = "export")]
mod report_pdf;
mod rule_history;
mod scenarios;
mod ui_app;

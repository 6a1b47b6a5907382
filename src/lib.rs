//! Lindung: regional budget planning for BPJS Ketenagakerjaan contributions of vulnerable
//! workers (pekerja rentan).
//!
//! Layers: [`model`] computes (pure), [`scenario`] is the RON file format, [`report`] turns
//! projections into tables and files, [`cli`] and `ui` present them.

rust_i18n::i18n!("locales", fallback = "id");

pub mod civil;
pub mod cli;
pub mod format;
pub mod i18n;
pub mod model;
pub mod report;
pub mod scenario;
#[cfg(feature = "gui")]
pub mod ui;

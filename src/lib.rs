//! Lindung: regional budget planning for BPJS Ketenagakerjaan contributions of vulnerable
//! workers (pekerja rentan).
//!
//! Layers: [`model`] computes (pure), [`scenario`] is the RON file format, [`cli`] and `ui`
//! present it.

rust_i18n::i18n!("locales", fallback = "id");

pub mod cli;
pub mod format;
pub mod i18n;
pub mod model;
pub mod scenario;
#[cfg(feature = "gui")]
pub mod ui;

//! What Lindung reports, as data and without egui: the year table's typed columns
//! ([`table`]), what a projection means ([`findings`]), a scenario's inputs and which of them
//! differ between two scenarios ([`inputs`]); several scenarios against a baseline
//! ([`compare`]) and their charts overlaid ([`chart`]); and the files written from them: CSV
//! ([`csv`]), Excel workbooks ([`xlsx`]) and the printed handout ([`pdf`]). The screen, the command line
//! and the files all draw from here, so a figure is defined once.

pub mod chart;
pub mod compare;
pub mod csv;
#[cfg(feature = "export")]
pub mod export;
pub mod findings;
pub mod inputs;
#[cfg(feature = "export")]
pub mod pdf;
pub mod table;
pub mod value;
pub mod words;
#[cfg(feature = "export")]
pub mod xlsx;

pub use csv::{
    Dialect, csv_header, monthly_csv_header, write_csv, write_csv_of, write_monthly_csv,
    write_monthly_csv_of,
};
pub use table::{Column, Measure, Style, Unit, Value, YearTable};

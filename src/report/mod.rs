//! What Lindung reports, as data and without egui: the year table's typed columns
//! ([`table`]), what a projection means ([`findings`]), the CSV files written from them ([`csv`]), and which inputs differ between
//! two scenarios ([`diff`]). The screen, the command line
//! and the files all draw from here, so a figure is defined once.

pub mod csv;
pub mod diff;
pub mod findings;
pub mod table;

pub use csv::{
    Dialect, csv_header, monthly_csv_header, write_csv, write_csv_of, write_monthly_csv,
    write_monthly_csv_of,
};
pub use table::{Column, Measure, Style, Unit, Value, YearTable};

//! Official area codes (kode wilayah Kemendagri) of every province and kabupaten/kota,
//! compiled in from `assets/wilayah/` (idn-area-data 4.0.1, ODbL 1.0).

use std::sync::OnceLock;

use crate::model::plan::Level;

/// Credit the ODbL asks for, shown in the app's About dialog.
pub const CREDIT: &str = "idn-area-data 4.0.1, Open Database License (ODbL) 1.0";

const PROVINCES: &str = include_str!("../../assets/wilayah/provinces.csv");
const REGENCIES: &str = include_str!("../../assets/wilayah/regencies.csv");

/// One province or kabupaten/kota.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// Lower-case name, for searching.
    key: String,
}

/// Every area, provinces first. Rows that do not parse are skipped and logged (the data is
/// compiled in, so a bad row is a build defect caught by the tests).
pub fn areas() -> &'static [Area] {
    static AREAS: OnceLock<Vec<Area>> = OnceLock::new();
    AREAS.get_or_init(|| {
        let mut areas = read(PROVINCES, |_| Level::Provinsi);
        areas.extend(read(REGENCIES, |name| {
            if name.starts_with("Kota ") {
                Level::Kota
            } else {
                Level::Kabupaten
            }
        }));
        areas
    })
}

fn read(text: &str, level_of: impl Fn(&str) -> Level) -> Vec<Area> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut areas = Vec::new();
    for record in reader.records() {
        match record {
            Ok(row) => {
                let (Some(code), Some(name)) = (row.get(0), row.get(row.len().saturating_sub(1)))
                else {
                    continue;
                };
                areas.push(Area {
                    code: code.to_owned(),
                    name: name.to_owned(),
                    level: level_of(name),
                    key: name.to_lowercase(),
                });
            }
            Err(e) => log::error!("bundled wilayah data: {e}"),
        }
    }
    areas
}

/// Areas whose name contains every word of `query` (case-insensitive), or whose code starts
/// with it; at most `limit`, names that start with the query first.
pub fn search(query: &str, limit: usize) -> Vec<&'static Area> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<&Area> = areas()
        .iter()
        .filter(|a| crate::format::region_matches(&a.code, &a.key, &query))
        .collect();
    let starts = |a: &Area| {
        let bare = a
            .key
            .trim_start_matches("kabupaten ")
            .trim_start_matches("kota ");
        !(bare.starts_with(&query) || a.key.starts_with(&query))
    };
    found.sort_by_key(|a| starts(a));
    found.truncate(limit);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_provinces_and_regencies_are_bundled() {
        let all = areas();
        assert_eq!(
            all.iter().filter(|a| a.level == Level::Provinsi).count(),
            38
        );
        assert_eq!(all.len(), 38 + 514);
    }

    #[test]
    fn finds_palu_and_sulteng_by_name() {
        let palu = search("palu", 5);
        assert_eq!(palu[0].code, "72.71");
        assert_eq!(palu[0].level, Level::Kota);
        let sulteng = search("sulawesi tengah", 5);
        assert_eq!(sulteng[0].code, "72");
        assert!(search("  ", 5).is_empty());
    }
}

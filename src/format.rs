//! Numbers, Rupiah and percentages as people read them: Indonesian style (Rp16.800,
//! Rp2,02 miliar, 43,6%) or English style (Rp16,800, Rp2.02 billion, 43.6%).
//! Shared by the command line and the desktop app.

use num_format::{Locale, ToFormattedString as _};

use crate::i18n::Lang;
use crate::model::plan::field::PlacePart;

fn locale(lang: Lang) -> &'static Locale {
    match lang {
        Lang::Id => &Locale::id,
        Lang::En => &Locale::en,
    }
}

/// A whole number with thousands separators: 15.138 (id) or 15,138 (en).
pub fn count(value: i64, lang: Lang) -> String {
    value.to_formatted_string(locale(lang))
}

/// A number rounded to `decimals` places, with the language's separators: 12,7 or 12.7.
pub fn decimal(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let grouped = count(whole, lang);
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{fraction}", locale(lang).decimal())
    }
}

/// A count of people, rounded: 15.138 (fractional expected values are rounded).
pub fn people(value: f64, lang: Lang) -> String {
    decimal(value.round(), 0, lang)
}

/// A percentage with one decimal: 43,6% or 43.6%.
pub fn percent(value: f64, lang: Lang) -> String {
    format!("{}%", decimal(value, percent_decimals(value), lang))
}

/// The one rule for the decimals of a share: two under 1% (0,13%), else one (43,6%).
pub fn percent_decimals(value: f64) -> usize {
    if value != 0.0 && value.abs() < 1.0 {
        2
    } else {
        1
    }
}

/// A full Rupiah amount: Rp3.024.000.000 (id) or Rp3,024,000,000 (en).
pub fn rupiah(value: f64, lang: Lang) -> String {
    let rounded = value.round();
    if rounded < 0.0 {
        format!("-Rp{}", decimal(-rounded, 0, lang))
    } else {
        format!("Rp{}", decimal(rounded, 0, lang))
    }
}

/// Scale words for large amounts, from the largest.
fn scales(lang: Lang) -> [(f64, &'static str); 3] {
    match lang {
        Lang::Id => [(1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")],
        Lang::En => [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")],
    }
}

/// A Rupiah amount as a planner says it: Rp2,02 miliar, Rp1,2 triliun, Rp659 juta; below
/// one million in full (Rp16.800). Three significant digits, trailing zeros dropped.
pub fn rupiah_short(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let magnitude = value.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    for (scale, word) in scales(lang) {
        // Use the scale if the amount rounds to at least 1 of it.
        if magnitude >= scale * 0.9995 {
            let scaled = magnitude / scale;
            let decimals = if scaled >= 100.0 {
                0
            } else if scaled >= 10.0 {
                1
            } else {
                2
            };
            let text = decimal(scaled, decimals, lang);
            let separator = locale(lang).decimal();
            let text = if text.contains(separator) {
                text.trim_end_matches('0')
                    .trim_end_matches(separator)
                    .to_owned()
            } else {
                text
            };
            return format!("{sign}Rp{text} {word}");
        }
    }
    format!("{sign}{}", rupiah(magnitude, lang))
}

/// The placeholders `jkm`, `jkm_months`, `jkk`, `jkk_months` of the "benefit in months of the
/// poverty line" sentence, shared by the command line and the app.
pub fn poverty_month_args(
    projection: &crate::model::Projection,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    vec![
        (
            "jkm",
            rupiah_short(projection.jkm_death_benefit as f64, lang),
        ),
        (
            "jkm_months",
            decimal(projection.jkm_benefit_poverty_months, 1, lang),
        ),
        (
            "jkk",
            rupiah_short(projection.jkk_death_benefit as f64, lang),
        ),
        (
            "jkk_months",
            decimal(projection.jkk_benefit_poverty_months, 1, lang),
        ),
    ]
}

/// One sentence per region, year and payer that could not pay all it was asked.
pub fn unpaid_lines(projection: &crate::model::Projection, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for region in projection.regions.iter().filter(|r| r.any_unpaid) {
        for row in &region.years {
            for payer in crate::model::plan::PayerKind::ALL {
                let unpaid = row.unpaid_by_payer[payer.index()];
                if unpaid > 0 {
                    lines.push(lang.tr_args(
                        "unpaid.payer",
                        &[
                            ("region", region.name.clone()),
                            ("year", row.year.to_string()),
                            ("payer", lang.tr(&format!("ui.payer.{}", payer.id()))),
                            ("amount", rupiah(unpaid as f64, lang)),
                        ],
                    ));
                }
            }
        }
    }
    lines
}

/// Observed against expected deaths and the calibrated JKM rate, in one sentence.
pub fn calibration_text(c: &crate::model::outcomes::Calibration, lang: Lang) -> String {
    let per_mille = |rate: f64| decimal(rate * 1000.0, 2, lang);
    lang.tr_args(
        "calibration",
        &[
            ("observed", count(c.observed_deaths, lang)),
            ("expected", decimal(c.expected_deaths, 1, lang)),
            ("low", people(c.expected_p05, lang)),
            ("high", people(c.expected_p95, lang)),
            ("prior", per_mille(c.prior)),
            ("rate", per_mille(c.calibrated)),
            ("weight", percent(c.weight * 100.0, lang)),
        ],
    )
}

/// For the budget-cap direction: how long each region's first-year budget would pay for its
/// whole pool ("Rp3 miliar covers all 32.279 workers of the pool for 5,5 months").
pub fn pool_months_lines(projection: &crate::model::Projection, lang: Lang) -> Vec<String> {
    projection
        .regions
        .iter()
        .filter_map(|region| {
            let first = region.years.first()?;
            let months = first.months_for_pool.filter(|m| m.is_finite())?;
            let budget = first.budget?;
            let args = [
                ("region", region.name.clone()),
                ("year", first.year.to_string()),
                ("budget", rupiah_short(budget as f64, lang)),
                ("pool", count(first.pool, lang)),
                ("months", decimal(months.min(12.0), 1, lang)),
            ];
            let key = if months >= 12.0 {
                "pool_months.all_year"
            } else {
                "pool_months.part"
            };
            Some(lang.tr_args(key, &args))
        })
        .collect()
}

/// A warning for every region and year in which members stop being paid for (the budget or
/// the target fell), for the regions `shown`, so a plan that cannot keep its members never
/// looks fine.
pub fn cut_lines<'a>(
    shown: impl IntoIterator<Item = &'a crate::model::RegionProjection>,
    direction: crate::model::plan::Direction,
    lang: Lang,
) -> Vec<String> {
    let key = match direction {
        crate::model::plan::Direction::CoverageTarget => "cut.target",
        crate::model::plan::Direction::BudgetCap => "cut.budget",
    };
    let mut lines = Vec::new();
    for region in shown.into_iter().filter(|r| r.any_cut) {
        for row in region.years.iter().filter(|r| r.enrolled_cut > 0) {
            lines.push(lang.tr_args(
                key,
                &[
                    ("region", region.name.clone()),
                    ("year", row.year.to_string()),
                    ("count", count(row.enrolled_cut, lang)),
                ],
            ));
        }
    }
    lines
}

/// Whether a region (its area code and name) matches what a user typed to find it, the same
/// way everywhere (the app's search, `lindung run --region`): the code starts with the text,
/// or every word of the text is in the name, ignoring case ("palu" finds "Kota Palu").
pub fn region_matches(code: &str, name: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return false;
    }
    let name = name.to_lowercase();
    code.starts_with(&query) || query.split_whitespace().all(|word| name.contains(word))
}

/// How many members passed the upper age and left over the horizon, when any did.
pub fn aged_out_line(rows: &[crate::model::YearResult], lang: Lang) -> Option<String> {
    let left: i64 = rows.iter().map(|r| r.enrolled_aged_out).sum();
    let (first, last) = (rows.first()?, rows.last()?);
    (left > 0).then(|| {
        lang.tr_args(
            "aged_out.line",
            &[
                ("count", count(left, lang)),
                ("from", first.year.to_string()),
                ("to", last.year.to_string()),
            ],
        )
    })
}

/// Between the parts of a place: "Wilayah 10 (Kabupaten Banggai) › Jalur cakupan".
const PLACE_SEPARATOR: &str = " › ";

fn place_part(part: &PlacePart, lang: Lang) -> String {
    let named = |key: &str, n: usize, name: &str| {
        let numbered = lang.tr_args(key, &[("n", n.to_string())]);
        if name.is_empty() {
            numbered
        } else {
            format!("{numbered} ({name})")
        }
    };
    match part {
        PlacePart::Label(key) => lang.tr(key),
        PlacePart::Numbered(key, n) => lang.tr_args(key, &[("n", n.to_string())]),
        PlacePart::Region(n, name) => named("place.region", *n, name),
        PlacePart::RuleSet(n, id) => named("place.rule_set", *n, id),
        PlacePart::Year(year) => lang.tr_args("place.year_n", &[("year", year.to_string())]),
    }
}

/// A field's place in the editor's words: "Wilayah 10 (Kabupaten Banggai) › Jalur cakupan ›
/// Cakupan awal".
pub fn place(parts: &[PlacePart], lang: Lang) -> String {
    parts
        .iter()
        .map(|part| place_part(part, lang))
        .collect::<Vec<_>>()
        .join(PLACE_SEPARATOR)
}

/// Today's date as a report writes it: "27 November 2026".
pub fn today(lang: Lang) -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let (year, month, day) = crate::civil::date_of_day(days);
    let names = match lang {
        Lang::Id => [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ],
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    };
    let name = names.get((month - 1) as usize).copied().unwrap_or_default();
    format!("{day} {name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_style() {
        assert_eq!(rupiah(16_800.0, Lang::Id), "Rp16.800");
        assert_eq!(rupiah(3_024_000_000.0, Lang::Id), "Rp3.024.000.000");
        assert_eq!(rupiah_short(2_020_000_000.0, Lang::Id), "Rp2,02 miliar");
        assert_eq!(rupiah_short(3_024_000_000.0, Lang::Id), "Rp3,02 miliar");
        assert_eq!(rupiah_short(1_200_000_000_000.0, Lang::Id), "Rp1,2 triliun");
        assert_eq!(rupiah_short(659_265_600.0, Lang::Id), "Rp659 juta");
        assert_eq!(rupiah_short(42_000_000.0, Lang::Id), "Rp42 juta");
        assert_eq!(rupiah_short(16_800.0, Lang::Id), "Rp16.800");
        assert_eq!(percent(43.59, Lang::Id), "43,6%");
        // Small shares keep two decimals, everywhere (cards, tables, axes, the CLI).
        assert_eq!(percent(0.1293, Lang::Id), "0,13%");
        assert_eq!(percent(0.0, Lang::Id), "0,0%");
        assert_eq!(count(15_138, Lang::Id), "15.138");
        assert_eq!(decimal(12.7075, 1, Lang::Id), "12,7");
        assert_eq!(people(24.6, Lang::Id), "25");
    }

    #[test]
    fn english_style() {
        assert_eq!(rupiah(16_800.0, Lang::En), "Rp16,800");
        assert_eq!(rupiah_short(2_020_000_000.0, Lang::En), "Rp2.02 billion");
        assert_eq!(
            rupiah_short(1_200_000_000_000.0, Lang::En),
            "Rp1.2 trillion"
        );
        assert_eq!(percent(43.59, Lang::En), "43.6%");
        assert_eq!(count(15_138, Lang::En), "15,138");
    }

    #[test]
    fn edges_do_not_panic() {
        assert_eq!(rupiah_short(f64::NAN, Lang::Id), "–");
        assert_eq!(rupiah_short(-2_020_000_000.0, Lang::Id), "-Rp2,02 miliar");
        assert_eq!(rupiah_short(999_999_999.0, Lang::Id), "Rp1 miliar");
        assert_eq!(decimal(-0.04, 1, Lang::Id), "0,0");
        assert_eq!(rupiah(0.0, Lang::Id), "Rp0");
        assert!(!decimal(1e300, 0, Lang::Id).is_empty());
    }
}

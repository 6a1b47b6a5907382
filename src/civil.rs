//! Calendar dates from day counts, shared by the library (the date on a report) and the build
//! script (the build date in `lindung --version`), which includes this file as it is.

/// The civil date (year, month 1–12, day 1–31) of `days` since 1970-01-01, by Howard
/// Hinnant's algorithm (<https://howardhinnant.github.io/date_algorithms.html>).
pub fn date_of_day(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_the_calendars_dates() {
        // Day counts from 1970-01-01 by Python's datetime: (date(2026, 11, 27) −
        // date(1970, 1, 1)).days = 20.784, and so on.
        assert_eq!(date_of_day(0), (1970, 1, 1));
        assert_eq!(date_of_day(20_784), (2026, 11, 27));
        assert_eq!(date_of_day(19_782), (2024, 2, 29));
        assert_eq!(date_of_day(11_017), (2000, 3, 1));
        assert_eq!(date_of_day(-1), (1969, 12, 31));
    }
}

//! Amounts in words, as Indonesian budget documents write them beside the figure
//! ("Rp3.024.000.000 (tiga miliar dua puluh empat juta rupiah)"): *terbilang*.

use crate::format;
use crate::i18n::Lang;

const ONES_ID: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];

const ONES_EN: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS_EN: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 1–999 in Indonesian: "seratus dua puluh lima", "sebelas", "sembilan belas".
fn below_thousand_id(n: u64) -> Vec<&'static str> {
    let mut words = Vec::new();
    let (hundreds, rest) = (n / 100, n % 100);
    match hundreds {
        0 => {}
        1 => words.push("seratus"),
        h => words.extend([ONES_ID[h as usize], "ratus"]),
    }
    match rest {
        0 => {}
        10 => words.push("sepuluh"),
        11 => words.push("sebelas"),
        12..=19 => words.extend([ONES_ID[(rest - 10) as usize], "belas"]),
        1..=9 => words.push(ONES_ID[rest as usize]),
        _ => {
            words.extend([ONES_ID[(rest / 10) as usize], "puluh"]);
            if rest % 10 > 0 {
                words.push(ONES_ID[(rest % 10) as usize]);
            }
        }
    }
    words
}

/// 1–999 in English: "one hundred twenty-five".
fn below_thousand_en(n: u64) -> Vec<String> {
    let mut words = Vec::new();
    let (hundreds, rest) = (n / 100, n % 100);
    if hundreds > 0 {
        words.push(format!("{} hundred", ONES_EN[hundreds as usize]));
    }
    match rest {
        0 => {}
        1..=19 => words.push(ONES_EN[rest as usize].to_owned()),
        _ if rest % 10 == 0 => words.push(TENS_EN[(rest / 10) as usize].to_owned()),
        _ => words.push(format!(
            "{}-{}",
            TENS_EN[(rest / 10) as usize],
            ONES_EN[(rest % 10) as usize]
        )),
    }
    words
}

/// A whole number in words: "tiga miliar dua puluh empat juta" or "three billion twenty-four
/// million". Up to 999 triliun (Rp10^15 is beyond any budget Lindung accepts).
pub fn number_in_words(n: u64, lang: Lang) -> String {
    if n == 0 {
        return match lang {
            Lang::Id => "nol".to_owned(),
            Lang::En => "zero".to_owned(),
        };
    }
    let scales: [(u64, &str, &str); 5] = [
        (1_000_000_000_000_000, "ribu triliun", "quadrillion"),
        (1_000_000_000_000, "triliun", "trillion"),
        (1_000_000_000, "miliar", "billion"),
        (1_000_000, "juta", "million"),
        (1_000, "ribu", "thousand"),
    ];
    let mut words: Vec<String> = Vec::new();
    let mut rest = n;
    for (scale, id, en) in scales {
        let count = rest / scale;
        rest %= scale;
        if count == 0 {
            continue;
        }
        match lang {
            // "seribu", not "satu ribu"; but "satu juta", "satu miliar".
            Lang::Id if scale == 1_000 && count == 1 => words.push("seribu".to_owned()),
            Lang::Id => {
                words.push(number_in_words(count, lang));
                words.push(id.to_owned());
            }
            Lang::En => {
                words.push(number_in_words(count, lang));
                words.push(en.to_owned());
            }
        }
    }
    if rest > 0 {
        match lang {
            Lang::Id => words.extend(below_thousand_id(rest).into_iter().map(str::to_owned)),
            Lang::En => words.extend(below_thousand_en(rest)),
        }
    }
    words.join(" ")
}

/// A Rupiah amount with its words, as a budget document writes it: "Rp3.024.000.000 (tiga
/// miliar dua puluh empat juta rupiah)". Rounded to the Rupiah; a negative amount is written
/// "minus".
pub fn rupiah_with_words(amount: i64, lang: Lang) -> String {
    let words = number_in_words(amount.unsigned_abs(), lang);
    let sign = if amount < 0 { "minus " } else { "" };
    format!(
        "{} ({sign}{words} rupiah)",
        format::rupiah(amount as f64, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_words_follow_the_terbilang_rules() {
        let id = |n| number_in_words(n, Lang::Id);
        assert_eq!(id(0), "nol");
        assert_eq!(id(11), "sebelas");
        assert_eq!(id(19), "sembilan belas");
        assert_eq!(id(100), "seratus");
        assert_eq!(id(1_000), "seribu");
        assert_eq!(id(1_100), "seribu seratus");
        assert_eq!(id(16_800), "enam belas ribu delapan ratus");
        assert_eq!(id(1_000_000), "satu juta");
        assert_eq!(id(42_000_000), "empat puluh dua juta");
        assert_eq!(id(201_600), "dua ratus satu ribu enam ratus");
        assert_eq!(id(3_024_000_000), "tiga miliar dua puluh empat juta");
        assert_eq!(id(1_000_000_000_000), "satu triliun");
    }

    #[test]
    fn a_budget_amount_is_written_with_its_words() {
        // The example: Rp3.024.000.000.
        assert_eq!(
            rupiah_with_words(3_024_000_000, Lang::Id),
            "Rp3.024.000.000 (tiga miliar dua puluh empat juta rupiah)"
        );
        assert_eq!(
            rupiah_with_words(3_024_000_000, Lang::En),
            "Rp3,024,000,000 (three billion twenty-four million rupiah)"
        );
        assert_eq!(
            number_in_words(115_016, Lang::En),
            "one hundred fifteen thousand sixteen"
        );
    }
}

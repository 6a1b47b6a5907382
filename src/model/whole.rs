//! Rounding to whole workers and whole Rupiah.

/// `x` to the nearest whole number, halves away from zero, as `x.round() as i64` gives it
/// (held at the `i64` range, NaN as 0), without the library call `f64::round` makes on
/// processors older than SSE4.1, which every projection year makes several times.
pub fn nearest(x: f64) -> i64 {
    // 2^52: from here on every f64 is already whole.
    const WHOLE_FROM: f64 = 4_503_599_627_370_496.0;
    if x.is_nan() || x.abs() >= WHOLE_FROM {
        return x as i64;
    }
    let truncated = x as i64;
    // Exact: `x` and its whole part are within 2^52 of each other and of zero.
    let fraction = x - truncated as f64;
    // Without branches: which way a fraction rounds is as good as random to the processor.
    truncated + i64::from(fraction >= 0.5) - i64::from(fraction <= -0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rounds_as_the_standard_library_does() {
        // Halves go away from zero; the largest f64 below ½ stays 0 (adding ½ and cutting
        // off would give 1); the range's ends and NaN are held as `as i64` holds them.
        let cases = [
            (0.5, 1),
            (1.5, 2),
            (2.5, 3),
            (-0.5, -1),
            (-2.5, -3),
            (0.499_999_999_999_999_94, 0),
            (-0.499_999_999_999_999_94, 0),
            (4_503_599_627_370_495.5, 4_503_599_627_370_496),
            (9_007_199_254_740_993.0, 9_007_199_254_740_992),
            (1e300, i64::MAX),
            (f64::NEG_INFINITY, i64::MIN),
            (f64::NAN, 0),
        ];
        for (x, whole) in cases {
            assert_eq!(nearest(x), whole, "{x}");
            assert_eq!(nearest(x), x.round() as i64, "{x}");
        }
        // And for a spread of values around every power of two.
        for exponent in -3..64 {
            let base = 2f64.powi(exponent);
            for x in [base, base - 0.5, base + 0.5, base * 1.5, base / 3.0] {
                for x in [x, -x, x.next_up(), x.next_down()] {
                    assert_eq!(nearest(x), x.round() as i64, "{x}");
                }
            }
        }
    }
}

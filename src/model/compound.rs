//! Compound growth over whole years.

/// Whole-year powers of one growth factor: exactly what `f64::powi` gives (the same
/// squarings and products, in the same order, as the compiler's runtime `__powidf2` makes
/// them), with the squarings made once, and without a library call or a branch on each bit
/// of the exponent, which changes from one projection year to the next so the processor
/// keeps guessing it wrong (a region makes four such powers a year).
#[derive(Clone, Copy, Debug)]
pub struct Compound {
    /// factor^(2^k) for k = 0, 1, …
    squares: [f64; STEPS],
}

/// Exponents below 2^STEPS (every horizon year from any base year of the inputs) take
/// `STEPS` products; others are left to the library.
const STEPS: usize = 7;

impl Compound {
    pub fn new(factor: f64) -> Self {
        let mut squares = [factor; STEPS];
        for k in 1..STEPS {
            squares[k] = squares[k - 1] * squares[k - 1];
        }
        Self { squares }
    }

    /// Growth by `growth_pct` percent a year: the factor `1 + growth_pct / 100`.
    pub fn of_pct(growth_pct: f64) -> Self {
        Self::new(1.0 + growth_pct / 100.0)
    }

    /// The factor to the power `years`.
    pub fn at(&self, years: i32) -> f64 {
        let mut bits = years.unsigned_abs();
        if bits >= 1 << STEPS {
            return self.squares[0].powi(years);
        }
        // The product takes the squares whose bit is set, in that order; a factor of exactly
        // 1 for the others changes nothing. It stops after the highest bit (how many bits there
        // are changes seldom from one year to the next, so that is guessed right).
        let mut product = 1.0;
        for square in self.squares {
            if bits == 0 {
                break;
            }
            product *= if bits & 1 == 1 { square } else { 1.0 };
            bits >>= 1;
        }
        if years < 0 { 1.0 / product } else { product }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_growth_is_powi_to_the_last_bit() {
        // 1,03^2 = 1,0609 and 1,5^-1 = 0,666…: the hand values, then the library's own.
        assert!((Compound::of_pct(3.0).at(2) - 1.0609).abs() < 1e-15);
        assert!((Compound::new(1.5).at(-1) - 2.0 / 3.0).abs() < 1e-15);
        assert_eq!(Compound::new(1.1).at(0), 1.0);
        // Bit for bit as `powi` for growth from -50% to +100% and every exponent, the long
        // ones (past 2^7) included.
        for pct in [-50.0, -12.5, -0.1, 0.0, 1.0, 1.5, 3.0, 7.3, 33.3, 100.0] {
            let factor = 1.0 + pct / 100.0;
            let compound = Compound::new(factor);
            for years in (-300..=300).chain([i32::MIN, i32::MAX]) {
                assert_eq!(
                    compound.at(years).to_bits(),
                    factor.powi(years).to_bits(),
                    "{factor}^{years}"
                );
            }
        }
    }
}

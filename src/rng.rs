//! A tiny deterministic PRNG (`SplitMix64`) and seed derivation, for the demo feed's generator
//! and the poller's jitter. A leaf: depends on nothing in the crate.
//!
//! Hand-written so the demo feed stays byte-for-byte reproducible across builds and platforms:
//! no external crate whose stream could change. The generator draws integers only (no
//! floating point); [`SplitMix64::unit`] is for the jitter, which needs no reproducibility.

/// `SplitMix64` (Steele, Lea, Flood 2014): one `u64` of state, good enough statistics for demo
/// data, and trivially seekable by deriving a fresh stream per (domain, index).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl SplitMix64 {
    /// The reference generator started at `seed` (any value, zero included).
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// An independent stream for item `index` of `domain`, so any item can be generated on its
    /// own without replaying the ones before it.
    pub fn stream(seed: u64, domain: u64, index: u64) -> Self {
        let a = finalize(seed ^ GOLDEN);
        let b = finalize(a ^ domain.wrapping_mul(GOLDEN));
        Self(finalize(
            b ^ index.wrapping_add(1).wrapping_mul(0xD1B5_4A32_D192_ED03),
        ))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        finalize(self.0)
    }

    /// Uniform in `0..n` (`0` when `n == 0`), by the multiply-high method.
    pub fn below(&mut self, n: u64) -> u64 {
        let wide = u128::from(self.next_u64()) * u128::from(n);
        u64::try_from(wide >> 64).unwrap_or(0)
    }

    /// Uniform in `lo..=hi`; `lo` when the range is empty.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        lo.saturating_add_unsigned(self.below(span))
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// An index into `weights`, drawn in proportion to them (0 for an empty or all-zero slice).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut roll = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if roll < u64::from(w) {
                return i;
            }
            roll -= u64::from(w);
        }
        0
    }

    /// An index into a slice of length `len` (0 when `len == 0`).
    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }

    /// Uniform in `[0, 1)`, from the top 53 bits of one draw.
    pub fn unit(&mut self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "53 bits fit an f64 exactly")]
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        unit
    }
}

#[cfg(test)]
mod tests {
    use super::SplitMix64;

    #[test]
    fn known_answer_matches_the_reference_splitmix64() {
        // Reference values for seed 1234567 from the original C implementation.
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4)
            .map(|_| SplitMix64::stream(7, 1, 42).next_u64())
            .collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            SplitMix64::stream(7, 1, 42).next_u64(),
            SplitMix64::stream(7, 1, 43).next_u64()
        );
        assert_ne!(
            SplitMix64::stream(7, 1, 42).next_u64(),
            SplitMix64::stream(7, 2, 42).next_u64()
        );
    }

    #[test]
    fn bounded_draws_stay_in_range() {
        let mut rng = SplitMix64::new(9);
        for _ in 0..10_000 {
            assert!(rng.below(7) < 7);
            let v = rng.between(-3, 5);
            assert!((-3..=5).contains(&v));
            assert!(rng.weighted(&[0, 5, 0, 1]) % 2 == 1);
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.between(4, 4), 4);
    }

    #[test]
    fn unit_draws_are_uniform_enough_and_in_range() {
        let mut rng = SplitMix64::new(42);
        let draws: Vec<f64> = (0..10_000).map(|_| rng.unit()).collect();
        assert!(draws.iter().all(|u| (0.0..1.0).contains(u)));
        let low = draws.iter().filter(|u| **u < 0.5).count();
        assert!((4_500..5_500).contains(&low), "{low}");
        let tenth = draws.iter().filter(|u| **u < 0.1).count();
        assert!((800..1_200).contains(&tenth), "{tenth}");
    }
}

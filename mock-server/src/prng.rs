//! The one source of randomness in the crate: a counter-based generator (splitmix64).
//!
//! Everything "random" the mock server does must be the same on every run and every machine:
//! the generated posts and users, the jitter drawn for request number 17, whether request
//! number 42 falls in a 10% failure share. A counter-based generator gives exactly that: the
//! value for a given (seed, stream, index) is a pure function of those numbers, so no state is
//! shared between requests and the order in which things are generated does not matter.

/// The golden-ratio increment splitmix64 adds to its counter between outputs.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// splitmix64's output function: scrambles its counter into a well-mixed number.
fn finalise(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Scrambles one 64-bit value into another, well-mixed one: one splitmix64 step from `value`.
/// (The step adds the gamma first, so that 0 does not map to 0.)
pub(crate) fn mix(value: u64) -> u64 {
    finalise(value.wrapping_add(GOLDEN_GAMMA))
}

/// One well-mixed number for a tuple of inputs, such as `(seed, stream, request index)`.
///
/// Each part goes through [`mix`] before the next is folded in, so `[1, 2]` and `[2, 1]`
/// give unrelated results.
pub(crate) fn hash(parts: &[u64]) -> u64 {
    parts.iter().fold(0, |acc, &part| mix(acc ^ mix(part)))
}

/// One well-mixed number for a text, such as a request's path: its length, then its bytes
/// eight at a time, folded in as [`hash`] folds its parts. Written out rather than taken from
/// `std`, whose hasher may change between Rust releases: the number decides which requests
/// fail, and a seed must fail the same ones with every toolchain.
pub(crate) fn hash_text(text: &str) -> u64 {
    text.as_bytes()
        .chunks(8)
        .fold(mix(text.len() as u64), |acc, chunk| {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            mix(acc ^ mix(u64::from_le_bytes(word)))
        })
}

/// A number in `0.0..1.0` from the top 53 bits of `bits` (all an `f64` mantissa can hold).
pub(crate) fn unit_interval(bits: u64) -> f64 {
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// A sequence of numbers from one starting point: the data generator keeps one per item, so
/// that post 7's text does not depend on how much text post 6 used. Exported as
/// `mock_server::SeededRng` for tests that draw seeded scenarios (ids, delays, faults): the same
/// seed gives the same scenario on every machine, so a failure reproduces.
pub struct Rng {
    counter: u64,
}

impl Rng {
    /// A generator whose whole sequence is determined by `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng { counter: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.counter = self.counter.wrapping_add(GOLDEN_GAMMA);
        finalise(self.counter)
    }

    /// A number in `low..=high`. The modulo bias is far too small to matter for filler data.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, choices: &[T]) -> T {
        choices[self.between(0, choices.len() as u64 - 1) as usize]
    }

    /// The elements of `items` in a random order (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for last in (1..items.len()).rev() {
            let other = self.between(0, last as u64) as usize;
            items.swap(last, other);
        }
    }

    /// `true` with probability `probability`.
    pub fn chance(&mut self, probability: f64) -> bool {
        unit_interval(self.next_u64()) < probability
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generator is a pure function of its seed: pinning a value here catches any change
    /// that would silently change the generated data for everyone.
    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let first: Vec<u64> = {
            let mut rng = Rng::new(7);
            (0..4).map(|_| rng.next_u64()).collect()
        };
        let again: Vec<u64> = {
            let mut rng = Rng::new(7);
            (0..4).map(|_| rng.next_u64()).collect()
        };
        assert_eq!(first, again);
        // splitmix64's published first output for seed 0.
        assert_eq!(Rng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    /// Texts that differ anywhere, in length only, or only in their order hash apart; the same
    /// text hashes the same, and a pinned value catches a change that would move every
    /// seeded per-path fault.
    #[test]
    fn hash_text_tells_texts_apart_and_never_changes() {
        let texts = [
            "",
            "/",
            "/posts/1",
            "/posts/10",
            "/posts/01",
            "/posts/1\0",
            "/stsop/1",
        ];
        let hashes: Vec<u64> = texts.iter().map(|text| hash_text(text)).collect();
        for (i, a) in hashes.iter().enumerate() {
            for b in &hashes[i + 1..] {
                assert_ne!(a, b, "{texts:?} gave {hashes:x?}");
            }
        }
        assert_eq!(hash_text("/posts/1"), hash_text("/posts/1"));
        assert_eq!(hash_text("/posts/1"), 0xFD13_53BD_39F3_0D9A);
    }

    #[test]
    fn unit_interval_stays_below_one() {
        assert!(unit_interval(u64::MAX) < 1.0);
        assert_eq!(unit_interval(0), 0.0);
    }
}

//! A small seeded random number generator: xoshiro256** seeded through
//! SplitMix64, with uniform and standard normal draws. No crates: the stream
//! is fixed by this file alone, so a seed gives the same integers on every
//! platform (normal draws go through `ln`, `sin` and `cos`, whose last bit
//! may differ between C libraries). The synthetic data of the demo and the
//! simulated limits of the slope index of inequality both draw from it.

/// SplitMix64: expands one `u64` into well-mixed words (seeding only).
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** with uniform and standard normal draws.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    s: [u64; 4],
    /// The second normal of the last Box–Muller pair.
    spare: Option<f64>,
}

impl Rng {
    /// A generator for `seed`, its stream told apart by `stream` (one per
    /// table, so that each table depends on the seed only, not on the
    /// tables generated before it).
    pub(crate) fn new(seed: u64, stream: &str) -> Self {
        let mut state = seed;
        for b in stream.bytes() {
            state = splitmix64(&mut state) ^ u64::from(b);
        }
        let mut s = [0u64; 4];
        for w in &mut s {
            *w = splitmix64(&mut state);
        }
        if s == [0; 4] {
            s[0] = 1;
        }
        Rng { s, spare: None }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform on [0, 1).
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Standard normal (Box–Muller, both values used).
    pub(crate) fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let u1 = 1.0 - self.uniform(); // (0, 1]
        let u2 = self.uniform();
        let r = (-2.0 * u1.ln()).sqrt();
        let theta = 2.0 * std::f64::consts::PI * u2;
        self.spare = Some(r * theta.sin());
        r * theta.cos()
    }
}

//! The distributions the synthetic data's generators need, on the crate's
//! seeded generator (`stats::rng`: xoshiro256** seeded through SplitMix64),
//! so that a seed gives the same data on every platform and polars version.

pub(crate) use crate::stats::Rng;

/// The generators' distributions, beside the uniform and normal draws of
/// [`Rng`] itself.
impl Rng {
    /// Uniform on `lo..=hi` (integers; `lo` when `hi < lo`).
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        // Multiply-shift: unbiased enough for spans far below 2^32.
        lo + ((u128::from(self.next_u64()) * u128::from(span)) >> 64) as i64
    }

    /// An index below `n` (0 when `n` is 0).
    pub fn index(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.int(0, n as i64 - 1) as usize
        }
    }

    /// True with probability `p`.
    pub fn bernoulli(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Lognormal with this median and log-scale standard deviation.
    pub fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * (sigma * self.normal()).exp()
    }

    /// Poisson with mean `lambda`: inversion below 30, else the normal
    /// approximation (rounded, at least 0).
    pub fn poisson(&mut self, lambda: f64) -> u64 {
        if lambda.is_nan() || lambda <= 0.0 || !lambda.is_finite() {
            return 0;
        }
        if lambda < 30.0 {
            let u = self.uniform();
            let mut p = (-lambda).exp();
            let mut cdf = p;
            let mut k = 0u64;
            while u > cdf && k < 1000 {
                k += 1;
                p *= lambda / k as f64;
                cdf += p;
            }
            k
        } else {
            (lambda + lambda.sqrt() * self.normal()).round().max(0.0) as u64
        }
    }

    /// An index drawn with these (non-negative) weights; linear, for short lists.
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut u = self.uniform() * total;
        for (i, w) in weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// One of `items`, drawn with their weights (the default of `T` when empty).
    pub fn pick<T: Copy + Default>(&mut self, items: &[(T, f64)]) -> T {
        let total: f64 = items.iter().map(|(_, w)| w).sum();
        let mut u = self.uniform() * total;
        for (item, w) in items {
            if u < *w {
                return *item;
            }
            u -= w;
        }
        items.last().map(|(item, _)| *item).unwrap_or_default()
    }

    /// A day number uniformly in `from..=to`.
    pub fn day(&mut self, from: i32, to: i32) -> i32 {
        self.int(i64::from(from), i64::from(to)) as i32
    }
}

/// Weighted sampling over many items in constant time (Vose's alias method).
#[derive(Debug, Clone)]
pub(crate) struct Weighted {
    /// The chance of keeping each column's own item.
    keep: Vec<f64>,
    /// The other item of each column.
    alias: Vec<usize>,
}

impl Weighted {
    /// From non-negative weights (all zero or none: every draw is index 0).
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let weights: Vec<f64> = weights
            .into_iter()
            .map(|w| if w.is_finite() { w.max(0.0) } else { 0.0 })
            .collect();
        let n = weights.len();
        let total: f64 = weights.iter().sum();
        if n == 0 || total <= 0.0 {
            return Weighted {
                keep: vec![1.0; n.max(1)],
                alias: vec![0; n.max(1)],
            };
        }
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        let mut keep = vec![1.0; n];
        let mut alias: Vec<usize> = (0..n).collect();
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        // Left over by rounding: items of weight zero must never be drawn.
        let heaviest = (0..n).fold(0, |m, i| if weights[i] > weights[m] { i } else { m });
        for i in small.into_iter().chain(large) {
            if weights[i] == 0.0 {
                keep[i] = 0.0;
                alias[i] = heaviest;
            }
        }
        Weighted { keep, alias }
    }

    /// An index drawn with the weights.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let i = rng.index(self.keep.len());
        if rng.uniform() < self.keep[i] {
            i
        } else {
            self.alias[i]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_streams_differ() {
        let mut a = Rng::new(7, "x");
        let mut b = Rng::new(7, "x");
        let mut c = Rng::new(7, "y");
        let mut d = Rng::new(8, "x");
        let va: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let vb: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        let vc: Vec<u64> = (0..5).map(|_| c.next_u64()).collect();
        let vd: Vec<u64> = (0..5).map(|_| d.next_u64()).collect();
        assert_eq!(va, vb);
        assert_ne!(va, vc);
        assert_ne!(va, vd);
    }

    #[test]
    fn distributions_have_their_means() {
        let mut r = Rng::new(1, "t");
        let n = 20_000;
        let mean = |v: Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
        let u = mean((0..n).map(|_| r.uniform()).collect());
        assert!((u - 0.5).abs() < 0.01, "{u}");
        let z = mean((0..n).map(|_| r.normal()).collect());
        assert!(z.abs() < 0.03, "{z}");
        for lambda in [0.3, 4.0, 80.0] {
            let p = mean((0..n).map(|_| r.poisson(lambda) as f64).collect());
            assert!((p - lambda).abs() < 0.03 * lambda + 0.02, "{lambda}: {p}");
        }
        let b = mean(
            (0..n)
                .map(|_| f64::from(u8::from(r.bernoulli(0.2))))
                .collect(),
        );
        assert!((b - 0.2).abs() < 0.01, "{b}");
        let w = Weighted::new([1.0, 0.0, 3.0]);
        let hits = (0..n).filter(|_| w.sample(&mut r) == 2).count() as f64 / n as f64;
        assert!((hits - 0.75).abs() < 0.015, "{hits}");
        assert!((0..n).all(|_| w.sample(&mut r) != 1));
        assert!((0..1000).all(|_| (3..=5).contains(&r.int(3, 5))));
    }
}

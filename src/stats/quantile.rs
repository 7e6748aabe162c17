//! Assigning areas to quantiles of their values (deciles, quintiles, …) by
//! the rule of the English public-health platform.

/// The quantile (1…`n`) of each value among the values given, `None` for a
/// missing value, and `None` throughout when fewer values than `n` are
/// present.
///
/// # Method
/// With `N` present values ranked from 1 (ties take the lowest rank of
/// their tie, R's `ties.method = "min"`), the quantile is
/// `⌊(n + 1) − ⌈((N + 1) − rank) / (N/n)⌉⌋`, raised to 1 where it is 0
/// (PHEindicatormethods `phe_quantile`; OHID's *Assigning deprivation
/// categories*). Ranks run from the lowest value up, so quantile 1 holds the
/// lowest values; with `invert` they run from the highest value down, so
/// quantile 1 holds the highest values (the reference's default, for
/// indicators where low is good). Tied values always share a quantile.
/// NaN counts as missing.
///
/// # Example
/// ```
/// use indikator::stats::assign_quantiles;
/// let values = [Some(3.0), Some(1.0), None, Some(2.0), Some(2.0)];
/// assert_eq!(assign_quantiles(&values, 2, false), vec![Some(2), Some(1), None, Some(1), Some(1)]);
/// assert_eq!(assign_quantiles(&values, 2, true), vec![Some(1), Some(2), None, Some(1), Some(1)]);
/// assert_eq!(assign_quantiles(&values, 5, false), vec![None; 5]);
/// ```
///
/// # References
/// Office for Health Improvement and Disparities, *Technical guide:
/// assigning deprivation categories*, Fingertips public-health methods.
pub fn assign_quantiles(values: &[Option<f64>], n: u32, invert: bool) -> Vec<Option<u32>> {
    let keyed: Vec<Option<f64>> = values
        .iter()
        .map(|v| {
            v.filter(|x| !x.is_nan())
                .map(|x| if invert { -x } else { x })
        })
        .collect();
    let mut sorted: Vec<f64> = keyed.iter().flatten().copied().collect();
    let count = sorted.len();
    if n == 0 || count < n as usize {
        return vec![None; values.len()];
    }
    sorted.sort_by(f64::total_cmp);
    let (n, count) = (f64::from(n), count as f64);
    keyed
        .iter()
        .map(|v| {
            v.map(|x| {
                // The lowest rank of the tie: 1 + the number of values below.
                let rank = sorted.partition_point(|s| *s < x) as f64 + 1.0;
                let q = ((n + 1.0) - (((count + 1.0) - rank) / (count / n)).ceil()).floor();
                q.max(1.0) as u32
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_distinct_values_make_ten_deciles() {
        let values: Vec<Option<f64>> = (1..=10).map(|i| Some(f64::from(i))).collect();
        let want: Vec<Option<u32>> = (1..=10).map(Some).collect();
        assert_eq!(assign_quantiles(&values, 10, false), want);
        let reversed: Vec<Option<u32>> = (1..=10).rev().map(Some).collect();
        assert_eq!(assign_quantiles(&values, 10, true), reversed);
    }

    #[test]
    fn ties_share_the_quantile_of_their_lowest_rank() {
        // The reference's duplicated-values case (testdata_Quantiles, 11111Female).
        let values = [
            182.71, 175.99, 169.27, 169.27, 155.83, 149.11, 142.39, 135.67, 128.95, 121.4, 108.9,
            108.9, 101.6,
        ]
        .map(Some);
        let got = assign_quantiles(&values, 10, true);
        let want = [1, 1, 2, 2, 4, 4, 5, 6, 7, 7, 8, 8, 10].map(Some);
        assert_eq!(got, want);
    }

    #[test]
    fn missing_and_nan_values_are_left_out() {
        let values = [Some(1.0), Some(f64::NAN), None, Some(2.0)];
        assert_eq!(
            assign_quantiles(&values, 2, false),
            vec![Some(1), None, None, Some(2)]
        );
        assert_eq!(assign_quantiles(&values, 0, false), vec![None; 4]);
    }
}

//! Doctors' visits at home and in special housing (hembesök, SÄBO): some of
//! the physicians' in-person visits, marked from a stream of their own so
//! that the visits themselves (and every continuity figure) stay as they
//! are. The share rises over the years, as the primary-care plan asks.

use super::dates::FIRST_YEAR;
use super::rng::Rng;

/// The contact type of a visit at home or in special housing.
pub(crate) const HOME_VISIT: &str = "hembesök";

/// The share of a physician's in-person visits made at home in a year:
/// 0.6 % in 2019, 0.15 points more each year.
fn home_share(year: i32) -> f64 {
    0.006 + 0.0015 * f64::from((year - FIRST_YEAR).max(0))
}

/// Which of the physicians' in-person visits (`besök`), taken in the
/// order of the visits table, were made at home: one draw of its own
/// stream per such visit, so that nothing else of the visits changes.
pub(crate) struct HomeVisits {
    rng: Rng,
}

impl HomeVisits {
    /// The stream of `seed`.
    pub fn new(seed: u64) -> Self {
        HomeVisits {
            rng: Rng::new(seed, "home-visits"),
        }
    }

    /// Whether the next physician's in-person visit, made in `year`, was at home.
    pub fn at_home(&mut self, year: i32) -> bool {
        self.rng.bernoulli(home_share(year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_physicians_visits_are_at_home_more_each_year() {
        let mut home = HomeVisits::new(1);
        let count =
            |home: &mut HomeVisits, year| (0..20_000).filter(|_| home.at_home(year)).count();
        let (early, late) = (count(&mut home, 2019), count(&mut home, 2025));
        assert!((70..170).contains(&early), "{early}");
        assert!((220..380).contains(&late), "{late}");
    }
}

//! Doctors' visits at home and in special housing (hembesök, SÄBO): some of
//! the physicians' in-person visits, marked from a stream of their own so
//! that the visits themselves (and every continuity figure) stay as they
//! are. The share rises over the years, as the primary-care plan asks.

use polars::prelude::*;

use super::dates::FIRST_YEAR;
use super::rng::Rng;

/// The contact type of a visit at home or in special housing.
pub(crate) const HOME_VISIT: &str = "hembesök";

/// The share of a physician's in-person visits made at home in a year:
/// 0.6 % in 2019, 0.15 points more each year.
fn home_share(year: i32) -> f64 {
    0.006 + 0.0015 * f64::from((year - FIRST_YEAR).max(0))
}

/// The visits with some physicians' in-person visits (`besök`) marked as
/// [`HOME_VISIT`] in `contact_type`.
pub(crate) fn mark(seed: u64, visits: DataFrame) -> crate::Result<DataFrame> {
    let mut rng = Rng::new(seed, "home-visits");
    let profession = visits.column("profession")?.str()?.clone();
    let contact = visits.column("contact_type")?.str()?.clone();
    let years = visits
        .column("date")?
        .date()?
        .as_date_iter()
        .map(|d| d.map_or(FIRST_YEAR, |d| chrono::Datelike::year(&d)))
        .collect::<Vec<_>>();
    let marked: StringChunked = profession
        .iter()
        .zip(contact.iter())
        .zip(years)
        .map(|((p, c), year)| match (p, c) {
            (Some("läkare"), Some("besök")) if rng.bernoulli(home_share(year)) => {
                Some(HOME_VISIT)
            }
            (_, c) => c,
        })
        .collect();
    let mut visits = visits;
    visits.with_column(marked.with_name("contact_type".into()).into_column())?;
    Ok(visits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_physicians_visits_are_at_home_more_each_year() {
        let visits = df!(
            "profession" => vec!["läkare"; 40_000].into_iter().chain(["sjuksköterska"; 1000]).collect::<Vec<_>>(),
            "contact_type" => vec!["besök"; 41_000],
            "date" => (0..41_000).map(|i| chrono::NaiveDate::from_ymd_opt(if i % 2 == 0 { 2019 } else { 2025 }, 3, 1).unwrap()).collect::<Vec<_>>(),
        )
        .unwrap();
        let marked = mark(1, visits).unwrap();
        let contact = marked.column("contact_type").unwrap().str().unwrap();
        let home = |parity: usize| {
            (0..40_000)
                .filter(|i| i % 2 == parity && contact.get(*i) == Some(HOME_VISIT))
                .count()
        };
        let (early, late) = (home(0), home(1));
        assert!((70..170).contains(&early), "{early}");
        assert!((220..380).contains(&late), "{late}");
        assert!((40_000..41_000).all(|i| contact.get(i) == Some("besök")));
    }
}

//! The age bands of one group as a life table: read, ordered, checked to
//! follow one another from age 0 to an open band, and cut at the top age.

use super::super::ages::{band_label, band_or_year, Ages};
use crate::error::{Error, Result};

/// One age band of a group with its summed deaths and population.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Band {
    /// First and last age (inclusive); `None` for the open band.
    pub ages: Ages,
    /// Deaths summed over the band's rows (`None` if one was missing).
    pub deaths: Option<f64>,
    /// Population summed over the band's rows (`None` if one was missing).
    pub population: Option<f64>,
    /// Whether a row of the band had negative deaths.
    pub negative_deaths: bool,
    /// Whether a row of the band had a negative population.
    pub negative_population: bool,
}

impl Band {
    /// The width in years of a closed band.
    pub fn width(&self) -> f64 {
        match self.ages {
            (from, Some(to)) => f64::from(to - from + 1),
            (_, None) => f64::INFINITY,
        }
    }
}

/// How the age column gives the bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AgeForm {
    /// Start ages (integers, or labels that are all plain integers): each
    /// band runs to the next start, the last is open.
    Starts,
    /// Labels with their ends: "0", "1-4", "90+".
    Labels,
}

/// The form of an age column's labels: start ages when no label has a
/// `-`, `–` or `+`.
pub(super) fn label_form(labels: &[String]) -> AgeForm {
    if labels.iter().any(|l| l.contains(['-', '–', '+'])) {
        AgeForm::Labels
    } else {
        AgeForm::Starts
    }
}

/// The ages of one label, or an error naming the labels that do not read as ages.
pub(super) fn read_ages(labels: &[String], form: AgeForm, column: &str) -> Result<Vec<Ages>> {
    let read = |l: &String| match form {
        AgeForm::Starts => l.trim().parse::<u32>().ok().map(|a| (a, None)),
        AgeForm::Labels => band_or_year(l),
    };
    let ages: Vec<Option<Ages>> = labels.iter().map(read).collect();
    let mut bad: Vec<&str> = labels
        .iter()
        .zip(&ages)
        .filter(|(_, a)| a.is_none())
        .map(|(l, _)| l.as_str())
        .collect();
    if bad.is_empty() {
        return Ok(ages.into_iter().flatten().collect());
    }
    bad.sort_unstable();
    bad.dedup();
    Err(Error::AgeBands {
        column: column.to_string(),
        problem: "cannot be read as ages (write start ages 0, 1, 5, …, or bands \"0\", \"1-4\", \
                  \"90+\")"
            .into(),
        bands: bad.join(", "),
        location: String::new(),
    })
}

fn not_a_table(column: &str, problem: &str, bands: String, location: &str) -> Error {
    Error::AgeBands {
        column: column.to_string(),
        problem: format!("do not form a life table: {problem}"),
        bands,
        location: location.to_string(),
    }
}

/// Order the bands of one group and check that they form a life table:
/// from age 0, each band starting where the one before ends, the last one
/// open. With start ages each band ends where the next starts.
pub(super) fn life_table_bands(
    mut bands: Vec<Band>,
    form: AgeForm,
    column: &str,
    location: &str,
) -> Result<Vec<Band>> {
    bands.sort_by_key(|b| (b.ages.0, b.ages.1.map_or(u64::MAX, u64::from)));
    if form == AgeForm::Starts {
        let starts: Vec<u32> = bands.iter().map(|b| b.ages.0).collect();
        if let Some(twice) = starts.windows(2).find(|w| w[0] == w[1]) {
            let shown = format!("{0} and {0}", twice[0]);
            return Err(not_a_table(column, "overlapping bands", shown, location));
        }
        for (i, band) in bands.iter_mut().enumerate() {
            band.ages.1 = starts.get(i + 1).map(|next| next - 1);
        }
    }
    let shown = |b: &Band| band_label(b.ages);
    let Some(first) = bands.first() else {
        return Err(not_a_table(column, "no bands", String::new(), location));
    };
    if first.ages.0 != 0 {
        let problem = "the first band must start at age 0";
        return Err(not_a_table(column, problem, shown(first), location));
    }
    for pair in bands.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let pair_shown = format!("{} and {}", shown(a), shown(b));
        match a.ages.1 {
            None => {
                let problem = "only the last band may be open";
                return Err(not_a_table(column, problem, pair_shown, location));
            }
            Some(end) if end + 1 < b.ages.0 => {
                return Err(not_a_table(column, "a gap between", pair_shown, location));
            }
            Some(end) if end + 1 > b.ages.0 => {
                let problem = "overlapping bands";
                return Err(not_a_table(column, problem, pair_shown, location));
            }
            Some(_) => {}
        }
    }
    let last = &bands[bands.len() - 1];
    if last.ages.1.is_some() {
        let problem = "the last band must be open, such as \"90+\"";
        return Err(not_a_table(column, problem, shown(last), location));
    }
    Ok(bands)
}

/// Merge the bands from `top` up into one open band ("85+").
pub(super) fn open_from(
    bands: Vec<Band>,
    top: u32,
    column: &str,
    location: &str,
) -> Result<Vec<Band>> {
    let Some(at) = bands.iter().position(|b| b.ages.0 == top) else {
        let starts: Vec<String> = bands.iter().map(|b| b.ages.0.to_string()).collect();
        return Err(Error::AgeBands {
            column: column.to_string(),
            problem: format!(
                "no band starts at {top}, the age the open band should start at (the bands start at)"
            ),
            bands: starts.join(", "),
            location: location.to_string(),
        });
    };
    let mut kept: Vec<Band> = bands[..at].to_vec();
    let merged = bands[at..].iter().fold(
        Band {
            ages: (top, None),
            deaths: Some(0.0),
            population: Some(0.0),
            negative_deaths: false,
            negative_population: false,
        },
        |acc, b| Band {
            ages: acc.ages,
            deaths: acc.deaths.zip(b.deaths).map(|(x, y)| x + y),
            population: acc.population.zip(b.population).map(|(x, y)| x + y),
            negative_deaths: acc.negative_deaths || b.negative_deaths,
            negative_population: acc.negative_population || b.negative_population,
        },
    );
    kept.push(merged);
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(from: u32, to: Option<u32>) -> Band {
        Band {
            ages: (from, to),
            deaths: Some(1.0),
            population: Some(100.0),
            negative_deaths: false,
            negative_population: false,
        }
    }

    fn check(bands: Vec<Band>, form: AgeForm) -> std::result::Result<Vec<Ages>, String> {
        life_table_bands(bands, form, "age", "")
            .map(|b| b.iter().map(|b| b.ages).collect())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn start_ages_run_to_the_next_start() {
        let bands = vec![band(5, None), band(0, None), band(1, None)];
        assert_eq!(
            check(bands, AgeForm::Starts).unwrap(),
            [(0, Some(0)), (1, Some(4)), (5, None)]
        );
    }

    #[test]
    fn labels_must_follow_one_another_to_an_open_band() {
        let ok = vec![band(0, Some(0)), band(1, Some(4)), band(5, None)];
        assert!(check(ok, AgeForm::Labels).is_ok());
        let gap = vec![band(0, Some(0)), band(5, None)];
        assert_eq!(
            check(gap, AgeForm::Labels).unwrap_err(),
            "age bands in `age`: do not form a life table: a gap between: 0 and 5+"
        );
        let overlap = vec![band(0, Some(4)), band(3, Some(9)), band(10, None)];
        assert_eq!(
            check(overlap, AgeForm::Labels).unwrap_err(),
            "age bands in `age`: do not form a life table: overlapping bands: 0-4 and 3-9"
        );
        let closed = vec![band(0, Some(4)), band(5, Some(9))];
        assert_eq!(
            check(closed, AgeForm::Labels).unwrap_err(),
            "age bands in `age`: do not form a life table: the last band must be open, such as \"90+\": 5-9"
        );
        let late = vec![band(1, Some(4)), band(5, None)];
        assert!(check(late, AgeForm::Labels)
            .unwrap_err()
            .contains("the first band must start at age 0: 1-4"));
        let two_open = vec![band(0, Some(4)), band(5, None), band(10, Some(14))];
        assert!(check(two_open, AgeForm::Labels)
            .unwrap_err()
            .contains("only the last band may be open: 5+ and 10-14"));
        let twice = vec![band(0, None), band(1, None), band(1, None)];
        assert!(check(twice, AgeForm::Starts)
            .unwrap_err()
            .contains("overlapping bands: 1 and 1"));
    }

    #[test]
    fn the_top_bands_merge_into_one_open_band() {
        let bands = vec![
            band(0, Some(79)),
            band(80, Some(84)),
            band(85, Some(89)),
            band(90, None),
        ];
        let merged = open_from(bands.clone(), 85, "age", "").unwrap();
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[2].ages, (85, None));
        assert_eq!(merged[2].deaths, Some(2.0));
        assert_eq!(merged[2].population, Some(200.0));
        let err = open_from(bands, 82, "age", "in group sex=K").unwrap_err();
        assert_eq!(
            err.to_string(),
            "age bands in `age`: no band starts at 82, the age the open band should start at \
             (the bands start at): 0, 80, 85, 90 in group sex=K"
        );
    }
}

//! The synthetic answers of the reported file ([`REPORTED_FILE`]): every
//! row of the shipped catalogue's template for the demo's report period
//! (January–August 2024) and for the same period a year earlier, filled
//! from a stream of its own. Yes/no answers with a status, statuses,
//! numbers near their target, the ratings of the factors rated by hand
//! with a comment; a few rows left empty (ej rapporterat), and yearly
//! measures unanswered in the delår (mäts vid årets slut). The workbook and
//! every comment say the answers are synthetic.

use chrono::NaiveDate;

use super::rng::Rng;
use crate::assess::{Rating, Target};
use crate::catalog::{Catalog, FactorRating, Frequency, MeasureKind};
use crate::error::Result;
use crate::period::Period;
use crate::report::{template_rows, template_with, Answer, Filled, WorkStatus};

/// The reported file of the demo data directory (the shipped catalogue's
/// `reported`).
///
/// ```
/// use indikator::demo::REPORTED_FILE;
/// use indikator::Catalog;
///
/// assert_eq!(REPORTED_FILE, "rapporterat.xlsx");
/// // The shipped catalogue reads the units' answers from it, in the data directory.
/// let catalog = Catalog::shipped()?;
/// assert_eq!(catalog.catalog.reported.as_deref(), Some(REPORTED_FILE));
/// # Ok::<(), indikator::Error>(())
/// ```
pub const REPORTED_FILE: &str = "rapporterat.xlsx";

/// The report period the demo's answers are for ("jan–aug 2024").
///
/// It parses as a [`Period`](crate::Period), the period a report on the
/// demo data is run for:
///
/// ```
/// use indikator::demo::REPORTED_PERIOD;
/// use indikator::{Period, RunOptions};
///
/// let period: Period = REPORTED_PERIOD.parse()?;
/// assert_eq!(period.to_string(), "jan–aug 2024");
/// assert_eq!(period.previous_year().to_string(), "jan–aug 2023");
/// let options = RunOptions::new(period);
/// assert_eq!(options.period, period);
/// # Ok::<(), indikator::Error>(())
/// ```
pub const REPORTED_PERIOD: &str = "2024-delar";

/// A number near a measure's target: around the threshold, or a share or
/// an index for a direction.
fn number(rng: &mut Rng, target: Option<&Target>, unit: &str) -> f64 {
    let centre = match target {
        Some(Target::Threshold { value, .. }) => *value,
        _ if unit == "%" => 55.0,
        _ => 4.5,
    };
    let x = centre * (0.88 + 0.24 * rng.uniform());
    (x * 100.0).round() / 100.0
}

fn status(rng: &mut Rng) -> WorkStatus {
    [
        WorkStatus::Done,
        WorkStatus::InProgress,
        WorkStatus::NotStarted,
    ][rng.weighted(&[0.35, 0.45, 0.2])]
}

/// One template row filled in (or left empty).
fn fill(rng: &mut Rng, catalog: &Catalog, row: &mut Filled, current: bool) {
    let comment_of = |text: &str| format!("Syntetisk kommentar: {text}");
    row.reported_at = Some(if current {
        NaiveDate::from_ymd_opt(2024, 9, 6).unwrap_or_default()
    } else {
        NaiveDate::from_ymd_opt(2023, 9, 7).unwrap_or_default()
    });
    if let Some(m) = catalog.measure(&row.id) {
        row.reported_by = format!("Syntetisk rapportör, {}", m.responsible);
        // Yearly measures are answered in the annual report only; one row
        // in twenty is not reported.
        if m.frequency == Frequency::Yearly || rng.bernoulli(0.05) {
            row.reported_by.clear();
            row.reported_at = None;
            return;
        }
        match m.kind {
            MeasureKind::Number => {
                row.value = Some(Answer::Number(number(rng, m.target.as_ref(), &m.unit)));
            }
            MeasureKind::YesNo => {
                let yes = rng.bernoulli(if m.per_kommun { 0.8 } else { 0.55 });
                row.value = Some(Answer::YesNo(yes));
                row.status = Some(if yes {
                    WorkStatus::Done
                } else if rng.bernoulli(0.6) {
                    WorkStatus::InProgress
                } else {
                    WorkStatus::NotStarted
                });
                row.comment = comment_of(match row.status {
                    Some(WorkStatus::Done) => "på plats och följs upp.",
                    Some(WorkStatus::InProgress) => "arbetet pågår och fortsätter under hösten.",
                    _ => "arbetet har inte påbörjats.",
                });
            }
            MeasureKind::Status => {
                let s = status(rng);
                row.value = Some(Answer::Status(s));
                row.comment = comment_of("enligt plan.");
            }
            MeasureKind::Rating => {
                row.value = Some(Answer::Rating(Rating::Partly));
            }
        }
        return;
    }
    if let Some(f) = catalog.success_factor(&row.id) {
        if f.rating != FactorRating::Reported {
            return;
        }
        row.reported_by = format!("Syntetisk rapportör, {}", f.responsible);
        if rng.bernoulli(0.1) {
            row.reported_by.clear();
            row.reported_at = None;
            return;
        }
        let rating = [Rating::Fulfilled, Rating::Partly, Rating::NotFulfilled]
            [rng.weighted(&[0.45, 0.4, 0.15])];
        row.value = Some(Answer::Rating(rating));
        row.comment = comment_of(match rating {
            Rating::Fulfilled => "åtgärderna är genomförda.",
            Rating::Partly => "åtgärderna är påbörjade och väntas vara klara vid årets slut.",
            Rating::NotFulfilled => "inga åtgärder har kommit i gång ännu.",
        });
    }
}

/// The synthetic answers for `catalog`: its template's rows for
/// [`REPORTED_PERIOD`] and for the same period a year earlier, filled.
pub(crate) fn answers(seed: u64, catalog: &Catalog) -> Result<(Period, Vec<Filled>)> {
    let period: Period = REPORTED_PERIOD.parse()?;
    let mut rng = Rng::new(seed, "reported");
    let mut rows = Vec::new();
    for (p, current) in [(period.previous_year(), false), (period, true)] {
        for mut row in template_rows(catalog, p) {
            fill(&mut rng, catalog, &mut row, current);
            rows.push(row);
        }
    }
    Ok((period, rows))
}

/// The synthetic reported file of the shipped catalogue, as XLSX bytes
/// (labelled synthetic).
pub(crate) fn workbook(seed: u64) -> Result<Vec<u8>> {
    let catalog = Catalog::shipped()?;
    let (period, rows) = answers(seed, &catalog)?;
    template_with(&catalog, period, &rows, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_row_twice_some_answered_yearly_ones_left_for_the_year_end() {
        let catalog = Catalog::shipped().unwrap();
        let (period, rows) = answers(7, &catalog).unwrap();
        let template = template_rows(&catalog, period);
        assert_eq!(rows.len(), 2 * template.len());
        assert!(rows.iter().any(|r| r.value.is_some()));
        for r in &rows {
            if let Some(m) = catalog.measure(&r.id) {
                if m.frequency == Frequency::Yearly {
                    assert!(r.value.is_none(), "{}", r.id);
                }
            }
        }
        assert_eq!(answers(7, &catalog).unwrap().1, rows);
    }
}

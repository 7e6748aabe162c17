//! Each unit against the funnel: its significance and its point.

use polars::prelude::*;

use super::*;
use crate::input::IntoFrame;

impl Funnel {
    /// The table with a `significance` column: `High (0.001)`, `High
    /// (0.025)`, `Low (0.001)`, `Low (0.025)` or `Not significant` against the
    /// average of all units (for DSRs also `Not applicable for events less
    /// than 10 for dsrs`).
    ///
    /// # Errors
    /// Missing columns and the checks on the units (see the type's docs).
    ///
    /// # Example
    /// The share of people 65 and over vaccinated against influenza by
    /// kommun, against the pooled 60.4 %: Krokom's 63.9 % lies above the
    /// 99.8 % limit for its 3 600 people (62.9 %), Åre's 58.1 % below the
    /// 95 % one for 2 700 (58.6 %) but not the 99.8 % (57.5 %; Wilson
    /// limits solved with scipy):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Funnel, FunnelStatistic};
    ///
    /// let vaccinated = df!(
    ///     "kommun" => ["Östersund", "Krokom", "Berg", "Åre"],
    ///     "vaccinated" => [8300.0, 2300.0, 1240.0, 1570.0],
    ///     "population" => [13600.0, 3600.0, 2300.0, 2700.0],
    /// )?;
    /// let share = FunnelStatistic::Proportion { multiplier: 100.0 };
    /// let judged = Funnel::new(share, "vaccinated", Some("population"), None).significance(&vaccinated)?;
    /// let s: Vec<_> = judged.column("significance")?.str()?.iter().flatten().collect();
    /// assert_eq!(s, ["Not significant", "High (0.001)", "Low (0.001)", "Low (0.025)"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn significance(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = &data.into_data_frame()?;
        let units = self.units(data)?;
        let known_sum: f64 = units.denominator.iter().flatten().sum();
        let average = units.numerator.iter().sum::<f64>() / known_sum;
        let labels: Vec<&str> = units
            .numerator
            .iter()
            .zip(&units.denominator)
            .map(|(x, d)| match self.statistic {
                FunnelStatistic::Proportion { .. } => {
                    let n = d.unwrap_or(f64::NAN);
                    let v = x / n;
                    let limit =
                        |p: f64, high: bool| proportion_funnel_limit(p, n, average, high, 1.0);
                    ladder(
                        [
                            v < limit(0.999, false),
                            v < limit(0.975, false),
                            v > limit(0.999, true),
                            v > limit(0.975, true),
                        ],
                        [2, 3, 0, 1],
                    )
                }
                FunnelStatistic::Ratio { .. } | FunnelStatistic::Rate { .. } => {
                    let centre = if matches!(self.statistic, FunnelStatistic::Ratio { .. }) {
                        1.0
                    } else {
                        average
                    };
                    let dsr_few = matches!(
                        self.statistic,
                        FunnelStatistic::Rate {
                            kind: RateKind::Dsr,
                            ..
                        }
                    ) && *x < 10.0;
                    if dsr_few {
                        return DSR_NOT_APPLICABLE;
                    }
                    let Some(e) = d else { return SIGNIFICANCE[4] };
                    let limit = |level: f64, high: bool| funnel_count_limit(*x, *e, level, high);
                    ladder(
                        [
                            centre < limit(0.998, false),
                            centre < limit(0.95, false),
                            centre > limit(0.998, true),
                            centre > limit(0.95, true),
                        ],
                        [0, 1, 2, 3],
                    )
                }
            })
            .collect();
        let mut out = data.clone();
        out.with_column(Column::new("significance".into(), labels))?;
        Ok(out)
    }

    /// Rates only: the points to draw, `rate_chart` (the rate; null for a DSR
    /// with fewer than 10 events) and `denominator_derived` (the one-year
    /// population behind the rate).
    ///
    /// # Errors
    /// A funnel that is not of rates, and the checks on the units.
    ///
    /// # Example
    /// Fall injuries 65+ per 1 000 in one year: each kommun is drawn at the
    /// population behind its rate (Östersund: 408 / 30.0 × 1 000 = 13 600);
    /// a funnel of shares has no such points:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::{Error, Funnel, FunnelStatistic, RateKind};
    ///
    /// let falls = df!(
    ///     "kommun" => ["Östersund", "Krokom", "Berg"],
    ///     "injuries" => [408.0, 126.0, 46.0],
    ///     "rate" => [30.0, 35.0, 20.0],
    /// )?;
    /// let crude = FunnelStatistic::Rate { kind: RateKind::Crude, multiplier: 1000.0, years: 1.0 };
    /// let points = Funnel::new(crude, "injuries", None, Some("rate")).points(&falls)?;
    /// let population: Vec<_> = points.column("denominator_derived")?.f64()?.iter().flatten().collect();
    /// assert_eq!(population, [13_600.0, 3_600.0, 2_300.0]);
    /// let share = Funnel::new(FunnelStatistic::Proportion { multiplier: 100.0 }, "injuries", Some("rate"), None);
    /// assert!(matches!(share.points(&falls), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn points(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = &data.into_data_frame()?;
        let FunnelStatistic::Rate { kind, years, .. } = self.statistic else {
            return Err(Error::argument(
                "statistic",
                "funnel points are drawn for rates",
                self.statistic_label(),
            ));
        };
        let units = self.units(data)?;
        let rate = f64_values(data, self.rate.as_deref().unwrap_or_default())?;
        let mut chart = Vec::with_capacity(rate.len());
        let mut derived = Vec::with_capacity(rate.len());
        for ((x, d), r) in units.numerator.iter().zip(&units.denominator).zip(rate) {
            let few = kind == RateKind::Dsr && *x < 10.0;
            chart.push(if few { None } else { r });
            derived.push(if few { None } else { d.map(|d| d / years) });
        }
        let mut out = data.clone();
        out.with_column(Column::new("rate_chart".into(), chart))?;
        out.with_column(Column::new("denominator_derived".into(), derived))?;
        Ok(out)
    }
}

/// The first label whose test holds (the order of the reference's ladder).
fn ladder(tests: [bool; 4], labels: [usize; 4]) -> &'static str {
    tests
        .iter()
        .zip(labels)
        .find(|(t, _)| **t)
        .map_or(SIGNIFICANCE[4], |(_, l)| SIGNIFICANCE[l])
}

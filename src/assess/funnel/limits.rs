//! The control limits of a funnel plot at 2σ and 3σ along its x axis.

use polars::prelude::*;

use super::*;
use crate::input::IntoFrame;

impl Funnel {
    /// The control limits: 100 points along the x axis (population for
    /// proportions, observed events for ratios and rates) with the lower
    /// and upper limits at 2σ and 3σ, the baseline (proportions and rates)
    /// and, for ratios, the expected events at each limit, for rates the
    /// one-year population at each limit.
    ///
    /// # Errors
    /// Missing columns and the checks on the units (see the type's docs).
    ///
    /// # Example
    /// The share of people 65 and over vaccinated against influenza by
    /// kommun, 13 410 of 22 200 in all: the axis runs to 15 000 people,
    /// where the 95 % limits are the shares whose Wilson interval reaches
    /// the pooled 60.4 % (59.62 % and 61.19 %, solved with scipy):
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
    /// let limits = Funnel::new(share, "vaccinated", Some("population"), None).limits(&vaccinated)?;
    /// assert_eq!(limits.height(), 100);
    /// assert_eq!(limits.column("population")?.f64()?.get(99), Some(15_000.0));
    /// let at_end = |name: &str| limits.column(name).unwrap().f64().unwrap().get(99).unwrap();
    /// assert!((at_end("lower_2s_limit") - 59.623).abs() < 1e-3 && (at_end("upper_2s_limit") - 61.188).abs() < 1e-3);
    /// assert!((at_end("baseline") - 100.0 * 13_410.0 / 22_200.0).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn limits(&self, data: impl IntoFrame) -> Result<DataFrame> {
        let data = &data.into_data_frame()?;
        let units = self.units(data)?;
        let known: Vec<f64> = units.denominator.iter().flatten().copied().collect();
        let average = units.numerator.iter().sum::<f64>() / known.iter().sum::<f64>();
        let (min, max) = known
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(*v), b.max(*v))
            });
        let mut columns = Vec::new();
        let mut push =
            |name: &str, values: Vec<f64>| columns.push(Column::new(name.into(), values));
        let tails = [(0.025, 0.975, "2s"), (0.001, 0.999, "3s")];
        match self.statistic {
            FunnelStatistic::Proportion { multiplier } => {
                let axis_min = if max > 2.0 * min {
                    0.0
                } else {
                    signif_floor(min)
                };
                let x = funnel_axis(axis_min, signif_ceiling(max), false);
                push("population", x.clone());
                for (_, one_sided, s) in tails {
                    let at = |high: bool| -> Vec<f64> {
                        x.iter()
                            .map(|n| {
                                let l = proportion_funnel_limit(
                                    one_sided, *n, average, high, multiplier,
                                );
                                if high {
                                    l.min(100.0)
                                } else {
                                    l.max(0.0)
                                }
                            })
                            .collect()
                    };
                    push(&format!("lower_{s}_limit"), at(false));
                    push(&format!("upper_{s}_limit"), at(true));
                }
                push("baseline", vec![average * multiplier; x.len()]);
            }
            FunnelStatistic::Ratio { kind } => {
                let axis_min = if max > 2.0 * min {
                    0.0
                } else {
                    signif_floor(min)
                };
                let x = funnel_axis(axis_min, signif_ceiling(max), true);
                push("observed_events", x.clone());
                for (p, _, s) in tails {
                    for (side, high) in [("lower", true), ("upper", false)] {
                        let expected: Vec<f64> =
                            x.iter().map(|o| poisson_funnel_mean(*o, p, high)).collect();
                        let limit = x
                            .iter()
                            .zip(&expected)
                            .map(|(o, e)| match kind {
                                RatioKind::Count => o / e - 1.0,
                                RatioKind::Isr => o / e * 100.0,
                            })
                            .collect();
                        push(&format!("{side}_{s}_exp_events"), expected);
                        push(&format!("{side}_{s}_limit"), limit);
                    }
                }
            }
            FunnelStatistic::Rate {
                multiplier, years, ..
            } => {
                let axis_min = if max > 2.0 * min {
                    0.0
                } else {
                    signif_floor(min / years) * years
                };
                let axis_max = signif_ceiling(max / years) * years;
                let x = funnel_axis(
                    (axis_min * average).floor(),
                    (axis_max * average).ceil(),
                    false,
                );
                push("events", x.clone());
                for (p, _, s) in tails {
                    for (side, high) in [("lower", true), ("upper", false)] {
                        let population: Vec<f64> = x
                            .iter()
                            .map(|o| poisson_funnel_mean(*o, p, high) / average)
                            .collect();
                        let limit = x
                            .iter()
                            .zip(&population)
                            .map(|(o, pop)| o / pop * multiplier)
                            .collect();
                        push(
                            &format!("{side}_{s}_population_1_year"),
                            population.iter().map(|p| p / years).collect(),
                        );
                        push(&format!("{side}_{s}_limit"), limit);
                    }
                }
                push("baseline", vec![average * multiplier; x.len()]);
            }
        }
        let height = columns[0].len();
        let method = if matches!(self.statistic, FunnelStatistic::Proportion { .. }) {
            "Wilson"
        } else {
            "Poisson"
        };
        columns.push(Column::new(
            "statistic".into(),
            vec![self.statistic_label(); height],
        ));
        columns.push(Column::new("method".into(), vec![method; height]));
        Ok(DataFrame::new(height, columns)?)
    }
}

//! Vårdgaranti referrals decided 2019–2025, and the backlog of 2018 still
//! open on 1 January 2019: one row per wait from a decision
//! (referral, decision to treat) to its completion, with skewed waits
//! calibrated so the shares within the limits come out near the region's:
//! primary-care assessment ~85 % within 3 days, first visit ~60 % and
//! treatment ~62 % within 90 days, BUP first assessment ~55 % within 30
//! days (worse in summer), improving slightly from 2023.

use polars::prelude::*;

use std::ops::Range;

use super::chunks::{numbered, Names, RowSource};
use super::columns::{dates, frame, optional_dates, texts};
use super::dates::{extraction, month_of, year_span, Days, CARE_SEASON, FIRST_YEAR, LAST_YEAR};
use super::population::{Cell, Population};
use super::region::{centres_of, CENTRES};
use super::rng::{Rng, Weighted};

/// How the waits of a kind are drawn.
#[derive(Debug, Clone, Copy)]
enum Model {
    /// Most within a few days, the rest a lognormal tail.
    Primary,
    /// Lognormal with this median (days) and log-scale deviation.
    Lognormal(f64, f64),
    /// BUP first assessment: lognormal with a seasonal, noisy median.
    Bup,
}

/// One kind of wait.
struct Kind {
    code: &'static str,
    per_year: f64,
    /// Specialist units with relative volume and wait factor; empty: the hälsocentral.
    units: &'static [(&'static str, f64, f64)],
    model: Model,
}

/// The gynaecological outpatient clinic: its referrals are of women.
const GYNECOLOGY: &str = "Gynekologmottagningen";

const FIRST_VISIT_UNITS: [(&str, f64, f64); 6] = [
    ("Ortopedmottagningen", 0.2, 1.35),
    ("Ögonmottagningen", 0.18, 1.1),
    ("Kirurgmottagningen", 0.2, 0.8),
    (GYNECOLOGY, 0.15, 0.7),
    ("Öron-näsa-halsmottagningen", 0.15, 1.0),
    ("Hudmottagningen", 0.12, 1.25),
];

const TREATMENT_UNITS: [(&str, f64, f64); 5] = [
    ("Ortopedmottagningen", 0.3, 1.3),
    ("Ögonmottagningen", 0.25, 0.9),
    ("Kirurgmottagningen", 0.25, 0.85),
    (GYNECOLOGY, 0.1, 0.8),
    ("Öron-näsa-halsmottagningen", 0.1, 1.0),
];

const BUP: [(&str, f64, f64); 1] = [("BUP", 1.0, 1.0)];

const KINDS: [Kind; 5] = [
    Kind {
        code: "primary_assessment",
        per_year: 60_000.0,
        units: &[],
        model: Model::Primary,
    },
    Kind {
        code: "first_visit",
        per_year: 35_000.0,
        units: &FIRST_VISIT_UNITS,
        model: Model::Lognormal(70.0, 0.95),
    },
    Kind {
        code: "treatment",
        per_year: 12_000.0,
        units: &TREATMENT_UNITS,
        model: Model::Lognormal(65.0, 0.9),
    },
    Kind {
        code: "bup_assessment",
        per_year: 1_400.0,
        units: &BUP,
        model: Model::Bup,
    },
    Kind {
        code: "bup_in_depth",
        per_year: 700.0,
        units: &BUP,
        model: Model::Lognormal(40.0, 0.7),
    },
];

/// Waits longer (> 1) or shorter by year: the pandemic years worse, better from 2023.
fn year_factor(year: i32) -> f64 {
    match year {
        ..=2019 => 0.95,
        2020 => 1.12,
        2021 => 1.15,
        2022 => 1.08,
        2023 => 1.04,
        2024 => 0.97,
        _ => 0.9,
    }
}

/// BUP's median wait by month of decision: the summer holidays are worst.
const BUP_SEASON: [f64; 12] = [
    0.85, 0.85, 0.9, 0.95, 1.05, 1.3, 1.6, 1.35, 0.95, 0.9, 0.95, 1.15,
];

/// Primary care's months: only the summer a little quieter.
const PRIMARY_SEASON: [f64; 12] = [
    1.0, 1.0, 1.0, 1.0, 1.0, 0.95, 0.8, 0.9, 1.05, 1.05, 1.0, 0.95,
];

/// The relative need of care of the people in a cell for a kind of wait.
fn need(kind: &str, gynaecology: bool, cell: Cell) -> f64 {
    let a = cell.age as f64;
    match kind {
        "primary_assessment" => 1.0 + a / 30.0,
        "bup_assessment" | "bup_in_depth" => {
            if (4..=17).contains(&cell.age) {
                let girls = if cell.sex == 0 && cell.age >= 12 {
                    1.4
                } else {
                    1.0
                };
                (a - 3.0).powf(1.5) * girls
            } else {
                0.0
            }
        }
        _ if gynaecology => {
            if cell.sex == 0 && cell.age >= 15 {
                1.0
            } else {
                0.0
            }
        }
        _ if cell.age < 18 => 0.25,
        _ => 1.0 + (a - 18.0) / 35.0,
    }
}

/// The wait in days, before the PVV/MOV lengthening.
fn draw_wait(rng: &mut Rng, model: Model, factor: f64, year: i32, bup_month: f64) -> i32 {
    match model {
        Model::Primary => {
            let fast = 0.85 + 0.012 * (1.0 - year_factor(year)) / 0.1;
            if rng.bernoulli(fast.clamp(0.5, 0.97)) {
                rng.weighted(&[0.45, 0.3, 0.15, 0.1]) as i32
            } else {
                4 + rng.lognormal(4.0 * factor, 0.7).floor() as i32
            }
        }
        Model::Lognormal(median, sigma) => rng
            .lognormal(median * factor * year_factor(year), sigma)
            .round() as i32,
        Model::Bup => rng
            .lognormal(27.5 * factor * year_factor(year) * bup_month, 0.75)
            .round() as i32,
    }
    .max(0)
}

/// One wait, as small as the national scale needs (16 bytes).
#[derive(Debug, Clone, Copy)]
struct Wait {
    decided: i32,
    /// The day completed, or [`WAITING`].
    completed: i32,
    /// Index into the unit names.
    unit: u16,
    /// Index into [`KINDS`].
    kind: u8,
    kommun: u8,
    age: u8,
    /// Bits: [`WOMAN`], [`PVV`], [`MOV`].
    flags: u8,
}

/// `Wait::completed` of a wait still open at the extraction date.
const WAITING: i32 = i32::MIN;
const WOMAN: u8 = 1;
const PVV: u8 = 2;
const MOV: u8 = 4;

/// The `waits` table, made into frames a range of rows at a time.
pub(crate) struct WaitRows {
    units: Names,
    waits: Vec<Wait>,
}

impl RowSource for WaitRows {
    fn height(&self) -> usize {
        self.waits.len()
    }

    fn frame(&self, rows: Range<usize>) -> crate::Result<DataFrame> {
        let first = rows.start;
        let w = &self.waits[rows];
        let cell = |x: &Wait| Cell {
            kommun: usize::from(x.kommun),
            sex: usize::from(x.flags & WOMAN == 0),
            age: usize::from(x.age),
        };
        let flag = |name: &str, bit: u8| {
            Column::new(
                name.into(),
                w.iter().map(|x| x.flags & bit != 0).collect::<Vec<bool>>(),
            )
        };
        frame(vec![
            numbered("referral_id", 'R', 7, (first + 1)..(first + w.len() + 1)),
            texts("unit", w.iter().map(|x| self.units.get(x.unit)).collect()),
            texts("kommun", w.iter().map(|x| cell(x).kommun_code()).collect()),
            texts("sex", w.iter().map(|x| cell(x).sex_code()).collect()),
            Column::new(
                "age".into(),
                w.iter().map(|x| i32::from(x.age)).collect::<Vec<i32>>(),
            ),
            texts(
                "kind",
                w.iter().map(|x| KINDS[usize::from(x.kind)].code).collect(),
            ),
            dates("decided", w.iter().map(|x| x.decided).collect()),
            optional_dates(
                "completed",
                &w.iter()
                    .map(|x| (x.completed != WAITING).then_some(x.completed))
                    .collect::<Vec<_>>(),
            ),
            flag("pvv", PVV),
            flag("mov", MOV),
        ])
    }
}

/// The `waits` table: `referral_id`, `unit`, `kommun`, `sex`, `age`,
/// `kind`, `decided`, `completed` (null while waiting at the extraction
/// date), `pvv`, `mov`.
pub(crate) fn generate(seed: u64, scale: f64, population: &Population) -> WaitRows {
    let mut rng = Rng::new(seed, "waits");
    let last = extraction();
    let mut units = Names::default();
    let mut waits = Vec::new();
    // Each hälsocentral's share of its kommun.
    let centre_weights: Vec<(Vec<usize>, Weighted)> = (0..super::region::KOMMUNER.len())
        .map(|k| {
            let c = centres_of(k);
            let w = Weighted::new(c.iter().map(|&i| CENTRES[i].size));
            (c, w)
        })
        .collect();
    // The year before the span gives the backlog: its referrals still
    // open on the first day of the span, so the first year's completed
    // waits are not cut short.
    let first_day = year_span(FIRST_YEAR).0;
    for year in FIRST_YEAR - 1..=LAST_YEAR {
        // A noisy seasonal factor per month for BUP: the months vary a lot.
        let bup_months: Vec<f64> = BUP_SEASON
            .iter()
            .map(|s| s * rng.lognormal(1.0, 0.2))
            .collect();
        for (k, kind) in KINDS.iter().enumerate() {
            let growth = 1.0 + 0.01 * f64::from(year - 2022);
            let n = (kind.per_year * growth * scale).round() as usize;
            let unit_weights: Vec<f64> = kind.units.iter().map(|u| u.1).collect();
            let samplers =
                [false, true].map(|gyn| population.sampler(year, |c| need(kind.code, gyn, c)));
            let season = Days::new(
                year,
                if kind.code == "primary_assessment" {
                    &PRIMARY_SEASON
                } else {
                    &CARE_SEASON
                },
            );
            for _ in 0..n {
                let (unit, factor, gyn) = if kind.units.is_empty() {
                    (None, 1.0, false)
                } else {
                    let u = kind.units[rng.weighted(&unit_weights)];
                    (Some(u.0), u.2, u.0 == GYNECOLOGY)
                };
                let (cells, weights) = &samplers[usize::from(gyn)];
                let cell = cells[weights.sample(&mut rng)];
                let unit = unit.unwrap_or_else(|| {
                    let (centres, w) = &centre_weights[cell.kommun];
                    CENTRES[centres[w.sample(&mut rng)]].name
                });
                let decided = season.sample(&mut rng);
                let bup_month = bup_months[month_of(decided) as usize - 1];
                let mut wait = draw_wait(&mut rng, kind.model, factor, year, bup_month);
                let pvv = rng.bernoulli(0.05);
                let mov = !pvv && rng.bernoulli(0.03);
                if pvv || mov {
                    wait = (f64::from(wait) * 1.8).round() as i32 + 14;
                }
                let done = decided + wait;
                if done < first_day {
                    continue;
                }
                waits.push(Wait {
                    decided,
                    completed: if done <= last { done } else { WAITING },
                    unit: units.index(unit),
                    kind: k as u8,
                    kommun: cell.kommun as u8,
                    age: cell.age as u8,
                    flags: if cell.sex_code() == "K" { WOMAN } else { 0 }
                        | if pvv { PVV } else { 0 }
                        | if mov { MOV } else { 0 },
                });
            }
        }
    }
    // Referral ids in order of decision (a stable sort).
    waits.sort_by_key(|w| w.decided);
    WaitRows { units, waits }
}

#[cfg(test)]
mod tests {
    use super::super::chunks::whole;
    use super::super::dates::extraction_date;
    use super::*;
    use crate::{Period, WaitLimits, Waits};

    fn share(waits: &DataFrame, kind: &str, period: &str) -> f64 {
        let records = waits
            .clone()
            .lazy()
            .filter(col("kind").eq(lit(kind)))
            .collect()
            .unwrap();
        let period: Period = period.parse().unwrap();
        let result = Waits::completed(period)
            .as_of(extraction_date())
            .limits(WaitLimits::law())
            .fulfilment(&records)
            .unwrap();
        result
            .column("value")
            .unwrap()
            .f64()
            .unwrap()
            .get(0)
            .unwrap()
    }

    #[test]
    fn shares_within_the_limits_are_near_the_region_s() {
        let population = Population::generate(11, 0.3);
        let waits = whole(&generate(11, 0.3, &population)).unwrap();
        let bup = share(&waits, "bup_assessment", "2024");
        assert!((40.0..70.0).contains(&bup), "BUP {bup}");
        let bup_interim = share(&waits, "bup_assessment", "2024-delar");
        assert!(
            (35.0..75.0).contains(&bup_interim),
            "BUP jan–aug {bup_interim}"
        );
        let primary = share(&waits, "primary_assessment", "2024");
        assert!((78.0..92.0).contains(&primary), "primary {primary}");
        let visit = share(&waits, "first_visit", "2024");
        assert!((52.0..68.0).contains(&visit), "first visit {visit}");
        let treatment = share(&waits, "treatment", "2024");
        assert!((54.0..70.0).contains(&treatment), "treatment {treatment}");
        // Better in 2025 than in 2021.
        assert!(share(&waits, "first_visit", "2025") > share(&waits, "first_visit", "2021"));
    }

    #[test]
    fn completions_follow_decisions_and_precede_the_extraction() {
        let population = Population::generate(2, 0.1);
        let waits = whole(&generate(2, 0.1, &population)).unwrap();
        let decided = waits
            .column("decided")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .clone();
        let completed = waits
            .column("completed")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .clone();
        let last = extraction();
        let mut open_late = (0, 0);
        for (d, c) in decided.iter().zip(completed.iter()) {
            let d = d.unwrap();
            assert!(d <= last);
            if let Some(c) = c {
                assert!(c >= d && c <= last, "{c} {d}");
            }
            if d > last - 30 - 15 {
                open_late.0 += 1;
                open_late.1 += usize::from(c.is_none());
            }
        }
        // Of the decisions of the last weeks of December, most are still waiting
        // except the quick primary-care assessments.
        assert!(open_late.1 > 0);
        let kinds = waits.column("kind").unwrap().str().unwrap();
        assert!(kinds
            .iter()
            .all(|k| k.is_some_and(|k| crate::WAIT_KINDS.contains(&k))));
    }
}

//! Coordinated individual plans (SIP) from Cosmic LINK, 2019–2025: about
//! 550 adults and 230 children and young people a year, slowly more; a
//! few plans have a second row (a later status change) to exercise the
//! de-duplication.

use chrono::{Datelike, Months};
use polars::prelude::*;

use super::columns::{dates, frame, texts};
use super::dates::{date, day, day_in_year, year_span, CARE_SEASON, FIRST_YEAR, LAST_YEAR};
use super::population::{Cell, Population};
use super::rng::Rng;

/// Plans per year at scale 1 in 2022, adults and children.
const ADULTS: f64 = 550.0;
const CHILDREN: f64 = 230.0;

/// Who gets a plan, relative to the population.
fn need(child: bool, cell: Cell) -> f64 {
    match (child, cell.age) {
        (true, 0..=5) => 0.3,
        (true, 6..=11) => 0.8,
        (true, 12..=17) => 1.5,
        (true, _) | (false, 0..=17) => 0.0,
        (false, 18..=29) => 1.2,
        (false, 30..=64) => 0.6,
        (false, 65..=79) => 0.9,
        (false, _) => 1.6,
    }
}

/// One row of the plans.
struct Row {
    plan: usize,
    established: i32,
    birth: i32,
    cell: Cell,
    status: &'static str,
}

/// The `sip` table: `plan_id`, `established`, `birth_date`, `kommun`, `sex`, `status`.
pub(crate) fn generate(seed: u64, scale: f64, population: &Population) -> crate::Result<DataFrame> {
    let mut rng = Rng::new(seed, "sip");
    let (_, last) = year_span(LAST_YEAR);
    let mut rows: Vec<Row> = Vec::new();
    let mut plans = 0;
    for year in FIRST_YEAR..=LAST_YEAR {
        let t = f64::from(year - 2022);
        for (child, base, growth) in [(false, ADULTS, 0.03), (true, CHILDREN, 0.04)] {
            let (cells, weights) = population.sampler(year, |c| need(child, c));
            for _ in 0..(base * (1.0 + growth * t) * scale).round() as usize {
                let cell = cells[weights.sample(&mut rng)];
                let established = day_in_year(&mut rng, year, &CARE_SEASON);
                // Born `age` years and up to 364 days before: exactly that age.
                let birth = date(established)
                    .checked_sub_months(Months::new(12 * cell.age as u32))
                    .map_or(established, day)
                    - rng.int(0, 364) as i32;
                let status = if rng.bernoulli(0.02) {
                    "makulerad"
                } else if rng.bernoulli((0.2 + 0.13 * f64::from(LAST_YEAR - year)).min(0.85)) {
                    "avslutad"
                } else {
                    "upprättad"
                };
                let plan = plans;
                plans += 1;
                let later = established + rng.int(30, 400) as i32;
                if rng.bernoulli(0.03) && later <= last {
                    rows.push(Row {
                        plan,
                        established,
                        birth,
                        cell,
                        status: "upprättad",
                    });
                    rows.push(Row {
                        plan,
                        established: later,
                        birth,
                        cell,
                        status,
                    });
                } else {
                    rows.push(Row {
                        plan,
                        established,
                        birth,
                        cell,
                        status,
                    });
                }
            }
        }
    }
    // Plan numbers within the year, in order of establishment.
    let mut first: Vec<(i32, usize)> = vec![(i32::MAX, 0); plans];
    for r in &rows {
        first[r.plan] = first[r.plan].min((r.established, r.plan));
    }
    let mut order: Vec<usize> = (0..plans).collect();
    order.sort_by_key(|&p| first[p]);
    let mut label = vec![String::new(); plans];
    let mut seq = 0;
    let mut current = 0;
    for p in order {
        let year = date(first[p].0).year();
        if year != current {
            current = year;
            seq = 0;
        }
        seq += 1;
        label[p] = format!("SIP-{year}-{seq:04}");
    }
    rows.sort_by_key(|r| (r.established, r.plan));
    frame(vec![
        Column::new(
            "plan_id".into(),
            rows.iter()
                .map(|r| label[r.plan].clone())
                .collect::<Vec<String>>(),
        ),
        dates("established", rows.iter().map(|r| r.established).collect()),
        dates("birth_date", rows.iter().map(|r| r.birth).collect()),
        texts(
            "kommun",
            rows.iter().map(|r| r.cell.kommun_code()).collect(),
        ),
        texts("sex", rows.iter().map(|r| r.cell.sex_code()).collect()),
        texts("status", rows.iter().map(|r| r.status).collect()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sip, CHILDREN as CHILD_GROUP};

    #[test]
    fn plans_per_year_and_children_as_counted_by_the_library() {
        let population = Population::generate(8, 1.0);
        let plans = generate(8, 1.0, &population).unwrap();
        for year in ["2019", "2022", "2025"] {
            let counts = Sip::new(year.parse().unwrap()).counts(&plans).unwrap();
            let groups = counts.column("age_group").unwrap().str().unwrap();
            let values = counts.column("value").unwrap().f64().unwrap();
            let total: f64 = values.iter().flatten().sum();
            assert!((600.0..1000.0).contains(&total), "{year}: {total}");
            let children = (0..counts.height())
                .find(|&i| groups.get(i) == Some(CHILD_GROUP))
                .and_then(|i| values.get(i))
                .unwrap();
            assert!((150.0..320.0).contains(&children), "{year}: {children}");
        }
        // Some plans have two rows.
        let ids = plans.column("plan_id").unwrap();
        let unique = ids.n_unique().unwrap();
        assert!(unique < plans.height() && unique * 100 > plans.height() * 95);
    }
}

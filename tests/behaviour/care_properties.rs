//! Properties of the care indicators over generated records: shares and
//! indices stay in range with limits around them, and the result does not
//! depend on the order of the rows or on splitting the records in parts.

use chrono::NaiveDate;
use indikator::stats::{ContinuityIndex, ContinuityIndices};
use indikator::{Continuity, Period, Waits};
use polars::prelude::*;
use proptest::prelude::*;

use crate::common::floats;

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(u64::from(offset))
}

/// Referrals: (decided offset, wait in days, unit, first visit or treatment, pvv).
type Referral = (u32, u32, bool, bool, bool);

fn referrals(rows: &[Referral]) -> DataFrame {
    df!(
        "decided" => rows.iter().map(|r| day(r.0)).collect::<Vec<_>>(),
        "completed" => rows.iter().map(|r| day(r.0 + r.1)).collect::<Vec<_>>(),
        "unit" => rows.iter().map(|r| if r.2 { "Ortopedi" } else { "Kirurgi" }).collect::<Vec<_>>(),
        "kind" => rows.iter().map(|r| if r.3 { "first_visit" } else { "treatment" }).collect::<Vec<_>>(),
        "pvv" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        "mov" => vec![false; rows.len()],
    )
    .unwrap()
}

fn fulfilment(rows: &[Referral]) -> DataFrame {
    let period: Period = "2024".parse().unwrap();
    let mut w = Waits::completed(period).by(["unit"]);
    w.as_of = Some(day(800));
    w.fulfilment(referrals(rows))
        .unwrap()
        .sort(["unit"], SortMultipleOptions::default())
        .unwrap()
}

fn referral() -> impl Strategy<Value = Referral> {
    (
        0u32..300,
        0u32..200,
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
}

/// Visits: (patient, clinician, day offset).
fn visits(rows: &[(u8, u8, u32)]) -> DataFrame {
    df!(
        "patient_id" => rows.iter().map(|r| format!("p{}", r.0)).collect::<Vec<_>>(),
        "clinician_id" => rows.iter().map(|r| format!("c{}", r.1)).collect::<Vec<_>>(),
        "profession" => vec!["läkare"; rows.len()],
        "unit" => vec!["HC Lit"; rows.len()],
        "date" => rows.iter().map(|r| day(r.2)).collect::<Vec<_>>(),
    )
    .unwrap()
}

fn listings() -> DataFrame {
    let ids: Vec<String> = (0..8).map(|p| format!("p{p}")).collect();
    df!(
        "patient_id" => ids,
        "unit" => vec!["HC Lit"; 8],
        "listed_from" => vec![NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(); 8],
        "listed_to" => vec![None::<NaiveDate>; 8],
    )
    .unwrap()
}

/// Every index of each eligible patient, sorted by patient.
fn indices(rows: &[(u8, u8, u32)]) -> Vec<(String, Vec<Option<f64>>)> {
    let patients = Continuity::new(day(300))
        .patients(visits(rows), listings())
        .unwrap()
        .sort(["patient_id"], SortMultipleOptions::default())
        .unwrap();
    let ids = patients
        .column("patient_id")
        .unwrap()
        .str()
        .unwrap()
        .clone();
    (0..patients.height())
        .map(|i| {
            let values = ["coc", "upc", "secon", "mmci", "herfindahl"]
                .iter()
                .map(|name| floats(&patients, name)[i])
                .collect();
            (ids.get(i).unwrap().to_string(), values)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn waits_shares_stay_in_range_with_limits_around_them(rows in prop::collection::vec(referral(), 1..60)) {
        let table = fulfilment(&rows);
        let (value, lower, upper) = (floats(&table, "value"), floats(&table, "lower"), floats(&table, "upper"));
        let (x, n) = (floats(&table, "numerator"), floats(&table, "denominator"));
        for i in 0..table.height() {
            prop_assert!(x[i].unwrap() >= 0.0 && x[i].unwrap() <= n[i].unwrap());
            if let (Some(v), Some(lo), Some(up)) = (value[i], lower[i], upper[i]) {
                prop_assert!((0.0..=100.0).contains(&v));
                prop_assert!(lo <= v + 1e-9 && v <= up + 1e-9, "{lo} {v} {up}");
            }
        }
    }

    #[test]
    fn waits_do_not_depend_on_row_order(rows in prop::collection::vec(referral(), 1..60)) {
        let mut reversed = rows.clone();
        reversed.reverse();
        prop_assert!(fulfilment(&rows).equals_missing(&fulfilment(&reversed)));
    }

    #[test]
    fn waits_of_two_parts_add_up_to_the_whole(rows in prop::collection::vec(referral(), 2..60), cut in 1usize..59) {
        let cut = cut.min(rows.len() - 1);
        let whole = fulfilment(&rows);
        let parts = [fulfilment(&rows[..cut]), fulfilment(&rows[cut..])];
        for (i, unit) in whole.column("unit").unwrap().str().unwrap().iter().enumerate() {
            let mut sums = (0.0, 0.0);
            for part in &parts {
                let units: Vec<Option<&str>> = part.column("unit").unwrap().str().unwrap().iter().collect();
                if let Some(j) = units.iter().position(|u| *u == unit) {
                    sums.0 += floats(part, "numerator")[j].unwrap();
                    sums.1 += floats(part, "denominator")[j].unwrap();
                }
            }
            prop_assert_eq!(sums, (floats(&whole, "numerator")[i].unwrap(), floats(&whole, "denominator")[i].unwrap()));
        }
    }

    #[test]
    fn continuity_indices_stay_in_zero_to_one_and_ignore_row_order(rows in prop::collection::vec((0u8..8, 0u8..4, 0u32..300), 3..80)) {
        let forward = indices(&rows);
        for (patient, values) in &forward {
            for v in values.iter().flatten() {
                prop_assert!((0.0..=1.0).contains(v), "{patient}: index {v}");
            }
        }
        let mut reversed = rows.clone();
        reversed.reverse();
        prop_assert_eq!(forward, indices(&reversed));
    }

    #[test]
    fn continuity_of_each_patient_is_that_of_their_visits_in_time(rows in prop::collection::vec((0u8..8, 0u8..4, 0u32..300), 3..80)) {
        // The oracle: each patient's own visits ordered by day, then clinician.
        let mut expected = Vec::new();
        for p in 0..8u8 {
            let mut own: Vec<(u32, String)> = rows.iter().filter(|r| r.0 == p).map(|r| (r.2, format!("c{}", r.1))).collect();
            if own.len() >= 3 {
                own.sort();
                let clinicians: Vec<String> = own.into_iter().map(|(_, c)| c).collect();
                let i = ContinuityIndices::from_visits(&clinicians);
                expected.push((format!("p{p}"), ContinuityIndex::ALL.iter().map(|w| i.get(*w)).collect::<Vec<_>>()));
            }
        }
        prop_assert_eq!(indices(&rows), expected);
    }

    #[test]
    fn continuity_of_each_patient_is_the_same_when_patients_are_split(rows in prop::collection::vec((0u8..8, 0u8..4, 0u32..300), 3..80)) {
        let whole = indices(&rows);
        let (low, high): (Vec<_>, Vec<_>) = rows.iter().partition(|r| r.0 < 4);
        let mut parts = Vec::new();
        for part in [low, high] {
            // A part where nobody has enough visits is an empty result, not an error.
            if !part.is_empty() {
                parts.extend(indices(&part));
            }
        }
        parts.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(whole, parts);
    }
}

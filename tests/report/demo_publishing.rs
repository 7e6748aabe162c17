//! What the report on the demo data publishes: no small count shown,
//! masked rows saying why, the published tables passing the suppression
//! audit, and no identifier of the input in any output.

use indikator::Catalog;
use polars::prelude::*;

use crate::demo_run::{demo_data, report, text};

#[test]
fn no_small_count_is_shown_and_masked_rows_say_why() {
    let long = &report().long;
    let flags = text(long, "suppressed");
    let status = text(long, "status");
    let numerator = long.column("numerator").unwrap().f64().unwrap();
    let value = long.column("value").unwrap().f64().unwrap();
    let mut masked = 0;
    for i in 0..long.height() {
        if let Some(n) = numerator.get(i) {
            assert!(n == 0.0 || n >= 5.0, "row {i} shows a count of {n}");
        }
        if flags[i] != "none" {
            masked += 1;
            assert_eq!(value.get(i), None, "row {i} masked but has a value");
            assert_eq!(status[i], "suppressed");
        }
    }
    assert!(
        masked > 0,
        "small kommuner must have masked cells in the demo"
    );
}

/// What an indicator publishes for the report period, as tables published
/// together: the region's row, and each breakdown with the region's row.
fn published(long: &DataFrame, id: &str) -> (Vec<DataFrame>, Vec<String>) {
    let rows = long
        .clone()
        .lazy()
        .filter(col("indicator_id").eq(lit(id)))
        .collect()
        .unwrap();
    let counts = [col("numerator"), col("denominator"), col("suppressed")];
    let region = rows
        .clone()
        .lazy()
        .filter(col("series").eq(lit("period")))
        .select(counts.clone())
        .collect()
        .unwrap();
    let breakdowns: Vec<String> = {
        let b = rows
            .clone()
            .lazy()
            .filter(col("series").eq(lit("breakdown")))
            .select([col("breakdown").unique_stable()])
            .collect()
            .unwrap();
        text(&b, "breakdown")
    };
    let mut tables = vec![region.clone()];
    for b in &breakdowns {
        let with_key = |rows: LazyFrame, key: Expr| {
            let columns: Vec<Expr> = [key.alias(b.as_str())]
                .into_iter()
                .chain(counts.clone())
                .collect();
            rows.select(columns).collect().unwrap()
        };
        let split = rows.clone().lazy().filter(
            col("series")
                .eq(lit("breakdown"))
                .and(col("breakdown").eq(lit(b.as_str()))),
        );
        let split = with_key(split, col("group"));
        let total = with_key(region.clone().lazy(), lit("Hela regionen"));
        tables.push(split.vstack(&total).unwrap());
    }
    (tables, breakdowns)
}

#[test]
fn what_the_report_publishes_passes_the_suppression_audit() {
    let long = &report().long;
    let catalog = Catalog::shipped().unwrap();
    let mut audited = 0;
    for ind in &catalog.indicators {
        let (tables, breakdowns) = published(long, &ind.id);
        if breakdowns.is_empty() {
            continue;
        }
        // The count columns the report tests (src/report/evaluate.rs).
        let counts: &[&str] = match ind.statistic {
            indikator::Family::Continuity { .. } => &["denominator"],
            indikator::Family::Sip { .. } => &["numerator"],
            _ => &["numerator", "denominator"],
        };
        let threshold = ind
            .suppression_threshold
            .unwrap_or(catalog.catalog.suppression_threshold);
        let s = breakdowns.iter().fold(
            indikator::Suppression::new()
                .threshold(threshold)
                .counts(counts.iter().copied()),
            |s, b| {
                s.margin(indikator::Margin {
                    column: b.clone(),
                    total: "Hela regionen".into(),
                })
            },
        );
        for (t, audit) in s.audit_together(&tables).unwrap().iter().enumerate() {
            let passed = audit.column("audit_passed").unwrap().bool().unwrap();
            let findings = audit.column("audit_findings").unwrap().str().unwrap();
            for i in 0..audit.height() {
                assert_eq!(
                    passed.get(i),
                    Some(true),
                    "{}, table {t}, row {i}: {:?}",
                    ind.id,
                    findings.get(i)
                );
            }
        }
        audited += 1;
    }
    assert!(audited > 10, "only {audited} indicators with breakdowns");
}

/// Every identifier of a person, plan or record in the demo data.
fn identifiers() -> std::collections::HashSet<String> {
    let mut ids = std::collections::HashSet::new();
    for (table, column) in [
        ("listings", "patient_id"),
        ("visits", "patient_id"),
        ("visits", "clinician_id"),
        ("stays", "patient_id"),
        ("injuries", "patient_id"),
        ("deaths", "person_id"),
        ("sip", "plan_id"),
        ("waits", "referral_id"),
    ] {
        let file = std::fs::File::open(demo_data().join(format!("{table}.parquet"))).unwrap();
        let frame = ParquetReader::new(file).finish().unwrap();
        let values = frame.column(column).unwrap().unique().unwrap();
        ids.extend(values.str().unwrap().iter().flatten().map(str::to_string));
    }
    ids
}

#[test]
fn no_identifier_of_the_input_appears_in_any_output() {
    let ids = identifiers();
    assert!(
        ids.len() > 100_000,
        "the scan must see the identifiers ({})",
        ids.len()
    );
    let mut scanned = 0;
    for (name, bytes) in indikator::render::outputs(report()).unwrap() {
        // The workbook is compressed: its cells are the long table (the CSV)
        // and the indicator tables (the HTML), both scanned here; the Python
        // tests open the workbook and scan its cells.
        let text = String::from_utf8_lossy(&bytes);
        for token in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            scanned += 1;
            assert!(
                !ids.contains(token),
                "{name} contains the identifier {token}"
            );
        }
    }
    assert!(scanned > 10_000);
}

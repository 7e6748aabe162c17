//! Bad inputs to the report, one kind per test, each with its message: a
//! typed error naming the file, table, column or indicator, never a panic,
//! never a silent zero.

use std::path::{Path, PathBuf};

use indikator::{run_catalog, Benchmarks, Catalog, Error, RunOptions};

use super::demo_run::demo_data;

const SIP: &str = r#"[catalog]
id = "t"
version = "1"
title = "T"
region = "R"

[[indicator]]
id = "sip-vuxna"
name_sv = "SIP vuxna"
name_en = "SIP adults"
perspective = "Samhälle"
responsible = "HSN"
source = "Cosmic LINK"
polarity = "high_is_good"
statistic = { family = "sip", group = "adults" }
"#;

fn temp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bad-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The error of a strict run of `catalog` over `data` for 2024-delar.
fn strict_error(catalog: &str, data: &Path, period: &str) -> String {
    let catalog = Catalog::from_toml_str(catalog).unwrap();
    let mut options = RunOptions::new(period.parse().unwrap());
    options.strict = true;
    run_catalog(&catalog, data, &options)
        .unwrap_err()
        .to_string()
}

#[test]
fn a_data_directory_that_does_not_exist() {
    let catalog = Catalog::from_toml_str(SIP).unwrap();
    let err = run_catalog(
        &catalog,
        Path::new("/nonexistent/data"),
        &RunOptions::new("2024".parse().unwrap()),
    )
    .unwrap_err();
    assert!(matches!(err, Error::File { .. }));
    assert_eq!(
        err.to_string(),
        "file `/nonexistent/data`: the data directory does not exist"
    );
}

#[test]
fn a_missing_table_file() {
    let err = strict_error(SIP, &temp("missing"), "2024-delar");
    assert!(
        err.contains("sip.parquet") && err.contains("cannot be opened"),
        "{err}"
    );
    assert!(
        err.contains("`indicator`") && err.contains("sip-vuxna"),
        "{err}"
    );
}

#[test]
fn a_corrupt_parquet_file() {
    let dir = temp("corrupt");
    std::fs::write(dir.join("sip.parquet"), b"PAR1 this is not parquet").unwrap();
    let err = strict_error(SIP, &dir, "2024-delar");
    assert!(err.contains("not a readable Parquet file"), "{err}");
}

#[test]
fn a_table_without_a_column_the_statistic_needs() {
    let dir = temp("column");
    std::fs::write(
        dir.join("sip.csv"),
        "plan_id,birth_date\nSIP-1,2000-01-01\n",
    )
    .unwrap();
    let text = SIP.replace(
        "[[indicator]]",
        "[tables]\nsip = \"sip.csv\"\n\n[[indicator]]",
    );
    let err = strict_error(&text, &dir, "2024-delar");
    assert!(err.contains("column `established`"), "{err}");
}

#[test]
fn an_empty_table_is_an_error_not_a_zero() {
    let dir = temp("empty");
    std::fs::write(
        dir.join("sip.csv"),
        "plan_id,established,birth_date,status\n",
    )
    .unwrap();
    let text = SIP.replace(
        "[[indicator]]",
        "[tables]\nsip = \"sip.csv\"\n\n[[indicator]]",
    );
    let err = strict_error(&text, &dir, "2024-delar");
    assert!(err.contains("column `sip`: the table has no rows"), "{err}");
}

#[test]
fn filters_that_leave_nothing_say_which_filters() {
    let text = SIP.replace(
        "group = \"adults\"",
        "group = \"adults\", filters = { kommun = [\"9999\"] }",
    );
    let err = strict_error(&text, demo_data(), "2024-delar");
    assert!(
        err.contains("no rows") && err.contains("kommun in [9999]"),
        "{err}"
    );
}

#[test]
fn a_period_the_data_do_not_cover_is_an_error_not_a_zero() {
    let err = strict_error(SIP, demo_data(), "2030-delar");
    assert!(
        err.contains("the data do not cover the period; found jan–aug 2030"),
        "{err}"
    );
    assert!(err.contains("(the records run from 2019-"), "{err}");
}

#[test]
fn earlier_years_without_data_become_points_that_say_why() {
    let catalog =
        Catalog::from_toml_str(&SIP.replace("title = \"T\"", "title = \"T\"\ntrend_years = 10"))
            .unwrap();
    let report = run_catalog(
        &catalog,
        demo_data(),
        &RunOptions::new("2024-delar".parse().unwrap()),
    )
    .unwrap();
    let trend = &report.indicators[0].trend;
    assert_eq!(trend.len(), 10);
    assert_eq!(trend[0].value, None, "2015 has no SIP records");
    assert!(
        trend[0].status.contains("do not cover the period"),
        "{}",
        trend[0].status
    );
    assert!(trend[9].value.is_some());
}

#[test]
fn a_table_file_that_escapes_the_data_directory_through_a_link() {
    let dir = temp("link");
    let outside = temp("outside");
    std::fs::copy(demo_data().join("sip.parquet"), outside.join("sip.parquet")).unwrap();
    std::os::unix::fs::symlink(outside.join("sip.parquet"), dir.join("sip.parquet")).unwrap();
    let err = strict_error(SIP, &dir, "2024-delar");
    assert!(err.contains("resolves outside the data directory"), "{err}");
}

#[test]
fn a_benchmark_table_without_values() {
    let dir = temp("bench");
    let file = dir.join("riket.csv");
    std::fs::write(&file, "indicator,period,area\nsip-vuxna,2024,Riket\n").unwrap();
    let err = Benchmarks::read(&file).unwrap_err().to_string();
    assert!(
        err.starts_with("column `value` (benchmark) not found"),
        "{err}"
    );
}

#[test]
fn a_benchmark_file_that_is_not_kolada_json() {
    let dir = temp("kolada");
    let file = dir.join("kolada.json");
    std::fs::write(&file, "[1, 2, 3]").unwrap();
    let err = Benchmarks::read(&file).unwrap_err().to_string();
    assert!(
        err.contains("kolada.json`, line 1, key `(top)`: not a Kolada answer"),
        "{err}"
    );
}

#[test]
fn a_benchmark_file_that_does_not_exist() {
    let catalog = Catalog::from_toml_str(SIP).unwrap();
    let mut options = RunOptions::new("2024-delar".parse().unwrap());
    options.benchmarks = Some("/nonexistent/riket.csv".into());
    let err = run_catalog(&catalog, demo_data(), &options).unwrap_err();
    assert!(matches!(err, Error::File { .. }), "{err}");
}

#[test]
fn a_hand_built_period_out_of_range() {
    let catalog = Catalog::from_toml_str(SIP).unwrap();
    let options = RunOptions::new(indikator::Period::Delar { year: 3000 });
    let err = run_catalog(&catalog, demo_data(), &options)
        .unwrap_err()
        .to_string();
    assert!(err.contains("3000"), "{err}");
}

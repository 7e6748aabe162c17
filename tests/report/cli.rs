//! The `indikator` command: exit codes, messages and atomic outputs.

use std::path::{Path, PathBuf};

use indikator::cli::{main_with_args, EXIT_CATALOG, EXIT_DATA, EXIT_FAILED_INDICATORS, EXIT_USAGE};

use super::demo_run::demo_data;

fn run(args: &[&str]) -> i32 {
    let mut all = vec!["indikator"];
    all.extend_from_slice(args);
    main_with_args(all)
}

fn temp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn shipped() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("catalogs/region-jh.toml")
        .display()
        .to_string()
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn check_accepts_the_shipped_catalogue_and_the_demo_data() {
    assert_eq!(run(&["check", &shipped()]), 0);
    assert_eq!(run(&["check", &shipped(), "--data", &s(demo_data())]), 0);
}

#[test]
fn check_reports_missing_tables_and_columns() {
    let dir = temp("check-missing");
    std::fs::copy(demo_data().join("sip.parquet"), dir.join("sip.parquet")).unwrap();
    assert_eq!(
        run(&["check", &shipped(), "--data", &s(&dir)]),
        EXIT_CATALOG
    );
    assert_eq!(
        run(&["check", &shipped(), "--data", "/nonexistent"]),
        EXIT_DATA
    );
}

#[test]
fn an_invalid_catalogue_exits_with_its_code() {
    let dir = temp("bad-catalog");
    let file = dir.join("k.toml");
    std::fs::write(
        &file,
        "[catalog]\nid = \"x\"\nversion = \"1\"\ntitle = \"T\"\nregion = \"R\"\nfärg = 1\n",
    )
    .unwrap();
    assert_eq!(run(&["check", &s(&file)]), EXIT_CATALOG);
    assert_eq!(run(&["check", "/nonexistent/k.toml"]), EXIT_DATA);
}

#[test]
fn wrong_usage_exits_with_2() {
    assert_eq!(run(&["report"]), EXIT_USAGE);
    assert_eq!(run(&["report", "--period", "2024-13"]), EXIT_USAGE);
    assert_eq!(run(&["bake"]), EXIT_USAGE);
    assert_eq!(
        run(&["demo-data", "--out", "/tmp/x", "--scale", "0"]),
        EXIT_DATA
    );
}

/// The shipped catalogue cut to its SIP indicators (fast in a debug build),
/// plus `extra` appended.
fn small_catalogue(dir: &Path, extra: &str) -> PathBuf {
    let text = std::fs::read_to_string(shipped()).unwrap();
    let end = text.find("\n[[indicator]]\nid = \"suicid-15-24\"").unwrap();
    let file = dir.join("k.toml");
    std::fs::write(&file, format!("{}\n{extra}", &text[..end])).unwrap();
    file
}

const FAILING: &str = r#"
[[indicator]]
id = "aterinskrivning-65"
name_sv = "Återinskrivning inom 30 dagar, 65 år och äldre"
name_en = "Readmission within 30 days, ages 65 and over"
perspective = "Verksamhetsresultat"
responsible = "HSN"
source = "PAS"
polarity = "low_is_good"
statistic = { family = "readmission", table = "saknas" }
"#;

#[test]
fn the_report_is_written_and_a_failing_indicator_does_not_stop_the_others() {
    let dir = temp("report");
    let data = s(demo_data());
    let out = dir.join("ok");
    let good = small_catalogue(&dir, "");
    assert_eq!(
        run(&[
            "report",
            "--catalog",
            &s(&good),
            "--data",
            &data,
            "--period",
            "2024-delar",
            "--out",
            &s(&out)
        ]),
        0
    );
    for f in indikator::OUTPUT_FILES {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    // An indicator whose table is missing: exit 1, the report is written.
    let dir = temp("report-failing");
    let catalog = small_catalogue(&dir, FAILING);
    let out2 = dir.join("out");
    let args = [
        "report",
        "--catalog",
        &s(&catalog),
        "--data",
        &data,
        "--period",
        "2024-delar",
        "--out",
        &s(&out2),
    ];
    assert_eq!(run(&args), EXIT_FAILED_INDICATORS);
    let html = std::fs::read_to_string(out2.join("rapport.html")).unwrap();
    assert!(
        html.contains("saknas.parquet"),
        "the failure is shown with its error"
    );
    // Strict: nothing is written, the last good report stays in place.
    let before = std::fs::read(out2.join("resultat.csv")).unwrap();
    let mut strict = args.to_vec();
    strict.push("--strict");
    assert_eq!(run(&strict), EXIT_DATA);
    assert_eq!(std::fs::read(out2.join("resultat.csv")).unwrap(), before);
}

//! The report on the synthetic data of the region: every shipped indicator
//! computes, the figures are plausible, nothing small or personal leaks,
//! and the same inputs give byte-identical tables.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use indikator::{run_catalog, Catalog, Report, RunOptions};
use polars::prelude::*;

/// The demo data, written once per test run.
pub fn demo_data() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("demo");
        indikator::demo::write(&dir, indikator::demo::DEFAULT_SEED, 1.0).unwrap();
        dir
    })
}

pub fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let options = RunOptions::new("2024-delar".parse().unwrap());
        run_catalog(&Catalog::shipped().unwrap(), demo_data(), &options).unwrap()
    })
}

pub fn text(table: &DataFrame, column: &str) -> Vec<String> {
    table
        .column(column)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.unwrap_or("").to_string())
        .collect()
}

#[test]
fn every_shipped_indicator_computes_on_the_demo_data() {
    let report = report();
    let catalog = Catalog::shipped().unwrap();
    assert_eq!(report.indicators.len(), catalog.indicators.len());
    for ind in &report.indicators {
        assert_eq!(ind.error, None, "{} failed", ind.id);
        let current = ind.current.as_ref().unwrap();
        assert!(
            current.value.is_some(),
            "{}: no value ({})",
            ind.id,
            current.status
        );
        assert!(
            ind.rating.as_ref().is_some_and(|r| !r.rule.is_empty()),
            "{}",
            ind.id
        );
        assert_eq!(ind.trend.len(), 6, "{}", ind.id);
    }
    assert!(report.synthetic, "the demo data are labelled synthetic");
}

#[test]
fn the_demo_figures_are_plausible() {
    let report = report();
    let value = |id: &str| {
        report
            .indicators
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.current.as_ref())
            .and_then(|c| c.value)
            .unwrap()
    };
    let within = |id: &str, lo: f64, hi: f64| {
        let v = value(id);
        assert!((lo..=hi).contains(&v), "{id} = {v}, expected {lo}–{hi}");
    };
    within("suicid-15", 8.0, 25.0);
    within("suicid-15-24", 2.0, 25.0);
    within("bup-utredning-30", 30.0, 80.0);
    within("vg-pv-bedomning-3", 70.0, 95.0);
    // Between the generator's risks at 65–79 (18,5 %) and 80+ (22,5 %), as the region's 18,9 %.
    within("aterinskrivning-65", 18.0, 23.0);
    within("kontinuitet-kroniker", 0.2, 0.7);
    within("fallskador-65", 5.0, 40.0);
    within("sip-vuxna", 200.0, 700.0);
    // The region's life expectancy at birth in 2019–2023 (SCB): 82,3 years.
    within("medellivslangd", 81.0, 83.5);
}

/// Women against men in the report period: life expectancy as the
/// difference of the two breakdown rows (women live longer), suicide as a
/// rate ratio below 1 (men 2,5 times women in the generator), and a SIP
/// count not compared, saying why.
#[test]
fn the_sex_difference_rows_agree_with_the_breakdown_by_sex() {
    let report = report();
    let sex_of = |id: &str| {
        report
            .indicators
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.sex_difference.clone())
            .unwrap()
    };
    let le = sex_of("medellivslangd");
    let long = report
        .long
        .clone()
        .lazy()
        .filter(
            col("indicator_id")
                .eq(lit("medellivslangd"))
                .and(col("series").eq(lit("breakdown")))
                .and(col("breakdown").eq(lit("sex"))),
        )
        .sort(["group"], Default::default())
        .collect()
        .unwrap();
    let values = long.column("value").unwrap().f64().unwrap();
    let (women, men) = (values.get(0).unwrap(), values.get(1).unwrap());
    assert_eq!(text(&long, "group"), ["Kvinnor", "Män"]);
    assert!((le.value.unwrap() - (women - men)).abs() < 1e-9, "{le:?}");
    assert!((2.0..6.0).contains(&le.value.unwrap()), "{le:?}");
    assert!(le.lower.unwrap() < le.value.unwrap() && le.value.unwrap() < le.upper.unwrap());
    assert_eq!(le.significant, Some(true));
    let suicide = sex_of("suicid-15");
    assert_eq!(suicide.measure, "kvot kvinnor/män");
    assert!(suicide.upper.unwrap() < 1.0, "{suicide:?}");
    let sip = sex_of("sip-vuxna");
    assert_eq!((sip.value, sip.significant), (None, None));
    assert!(
        sip.status.contains("kvinnor och män jämförs inte"),
        "{sip:?}"
    );
    let rows = report
        .long
        .clone()
        .lazy()
        .filter(col("series").eq(lit("sex_difference")))
        .collect()
        .unwrap();
    assert!(text(&rows, "inputs").iter().all(|i| i.contains("sha256=")));
}

/// The count of a rule of a quality table.
fn rule_count(quality: &DataFrame, prefix: &str) -> usize {
    let rules = text(quality, "rule");
    let counts = quality
        .column("count")
        .unwrap()
        .cast(&DataType::Float64)
        .unwrap();
    let i = rules.iter().position(|r| r.starts_with(prefix)).unwrap();
    counts.f64().unwrap().get(i).unwrap() as usize
}

/// The demo's stays end in a transfer to another hospital about 4 % of the
/// time (the generator's rate), and each goes on at another clinic the same
/// day or the next: the readmission rules join them, all but the few whose
/// continuation falls after the data end.
#[test]
fn the_demo_s_transfers_to_another_hospital_are_joined() {
    let file = std::fs::File::open(demo_data().join("stays.parquet")).unwrap();
    let stays = ParquetReader::new(file).finish().unwrap();
    let transferred = text(&stays, "discharge_type")
        .iter()
        .filter(|t| *t == "annat sjukhus")
        .count();
    let mut readmission = indikator::Readmission::new("2024-delar".parse().unwrap());
    readmission.as_of = Some(chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
    let quality = readmission.quality(&stays).unwrap();
    let joined = rule_count(&quality, "transfers joined");
    let share = joined as f64 / stays.height() as f64;
    assert!((0.035..0.045).contains(&share), "{joined} transfers joined");
    assert!(
        joined <= transferred && joined * 100 >= transferred * 99,
        "{joined} of {transferred} transfers joined"
    );
    assert_eq!(rule_count(&quality, "overlapping stays joined"), 0);
}

#[test]
fn limits_bracket_every_value_and_counts_are_not_negative() {
    let long = &report().long;
    let value = long.column("value").unwrap().f64().unwrap();
    let lower = long.column("lower").unwrap().f64().unwrap();
    let upper = long.column("upper").unwrap().f64().unwrap();
    let numerator = long.column("numerator").unwrap().f64().unwrap();
    for i in 0..long.height() {
        if let (Some(v), Some(lo), Some(up)) = (value.get(i), lower.get(i), upper.get(i)) {
            assert!(lo <= v + 1e-9 && v <= up + 1e-9, "row {i}: {lo} {v} {up}");
        }
        if let Some(n) = numerator.get(i) {
            assert!(n >= 0.0, "row {i}: numerator {n}");
        }
    }
}

#[test]
fn every_row_carries_its_provenance() {
    let long = &report().long;
    let version = text(long, "definition_version");
    let inputs = text(long, "inputs");
    let series = text(long, "series");
    let library = text(long, "library_version");
    for i in 0..long.height() {
        if text(long, "status")[i].starts_with("error") {
            continue;
        }
        assert_eq!(version[i], "region-jh 2024.1");
        // A derived success factor's provenance is its measures' rows.
        let derived =
            series[i] == indikator::SERIES_FACTOR && inputs[i].starts_with("derived from: ");
        assert!(
            inputs[i].contains("sha256=") || derived,
            "row {i}: {}",
            inputs[i]
        );
        assert_eq!(library[i], env!("CARGO_PKG_VERSION"));
    }
    let files: Vec<&str> = report().inputs.iter().map(|f| f.file.as_str()).collect();
    for f in [
        "waits.parquet",
        "deaths.parquet",
        "population.px",
        "sip.parquet",
        "stays.parquet",
        "visits.parquet",
        "listings.parquet",
        "injuries.parquet",
        "dispensings.parquet",
    ] {
        assert!(files.contains(&f), "{f} not listed: {files:?}");
    }
}

#[test]
fn the_rating_and_riket_sit_on_the_report_period_row() {
    let long = &report().long;
    let (series, rule, riket) = (
        text(long, "series"),
        text(long, "rule"),
        long.column("riket").unwrap().f64().unwrap(),
    );
    for i in 0..long.height() {
        // The follow-up's rows (reported measures, success factors) are
        // rated each on its own row.
        let on_period = [
            "period",
            indikator::SERIES_REPORTED,
            indikator::SERIES_FACTOR,
        ]
        .contains(&series[i].as_str());
        assert_eq!(
            !rule[i].is_empty(),
            on_period,
            "row {i} ({}): rule {:?}",
            series[i],
            rule[i]
        );
        if !on_period {
            assert_eq!(riket.get(i), None, "row {i}");
        }
    }
}

#[test]
fn riket_comes_from_the_benchmark_file_and_says_so() {
    let report = report();
    let bup = report
        .indicators
        .iter()
        .find(|i| i.id == "bup-utredning-30")
        .unwrap();
    let riket = bup.riket.as_ref().expect("riket for BUP");
    assert!(riket.source.contains("riket.parquet"), "{}", riket.source);
    let suicide = report
        .indicators
        .iter()
        .find(|i| i.id == "suicid-15")
        .unwrap();
    let riket = suicide
        .riket
        .as_ref()
        .expect("riket for the pooled suicide rate");
    assert_eq!(riket.period, suicide.current.as_ref().unwrap().label);
}

#[test]
fn a_years_riket_comes_from_the_kolada_file_through_its_reader() {
    let options = RunOptions::new("2024".parse().unwrap());
    let year = run_catalog(&Catalog::shipped().unwrap(), demo_data(), &options).unwrap();
    let bup = year
        .indicators
        .iter()
        .find(|i| i.id == "bup-utredning-30")
        .unwrap();
    let riket = bup.riket.as_ref().expect("riket for BUP in 2024");
    assert_eq!(
        riket.source,
        "Kolada bup-utredning-30, fil riket-kolada.json"
    );
    assert_eq!((riket.period.as_str(), riket.value), ("2024", 70.0));
    assert!(year
        .benchmark_source
        .starts_with("Kolada (fil riket-kolada.json); "));
}

#[test]
fn the_same_catalogue_on_the_same_files_gives_byte_identical_tables() {
    let options = RunOptions::new("2024-delar".parse().unwrap());
    let again = run_catalog(&Catalog::shipped().unwrap(), demo_data(), &options).unwrap();
    let first = indikator::render::outputs(report()).unwrap();
    let second = indikator::render::outputs(&again).unwrap();
    assert_eq!(first.len(), second.len());
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{name} differs between two runs");
    }
}

#[test]
fn the_html_has_every_indicator_and_no_masked_number() {
    let report = report();
    let html = indikator::render::html(report);
    for ind in &report.indicators {
        assert!(
            html.contains(&ind.name_sv.replace('&', "&amp;")),
            "{} missing",
            ind.id
        );
    }
    assert!(html.contains("SYNTETISKA DATA"));
    let masked_bars = report
        .indicators
        .iter()
        .flat_map(|i| &i.by_kommun)
        .filter(|p| p.suppressed)
        .count();
    assert!(
        masked_bars > 0 && html.contains(".."),
        "masked kommuner show '..'"
    );
}

/// The long table of the demo for the fixed seed, the main columns rounded,
/// compared with the blessed snapshot (`INDIKATOR_BLESS=1` rewrites it).
#[test]
fn the_demo_long_table_matches_its_snapshot() {
    let long = &report().long;
    let columns = [
        "indicator_id",
        "series",
        "period",
        "breakdown",
        "group",
        "numerator",
        "denominator",
        "value",
        "lower",
        "upper",
        "status",
        "suppressed",
        "riket",
        "rating",
    ];
    let mut snapshot = long.select(columns).unwrap();
    for c in ["value", "lower", "upper", "riket", "denominator"] {
        let rounded = snapshot
            .column(c)
            .unwrap()
            .f64()
            .unwrap()
            .apply_values(|v| (v * 1e6).round() / 1e6);
        snapshot
            .with_column(rounded.into_series().into_column())
            .unwrap();
    }
    let mut bytes = Vec::new();
    CsvWriter::new(&mut bytes).finish(&mut snapshot).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report/demo-2024-delar.csv");
    if std::env::var_os("INDIKATOR_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).expect("snapshot missing: run with INDIKATOR_BLESS=1");
    let got = String::from_utf8(bytes).unwrap();
    for (i, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
        assert_eq!(g, e, "line {} of the snapshot differs", i + 1);
    }
    assert_eq!(got.lines().count(), expected.lines().count());
}

//! The tests of `xlsx`.

use super::super::fixture::sample_report;
use super::*;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_zip_with_the_sheets() {
    let bytes = xlsx(&sample_report()).unwrap();
    assert!(bytes.starts_with(b"PK"));
    for sheet in 1..=5 {
        let name = format!("xl/worksheets/sheet{sheet}.xml");
        assert!(contains(&bytes, name.as_bytes()), "{name}");
    }
    assert!(!contains(&bytes, b"xl/worksheets/sheet6.xml"));
}

#[test]
fn sheets_in_order() {
    let mut workbook = workbook(&sample_report())
        .map_err(Fault::into_error)
        .unwrap();
    let names: Vec<String> = workbook.worksheets().iter().map(|s| s.name()).collect();
    assert_eq!(
        names,
        ["Översikt", "Samhälle", "Patient", "Data", "Underlag"]
    );
}

#[test]
fn formats_and_names() {
    assert_eq!(sheet_name("a/b:c*d?[e]\\f"), "a-b-c-d--e--f");
    assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    assert_eq!(hex_rgb(rating_hex("green")), 0x2e7d4f);
    assert_eq!(
        number_format(1, "%"),
        Format::new().set_num_format("[$-41D]#,##0.0\" %\"")
    );
    assert_eq!(
        number_format(0, ""),
        Format::new().set_num_format("[$-41D]#,##0")
    );
}

/// Writes the sample workbook for a look in a spreadsheet:
/// `cargo test --features report --lib report::xlsx -- --ignored`.
#[test]
#[ignore]
fn render_sample() {
    let bytes = xlsx(&sample_report()).unwrap();
    let path = std::env::temp_dir().join("report-sample.xlsx");
    assert!(std::fs::write(path, bytes).is_ok());
}

#[test]
fn an_empty_report_still_writes() {
    let mut report = sample_report();
    report.indicators.clear();
    report.inputs.clear();
    report.long = DataFrame::default();
    let bytes = xlsx(&report).unwrap();
    assert!(bytes.starts_with(b"PK"));
}

//! Kolada's answers, one page or several.

use indikator::{read_kolada, read_kolada_str};
use polars::prelude::*;

use super::{data, texts};

#[test]
fn one_answer_gives_a_row_per_kpi_municipality_year_and_gender() {
    let f = read_kolada([data("kolada-suicid.json")]).unwrap();
    assert_eq!(
        f.get_column_names(),
        [
            "kpi",
            "municipality",
            "municipality_name",
            "period",
            "gender",
            "value",
            "count",
            "status"
        ]
    );
    assert_eq!(f.height(), 4 * 2 * 3);
    assert_eq!(f.column("period").unwrap().dtype(), &DataType::Int32);
    let names = texts(&f, "municipality_name");
    assert_eq!(
        (names[0].as_str(), names[6].as_str(), names[12].as_str()),
        ("Riket", "Jämtlands län", "Östersund")
    );
    // Krokom's women in 2022: no value, Kolada's status kept, never zero.
    let krokom = f
        .lazy()
        .filter(
            col("municipality")
                .eq(lit("2309"))
                .and(col("period").eq(lit(2022)))
                .and(col("gender").eq(lit("K"))),
        )
        .collect()
        .unwrap();
    assert_eq!(krokom.column("value").unwrap().null_count(), 1);
    assert_eq!(texts(&krokom, "status"), ["Missing"]);
}

#[test]
fn the_paged_form_reads_as_the_whole_answer() {
    let whole = read_kolada([data("kolada-suicid.json")]).unwrap();
    let paged = read_kolada([data("kolada-pages.json")]).unwrap();
    assert!(whole.equals_missing(&paged));
    // The same pages as two files, and a page given twice is refused.
    let pages: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(data("kolada-pages.json")).unwrap()).unwrap();
    let dir = std::env::temp_dir().join(format!("indikator-kolada-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<_> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let path = dir.join(format!("page-{i}.json"));
            std::fs::write(&path, p.to_string()).unwrap();
            path
        })
        .collect();
    assert!(read_kolada(&files).unwrap().equals_missing(&whole));
    let err = read_kolada([&files[0], &files[0]]).unwrap_err().to_string();
    assert!(
        err.contains("is given twice (a page saved twice?)"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn faults_name_the_line_and_the_key() {
    let page = |entry: &str| format!("{{\"count\": 1,\n \"values\": [\n  {entry}\n ]}}");
    let cases = [
        (
            page(r#"{"kpi": "N1", "municipality": "0000", "period": "20x3", "values": []}"#),
            "line 3, key `values[0].period`: must be a year; found \"20x3\"",
        ),
        (
            page(
                r#"{"kpi": "N1", "municipality": "0000", "period": 2023, "values": [{"gender": "X", "value": 1}]}"#,
            ),
            "key `values[0].values[0].gender`: must be T, K or M; found \"X\"",
        ),
        (
            page(
                r#"{"kpi": "N1", "municipality": "0000", "period": 2023, "values": [{"gender": "T", "value": "1,5"}]}"#,
            ),
            "key `values[0].values[0].value`: must be a number or null",
        ),
        (
            page(r#"{"kpi": "N1", "period": 2023, "values": []}"#),
            "line 3, key `values[0]`: an entry without `municipality`",
        ),
        (
            page(r#"{"kpi": "N1", "ou": "V15E1", "period": 2023, "values": []}"#),
            "key `values[0].ou`: organisational-unit data",
        ),
        (
            "{\"rows\": []}".to_string(),
            "line 1, key `(top)`: not a Kolada answer: no `values` array",
        ),
        (
            "{\"values\": [}".to_string(),
            "line 1: not valid JSON (Kolada)",
        ),
    ];
    for (text, expected) in cases {
        let err = read_kolada_str(&text, "k.json").unwrap_err().to_string();
        assert!(
            err.starts_with("file `k.json`, ") && err.contains(expected),
            "{expected}\n  got: {err}"
        );
    }
}

#[test]
fn the_entries_alone_read_as_an_answer() {
    let whole = read_kolada([data("kolada-suicid.json")]).unwrap();
    let answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("kolada-suicid.json")).unwrap())
            .unwrap();
    let entries = answer["values"].to_string();
    assert!(read_kolada_str(&entries, "entries.json")
        .unwrap()
        .equals_missing(&whole));
    let err = read_kolada_str("[1, 2]", "k.json").unwrap_err().to_string();
    assert!(
        err.starts_with("file `k.json`, line 1, key `(top)`: not a Kolada answer"),
        "{err}"
    );
}

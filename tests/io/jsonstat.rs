//! JSON-stat 2.0 (and the 1.0 bundle).

use indikator::{read_jsonstat, read_jsonstat_str, read_px, PxOptions, Role};
use polars::prelude::*;

use super::{data, texts};

#[test]
fn the_pxweb_answer_matches_the_px_download_of_the_same_table() {
    let json = read_jsonstat(data("folkmangd.json")).unwrap();
    let px = read_px(data("folkmangd.px"), &PxOptions::default()).unwrap();
    assert_eq!(
        json.frame.get_column_names(),
        [
            "region",
            "region_label",
            "ålder",
            "ålder_label",
            "kön",
            "kön_label",
            "tabellinnehåll",
            "tabellinnehåll_label",
            "år",
            "år_label",
            "value",
            "status"
        ]
    );
    let same = |f: &DataFrame| f.select(["region", "ålder", "kön", "år", "value"]).unwrap();
    assert!(same(&json.frame).equals_missing(&same(&px.frame)));
    assert_eq!(texts(&json.frame, "region_label")[0], "Östersund");
    let m = &json.meta;
    assert_eq!(
        (m.format.as_str(), m.table.as_deref(), m.unit.as_deref()),
        ("JSON-stat", Some("BE0101N1"), Some("antal"))
    );
    assert_eq!(m.last_updated.as_deref(), Some("2024-02-21T07:00:00Z"));
    assert_eq!(m.dimensions[3].role, Some(Role::Metric));
    assert_eq!(
        json.frame.column("value").unwrap().dtype(),
        &DataType::Int64
    );
}

#[test]
fn values_and_status_as_objects_leave_missing_cells_null_with_their_code() {
    let t = read_jsonstat(data("status.json")).unwrap();
    let values: Vec<Option<f64>> = t
        .frame
        .column("value")
        .unwrap()
        .cast(&DataType::Float64)
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(
        values,
        [
            Some(512.0),
            Some(530.0),
            Some(120.0),
            None,
            Some(61.0),
            None
        ]
    );
    assert_eq!(texts(&t.frame, "status"), ["", "", "", "..", "", ".."]);
    assert_eq!(
        t.frame.column("value").unwrap().dtype(),
        &DataType::Float64,
        "no decimals declared"
    );
}

#[test]
fn status_as_one_text_or_an_array_and_a_version_1_bundle() {
    let doc = |value: &str, status: &str| {
        format!(
            r#"{{"version": "2.0", "class": "dataset", "id": ["a"], "size": [2],
           "dimension": {{"a": {{"category": {{"index": ["x", "y"]}}}}}}, "value": {value}, "status": {status}}}"#
        )
    };
    let t = read_jsonstat_str(&doc("[1.5, 2]", "\"p\""), "t.json").unwrap();
    assert_eq!(texts(&t.frame, "status"), ["p", "p"]);
    assert_eq!(
        t.frame.get_column_names()[..2],
        ["a", "a_label"],
        "a dimension without a label is named by its id"
    );
    let t = read_jsonstat_str(&doc("[1, null]", "[\"\", \"..\"]"), "t.json").unwrap();
    assert_eq!(texts(&t.frame, "status"), ["", ".."]);
    let bundle = r#"{"dataset": {"label": "Folkmängd", "value": [7, 8],
        "dimension": {"id": ["Tid"], "size": [2], "role": {"time": ["Tid"]},
                      "Tid": {"label": "år", "category": {"index": {"2022": 0, "2023": 1}}}}}}"#;
    let t = read_jsonstat_str(bundle, "v1.json").unwrap();
    assert_eq!(texts(&t.frame, "år"), ["2022", "2023"]);
    assert_eq!(t.meta.dimensions[0].role, Some(Role::Time));
}

#[test]
fn faults_name_the_line_and_the_json_path() {
    let good = r#"{"version": "2.0", "class": "dataset",
 "id": ["a", "b"],
 "size": [2, 1],
 "dimension": {
  "a": {"category": {"index": ["x", "y"]}},
  "b": {"category": {"index": {"u": 0}}}},
 "value": [1, 2]}"#;
    let cases = [
        (
            good.replace("[2, 1]", "[3, 1]"),
            "line 3, key `size[0]`: says 3 categories but dimension `a` has 2",
        ),
        (
            good.replace("[1, 2]", "[1, \"two\"]"),
            "line 7, key `value[1]`: a value must be a number or null; found \"two\"",
        ),
        (
            good.replace("[1, 2]", "[1, 2, 3]"),
            "line 7, key `value`: has 3 values; the sizes make 2",
        ),
        (
            good.replace("{\"u\": 0}", "{\"u\": 1}"),
            "line 6, key `dimension.b.category.index.u`: positions must be 0 … 0",
        ),
        (
            good.replace("\"dataset\"", "\"collection\""),
            "line 1, key `class`: a `collection` is not read",
        ),
        (
            good.replace("\"id\": [\"a\", \"b\"],", "\"id\": [\"a\", \"b\"]"),
            "line 3: not valid JSON (JSON-stat): expected `,`",
        ),
        (
            good.replace(", \"b\"]", ", \"c\"]"),
            "line 4, key `dimension`: has no dimension `c` named in `id`",
        ),
    ];
    for (text, expected) in cases {
        let err = read_jsonstat_str(&text, "t.json").unwrap_err().to_string();
        assert!(
            err.starts_with("file `t.json`, ") && err.contains(expected),
            "{expected}\n  got: {err}"
        );
    }
}

//! PC-Axis files.

use indikator::{read_px, read_px_bytes, read_px_metadata, Error, PxOptions, Role};
use polars::prelude::*;

use super::{data, texts};

fn px(text: &str) -> Result<indikator::StatTable, Error> {
    read_px_bytes(text.as_bytes(), "t.px", &PxOptions::default())
}

#[test]
fn scbs_population_table_in_windows_1252() {
    let table = read_px(data("folkmangd.px"), &PxOptions::default()).unwrap();
    let f = &table.frame;
    assert_eq!(
        f.get_column_names(),
        [
            "region",
            "region_label",
            "ålder",
            "ålder_label",
            "kön",
            "kön_label",
            "år",
            "år_label",
            "value",
            "status"
        ]
    );
    // 2 regions × 102 ages (with the total) × 2 sexes × 2 years.
    assert_eq!(f.height(), 2 * 102 * 2 * 2);
    assert_eq!(f.column("value").unwrap().dtype(), &DataType::Int64);
    assert_eq!(texts(f, "region_label")[0], "2380 Östersund");
    assert_eq!(texts(f, "ålder_label")[4 * 100], "100+ år");
    assert_eq!(texts(f, "ålder")[4 * 101], "tot");
    assert_eq!(
        texts(f, "kön_label")[..4],
        ["män", "män", "kvinnor", "kvinnor"]
    );
    assert_eq!(f.column("status").unwrap().null_count(), f.height());
    let m = &table.meta;
    assert_eq!(m.format, "PC-Axis");
    assert_eq!(m.encoding, "windows-1252");
    assert_eq!(m.table.as_deref(), Some("BE0101N1"));
    assert_eq!(
        m.title.as_deref(),
        Some("Folkmängden efter region, ålder, kön och år")
    );
    assert_eq!(m.unit.as_deref(), Some("antal"));
    assert_eq!(m.last_updated.as_deref(), Some("20240221 08:00"));
    assert_eq!(m.decimals, Some(0));
    assert!(
        m.notes[0].ends_with("inte SCB:s."),
        "a note split over two lines is one text: {:?}",
        m.notes
    );
    let roles: Vec<_> = m
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("Region", Some(Role::Geo)),
            ("Alder", None),
            ("Kon", None),
            ("Tid", Some(Role::Time))
        ]
    );
    // The total of each stub row is the sum of its ages.
    let values: Vec<i64> = f
        .column("value")
        .unwrap()
        .i64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    let men_2022: i64 = (0..101).map(|a| values[a * 4]).sum();
    assert_eq!(values[101 * 4], men_2022);
}

#[test]
fn utf8_and_windows_1252_read_the_same_letters() {
    let cp1252 = std::fs::read(data("folkmangd.px")).unwrap();
    let text: String = cp1252.iter().map(|&b| char::from(b)).collect::<String>();
    // Latin-1 bytes as chars are the same letters here (no 0x80–0x9F in the file).
    let utf8 = text.replace("CODEPAGE=\"windows-1252\"", "CODEPAGE=\"utf-8\"");
    let a = read_px(data("folkmangd.px"), &PxOptions::default()).unwrap();
    let b = read_px_bytes(utf8.as_bytes(), "utf8.px", &PxOptions::default()).unwrap();
    assert!(a.frame.equals_missing(&b.frame));
    assert_eq!(b.meta.encoding, "UTF-8");
}

#[test]
fn dots_codes_are_null_with_their_code_and_the_dash_is_nil() {
    let table = read_px(data("markers.px"), &PxOptions::default()).unwrap();
    let f = &table.frame;
    let values: Vec<Option<f64>> = f.column("value").unwrap().f64().unwrap().iter().collect();
    assert_eq!(
        values,
        [
            Some(812.4),
            Some(790.0),
            None,
            Some(655.1),
            Some(0.0),
            None,
            Some(701.9),
            Some(0.0)
        ]
    );
    assert_eq!(texts(f, "status"), ["", "", "..", "", "-", "...", "", "-"]);
    assert_eq!(
        table.meta.symbols.get("..").map(String::as_str),
        Some("Uppgift inte tillgänglig")
    );
    assert_eq!(table.meta.encoding, "UTF-8");
}

#[test]
fn a_language_of_the_file_is_read_with_its_own_names() {
    let en = PxOptions::default().language("en");
    let table = read_px(data("markers.px"), &en).unwrap();
    assert_eq!(table.frame.get_column_names()[2..4], ["sex", "sex_label"]);
    assert_eq!(texts(&table.frame, "sex_label")[..2], ["men", "men"]);
    assert_eq!(
        table.meta.title.as_deref(),
        Some("Deaths per 100 000 by region, sex and year")
    );
    assert_eq!(
        table.meta.symbols.get("..").map(String::as_str),
        Some("Data not available")
    );
    assert_eq!(table.meta.language.as_deref(), Some("en"));
    let fi = PxOptions::default().language("fi");
    let err = read_px(data("markers.px"), &fi).unwrap_err().to_string();
    assert_eq!(
        err,
        "argument `language`: a language of the file (sv, en); got fi"
    );
}

#[test]
fn keys_rows_fill_the_table_and_left_out_rows_are_zeros() {
    let table = read_px(data("keys.px"), &PxOptions::default()).unwrap();
    let values: Vec<i64> = table
        .frame
        .column("value")
        .unwrap()
        .i64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    assert_eq!(values, [32811, 33002, 32100, 32345, 0, 0, 3401, 3388]);
    assert_eq!(
        table.meta.encoding, "windows-1252",
        "iso-8859-1 is read as its superset"
    );
    assert_eq!(texts(&table.frame, "region_label")[6], "2326 Berg");
}

#[test]
fn a_malformed_file_names_its_line_and_key() {
    let path = data("malformed.px");
    let err = read_px(&path, &PxOptions::default()).unwrap_err();
    assert!(matches!(err, Error::Format { line: 9, .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "file `{}`, line 9, key `CODES(\"ålder\")`: has 2 codes but VALUES(\"ålder\") has 3 values",
            path.display()
        )
    );
}

#[test]
fn every_fault_names_a_line_and_a_key() {
    let head = "CHARSET=\"ANSI\";\nDECIMALS=0;\nSTUB=\"region\";\nHEADING=\"år\";\n\
                VALUES(\"region\")=\"2380\",\"2309\";\nVALUES(\"år\")=\"2023\";\n";
    let cases = [
        (
            format!("{head}DATA=\n1\n2\n3;\n"),
            "line 10, key `DATA`: more cells than the table's 2 (2 × 1)",
        ),
        (
            format!("{head}DATA=\n1;\n"),
            "line 7, key `DATA`: 1 cells; the table has 2 (2 × 1)",
        ),
        (
            format!("{head}DATA=\n1\n5x;\n"),
            "line 9, key `DATA`: a cell must be a number",
        ),
        (
            head.to_string(),
            "line 6, key `DATA`: missing: the file has no DATA section",
        ),
        (
            head.replace("VALUES(\"år\")=\"2023\";\n", "") + "DATA=1 2;",
            "line 4, key `VALUES(\"år\")`: missing",
        ),
        (
            head.replace("STUB=\"region\";\nHEADING=\"år\";\n", ""),
            "line 1, key `STUB`: neither STUB nor HEADING",
        ),
        (
            format!("{head}CODEPAGE=\"ebcdic\";\nDATA=1 2;"),
            "line 7, key `CODEPAGE`: `ebcdic` is not an encoding",
        ),
        (
            format!("{head}KEYS(\"region\")=LABELS;\nDATA=\"2380\",1;"),
            "line 7, key `KEYS(\"region\")`: must be VALUES or CODES",
        ),
        (
            format!("{head}NOTE=\"unclosed;\nDATA=1 2;"),
            "line 7, key `NOTE`: a quoted text is not closed",
        ),
    ];
    for (text, expected) in cases {
        let err = px(&text).unwrap_err().to_string();
        assert!(err.starts_with("file `t.px`, "), "{err}");
        assert!(err.contains(expected), "{expected}\n  got: {err}");
    }
}

#[test]
fn the_metadata_alone_skips_the_cells() {
    let bytes = std::fs::read(data("folkmangd.px")).unwrap();
    let broken = [&bytes[..bytes.len() - 20], b"x y z\n;\n"].concat();
    let meta = read_px_metadata(&broken, "folk.px", &PxOptions::default()).unwrap();
    assert_eq!(
        meta.dimensions.iter().map(|d| d.size).collect::<Vec<_>>(),
        [2, 102, 2, 2]
    );
    assert!(read_px_bytes(&broken, "folk.px", &PxOptions::default()).is_err());
}

//! The reported file: every problem named by file, sheet, row and column,
//! all of a file's problems in one error; the template read back.

use std::path::Path;

use indikator::{reported_template, run_catalog, Catalog, Reported, RunOptions};

use super::followup::{run_with, temp, CATALOG};

/// The error of a run with these answers, the file's path cut to its name.
fn reported_error(answers: &str, name: &str) -> String {
    let err = run_with(answers, name).unwrap_err();
    assert!(matches!(err, indikator::Error::File { .. }), "{err}");
    err.to_string().replace(&temp_path(name), "")
}

fn temp_path(name: &str) -> String {
    let dir =
        std::env::temp_dir().join(format!("indikator-followup-{}-{name}", std::process::id()));
    format!("{}/", dir.display())
}

#[test]
fn every_problem_of_a_reported_file_named_by_row_and_column() {
    let bad = "id,kommun,period,value,status\n\
               m-okand,,2024-delar,ja,\n\
               m-ja,,2024-delar,kanske,\n\
               m-andel,,2022,12,\n\
               m-status,,2024-delar,Klart,\n\
               m-status,,jan–aug 2024,Pågår,\n\
               m-arena,,2024-delar,ja,\n\
               m-ja,Berg,2023-delar,ja,\n\
               m-nej,,2024-delar,nej,Snart\n\
               f-gron,,2024-delar,grön,\n";
    let err = reported_error(bad, "errors");
    assert_eq!(
        err,
        "file `svar.csv`: 8 problems:\n  \
         row 2 (id): unknown id \"m-okand\": not a reported measure or a success factor rated by hand in the catalogue (known: m-ja, m-andel, m-nej-pagar, m-status, m-nej, m-sjuk, m-tom, m-arlig, m-arena, f-hand, f-hand-tom)\n  \
         row 3 (value): the value of \"m-ja\" is ja or nej; got \"kanske\"\n  \
         row 4 (period): the period 2022 lies outside the report period jan–aug 2024 (and the same period a year earlier, jan–aug 2023)\n  \
         row 6: \"m-status\" for jan–aug 2024 is reported twice (first in row 5)\n  \
         row 7 (kommun): \"m-arena\" is answered per kommun: give the kommun (one of Ragunda, Bräcke, Krokom, Strömsund, Åre, Berg, Härjedalen, Östersund)\n  \
         row 8 (kommun): \"m-ja\" is not answered per kommun: leave kommun empty; got \"Berg\"\n  \
         row 9 (status): the status is Ej påbörjat, Pågår, Arbete pågår or Klart; got \"Snart\"\n  \
         row 10 (id): \"f-gron\" is a success factor derived from its measures: its rating is not reported (report its measures)"
    );
}

#[test]
fn a_reported_file_without_a_required_column_or_of_another_kind() {
    let err = reported_error("id,period\nm-ja,2024-delar\n", "header");
    assert_eq!(
        err,
        "file `svar.csv`: row 1: the column value is missing from the header (it has: id, period)"
    );
    let err = reported_error("id,period,value,answer\n", "unknown-column");
    assert!(
        err.starts_with("file `svar.csv`: row 1: the header has an unknown column \"answer\""),
        "{err}"
    );
    let dir = temp("missing");
    let mut options = RunOptions::new("2024-delar".parse().unwrap());
    options.reported = Some(dir.join("finns-inte.xlsx"));
    let err = run_catalog(&Catalog::from_toml_str(CATALOG).unwrap(), &dir, &options)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("finns-inte.xlsx") && err.contains("cannot be opened"),
        "{err}"
    );
}

#[test]
fn an_xlsx_answer_of_the_wrong_kind_is_named_by_sheet_and_row() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Rapportering").unwrap();
    for (c, h) in ["id", "period", "value"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "m-andel").unwrap();
    sheet.write_string(1, 1, "2024-delar").unwrap();
    sheet.write_number(1, 2, 61.0).unwrap();
    sheet.write_string(2, 0, "m-sjuk").unwrap();
    sheet.write_string(2, 1, "2024-delar").unwrap();
    sheet.write_string(2, 2, "ungefär sex").unwrap();
    let dir = temp("xlsx");
    let file = dir.join("svar.xlsx");
    book.save(&file).unwrap();
    let catalog = Catalog::from_toml_str(CATALOG).unwrap();
    let err = Reported::read(&file, &catalog, "2024-delar".parse().unwrap())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "file `{}`: sheet Rapportering, row 3 (value): the value of \"m-sjuk\" is a number (decimal comma or point); got \"ungefär sex\"",
            file.display()
        )
    );
}

#[test]
fn the_template_has_a_row_per_measure_and_kommun_and_reads_back_as_nothing_reported() {
    let catalog = Catalog::from_toml_str(CATALOG).unwrap();
    let period = "2024-delar".parse().unwrap();
    let dir = temp("template");
    let file = dir.join("mall.xlsx");
    std::fs::write(&file, reported_template(&catalog, period).unwrap()).unwrap();
    let read = Reported::read(&file, &catalog, period).unwrap();
    // 8 measures answered once, one answered by each of the 8 kommuner, 2
    // factors rated by hand.
    assert_eq!(read.values.len(), 8 + 8 + 2);
    assert!(read.values.iter().all(|v| v.answer.is_none()));
    assert_eq!(read.file.as_ref().unwrap().table, "reported");
    let report = {
        let mut options = RunOptions::new(period);
        options.reported = Some(file);
        run_catalog(&catalog, &dir, &options).unwrap()
    };
    assert!(report
        .followup
        .iter()
        .flat_map(|g| &g.factors)
        .all(|f| f.rating.rating.is_none()));
}

#[test]
fn the_demo_template_is_the_shipped_catalogue_s() {
    let catalog = Catalog::shipped().unwrap();
    let period = "2024-delar".parse().unwrap();
    let bytes = reported_template(&catalog, period).unwrap();
    let dir = temp("shipped-template");
    let file: &Path = &dir.join("mall.xlsx");
    std::fs::write(file, bytes).unwrap();
    let read = Reported::read(file, &catalog, period).unwrap();
    let per_kommun = catalog.measures.iter().filter(|m| m.per_kommun).count();
    let by_hand = catalog
        .success_factors
        .iter()
        .filter(|f| f.rating == indikator::FactorRating::Reported)
        .count();
    assert_eq!(
        read.values.len(),
        catalog.measures.len() + 7 * per_kommun + by_hand
    );
}

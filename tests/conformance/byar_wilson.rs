//! `testdata_Byars_Wilson__testdata_B_W.csv`: the kernels on plain numbers.

use indikator::stats::{byar_lower, byar_upper, wilson_lower, wilson_upper};

use crate::common::{assert_matches, Csv, GOLDEN_REL_TOL};

fn level(csv: &Csv, row: usize) -> f64 {
    match csv.text(row, "confidence").as_str() {
        "95%" => 0.95,
        "99.8%" => 0.998,
        other => panic!("unexpected confidence {other}"),
    }
}

#[test]
fn every_byar_and_wilson_row_is_reproduced() {
    let csv = Csv::read("testdata_Byars_Wilson__testdata_B_W.csv");
    assert_eq!(csv.rows.len(), 13);
    for row in 0..csv.rows.len() {
        let x = csv.num(row, "x").unwrap();
        let conf = level(&csv, row);
        let (lo, hi) = match csv.text(row, "method").as_str() {
            "Byars" => (byar_lower(x, conf), byar_upper(x, conf)),
            "Wilson" => {
                let n = csv.num(row, "n").unwrap();
                (wilson_lower(x, n, conf), wilson_upper(x, n, conf))
            }
            other => panic!("unexpected method {other}"),
        };
        // Row 13 expects no lower limit: Byar's bracket is negative for x = 1 at 99.8 %.
        assert_matches(
            lo,
            csv.num(row, "lowercl"),
            GOLDEN_REL_TOL,
            &format!("row {} lower", row + 1),
        );
        assert_matches(
            hi,
            csv.num(row, "uppercl"),
            GOLDEN_REL_TOL,
            &format!("row {} upper", row + 1),
        );
    }
}

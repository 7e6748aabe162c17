//! The audit on tables worked by hand.

use polars::prelude::*;

use super::audit::{audit, CellAudit, Finding, Interval};
use super::frames::read;
use super::{Margin, Suppression};

fn margin(column: &str, total: &str) -> Margin {
    Margin {
        column: column.into(),
        total: total.into(),
    }
}

/// The audit of each row of `table` (flags from its `suppressed` column).
fn audited(s: &Suppression, table: &DataFrame) -> Vec<CellAudit> {
    let cells = read(s, std::slice::from_ref(table), false).unwrap();
    let audits = audit(&cells).unwrap();
    cells.space.rows[0]
        .iter()
        .map(|&c| audits[c].clone())
        .collect()
}

fn interval(lower: f64, upper: f64) -> Option<Interval> {
    Some(Interval { lower, upper })
}

/// kommun × sex with region totals; A has 4 women and 4 men, total 8.
fn kommun_by_sex(flags: [&str; 12]) -> DataFrame {
    let kommun: Vec<&str> = ["A", "B", "C", "R"].iter().flat_map(|k| [*k; 3]).collect();
    df!(
        "kommun" => kommun,
        "sex" => ["K", "M", "T"].repeat(4),
        "numerator" => [4i64, 4, 8, 10, 12, 22, 7, 9, 16, 21, 25, 46],
        "suppressed" => flags,
    )
    .unwrap()
}

fn kommun_by_sex_suppression() -> Suppression {
    Suppression::new()
        .margin(margin("kommun", "R"))
        .margin(margin("sex", "T"))
}

#[test]
fn two_masked_cells_in_a_line_whose_published_total_is_8_are_each_4() {
    // The greedy pattern of one-subtraction protection: A's two primary
    // cells and C's two as secondary (the rectangle A, C × K, M).
    let n = "none";
    let (p, s2) = ("primary", "secondary");
    let table = kommun_by_sex([p, p, n, n, n, n, s2, s2, n, n, n, n]);
    let s = kommun_by_sex_suppression();
    let a = audited(&s, &table);
    // By hand, a = A·K: a + b = 8, c + d = 16, a + c = 11, b + d = 13.
    // From the table (masked counts >= 1): a in [1, 7]. With the flags
    // (a, b in [1, 4]; c, d >= 5): a = b = 4.
    assert_eq!(a[0].table, interval(1.0, 7.0));
    assert_eq!(a[0].flags, interval(4.0, 4.0));
    assert_eq!(a[1].flags, interval(4.0, 4.0));
    assert!(a[0].findings.contains(&Finding::Pinned {
        column: 0,
        value: 4.0,
        flags: true
    }));
    // Suppression passes the audit, and A's cells are no longer 4 and 4.
    let out = s.apply(table.drop("suppressed").unwrap()).unwrap();
    let after = audited(&s, &out);
    assert!(after.iter().all(|c| c.findings.is_empty()), "{after:?}");
    let a_women = after[0].flags.unwrap();
    assert!(a_women.upper > a_women.lower, "{a_women:?}");
}

#[test]
fn a_three_by_three_table_with_margins() {
    //        c0  c1  c2 |  T
    //   r0    2   7   9 | 18
    //   r1    6   3  10 | 19
    //   r2    8  12   5 | 25
    //   T    16  22  24 | 62
    // Masked: the rectangle r0, r1 × c0, c1 (2 and 3 primary).
    let rows = ["r0", "r1", "r2", "T"];
    let cols = ["c0", "c1", "c2", "T"];
    let values = [
        [2i64, 7, 9, 18],
        [6, 3, 10, 19],
        [8, 12, 5, 25],
        [16, 22, 24, 62],
    ];
    let flag = |i: usize, j: usize| match (i, j) {
        (0, 0) | (1, 1) => "primary",
        (0, 1) | (1, 0) => "secondary",
        _ => "none",
    };
    let (mut r, mut c, mut x, mut f) = (vec![], vec![], vec![], vec![]);
    for i in 0..4 {
        for j in 0..4 {
            r.push(rows[i]);
            c.push(cols[j]);
            x.push(values[i][j]);
            f.push(flag(i, j));
        }
    }
    let table = df!("row" => r, "col" => c, "numerator" => x, "suppressed" => f).unwrap();
    let s = Suppression::new()
        .margin(margin("row", "T"))
        .margin(margin("col", "T"));
    let a = audited(&s, &table);
    // With a = r0·c0: r0·c1 = 9 − a, r1·c0 = 8 − a, r1·c1 = 1 + a.
    // Table (masked >= 1): a in [1, 7]. Flags (a, 1 + a <= 4; 9 − a,
    // 8 − a >= 5): a in [1, 3].
    assert_eq!(a[0].table, interval(1.0, 7.0));
    assert_eq!(a[1].table, interval(2.0, 8.0));
    assert_eq!(a[4].table, interval(1.0, 7.0));
    assert_eq!(a[5].table, interval(2.0, 8.0));
    assert_eq!(a[0].flags, interval(1.0, 3.0));
    assert_eq!(a[1].flags, interval(6.0, 8.0));
    assert_eq!(a[4].flags, interval(5.0, 7.0));
    assert_eq!(a[5].flags, interval(2.0, 4.0));
    assert!(a.iter().all(|c| c.findings.is_empty()));
    assert_eq!(a[2].table, None);
}

fn line(values: [i64; 4], flags: [&str; 4], threshold: f64) -> (Suppression, Vec<CellAudit>) {
    let table = df!(
        "g" => ["a", "b", "c", "total"],
        "numerator" => values,
        "suppressed" => flags,
    )
    .unwrap();
    let s = Suppression::new()
        .threshold(threshold)
        .margin(margin("g", "total"));
    let a = audited(&s, &table);
    (s, a)
}

#[test]
fn a_masked_cell_alone_in_its_line_is_small_and_pinned() {
    let (_, a) = line([3, 12, 0, 15], ["primary", "none", "none", "none"], 5.0);
    assert_eq!(
        a[0].findings,
        [
            Finding::Small {
                column: 0,
                lower: 3.0,
                upper: 3.0
            },
            Finding::Pinned {
                column: 0,
                value: 3.0,
                flags: true
            }
        ]
    );
}

#[test]
fn masked_members_adding_up_to_a_small_count() {
    let (s, a) = line([1, 2, 20, 23], ["primary", "primary", "none", "none"], 5.0);
    // a + b = 3 with a, b >= 1: each from 1 to 2, and the sum is small.
    assert_eq!(a[0].table, interval(1.0, 2.0));
    assert!(a[0].findings.contains(&Finding::Small {
        column: 0,
        lower: 1.0,
        upper: 2.0
    }));
    assert_eq!(
        a[3].findings,
        [Finding::SmallSum {
            column: 0,
            sum: 3.0
        }]
    );
    let table = df!("g" => ["a", "b", "c", "total"], "numerator" => [1i64, 2, 20, 23]).unwrap();
    let out = s.apply(&table).unwrap();
    let flags: Vec<_> = out
        .column("suppressed")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .flatten()
        .map(String::from)
        .collect();
    assert_eq!(flags, ["primary", "primary", "secondary", "none"]);
}

#[test]
fn with_threshold_2_the_flag_itself_says_1_and_is_not_a_finding() {
    let (_, a) = line([1, 9, 0, 10], ["primary", "secondary", "none", "none"], 2.0);
    assert_eq!(a[0].flags, interval(1.0, 1.0));
    assert!(!a[0]
        .findings
        .iter()
        .any(|f| matches!(f, Finding::Pinned { .. })));
    // The secondary cell is then 10 − 1.
    assert!(a[1].findings.contains(&Finding::Pinned {
        column: 0,
        value: 9.0,
        flags: true
    }));
}

#[test]
fn an_upper_bound_nothing_limits_is_infinite() {
    let (_, a) = line(
        [3, 12, 0, 15],
        ["primary", "secondary", "none", "secondary"],
        5.0,
    );
    assert_eq!(a[3].table, interval(2.0, f64::INFINITY));
    assert_eq!(a[0].table, interval(1.0, f64::INFINITY));
    assert_eq!(a[0].flags, interval(1.0, 4.0));
    assert!(a.iter().all(|c| c.findings.is_empty()));
}

#[test]
fn flags_that_no_table_agrees_with() {
    // Masked for its small denominator: its numerator 0 is then no count
    // from 1 to 4, and the flags contradict the table.
    let table = df!(
        "g" => ["a", "b", "total"],
        "numerator" => [0i64, 7, 7],
        "denominator" => [3i64, 50, 53],
        "suppressed" => ["primary", "none", "none"],
    )
    .unwrap();
    let s = Suppression::new().margin(margin("g", "total"));
    let a = audited(&s, &table);
    assert_eq!(a[0].flags, None);
    assert_eq!(
        a[0].findings,
        [
            Finding::Contradiction { column: 0 },
            Finding::Small {
                column: 1,
                lower: 3.0,
                upper: 3.0
            },
            Finding::Pinned {
                column: 1,
                value: 3.0,
                flags: false
            }
        ]
    );
}

#[test]
fn cells_published_as_masked_tell_a_reader_nothing_of_their_kind() {
    // The same pattern as the report publishes it: every masked cell says
    // "masked". Without the kinds the reader keeps the table's interval
    // (a in [1, 7]): not pinned, not inside [1, 4], and no contradiction.
    let (n, m) = ("none", "masked");
    let table = kommun_by_sex([m, m, n, n, n, n, m, m, n, n, n, n]);
    let a = audited(&kommun_by_sex_suppression(), &table);
    assert_eq!(a[0].table, interval(1.0, 7.0));
    assert_eq!(a[0].flags, interval(1.0, 7.0));
    assert!(a.iter().all(|c| c.findings.is_empty()), "{a:?}");
}

#[test]
fn a_cell_published_as_masked_is_held_to_rule_1() {
    // Alone in its line with a published total, a masked cell of unknown
    // kind is 3: small and pinned whatever its kind.
    let (_, a) = line([3, 12, 0, 15], ["masked", "none", "none", "none"], 5.0);
    assert!(a[0].findings.contains(&Finding::Small {
        column: 0,
        lower: 3.0,
        upper: 3.0
    }));
}

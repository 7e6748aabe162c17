//! Every target form of the region's plans, each with a fulfilled, a partly
//! (or, for two-colour forms, the case that is *not* partly) and a
//! not-fulfilled case, the equality edges and the missing values.
//!
//! Over 500 lines: one case table per target form, three cases each, read
//! side by side.

use indikator::{Comparison, Direction, MissingReason, Observed, Op, Period, Rating, Target};

fn rate(target: &Target, observed: Observed) -> (Option<Rating>, String) {
    let a = target.assess(&observed).expect("assessable");
    (a.rating, a.rule)
}

fn value(v: f64) -> Observed {
    Observed::value(v)
}

fn with_previous(v: f64, previous: f64) -> Observed {
    Observed::value(v).previous(previous)
}

#[test]
fn threshold_minst_90_procent_has_two_colours() {
    let t = Target::at_least(90.0).unit("%");
    assert_eq!(rate(&t, value(93.2)).0, Some(Rating::Fulfilled));
    // A near miss is not "partly": a single threshold has two colours.
    assert_eq!(rate(&t, value(89.9)).0, Some(Rating::NotFulfilled));
    let (r, rule) = rate(&t, value(84.0));
    assert_eq!(r, Some(Rating::NotFulfilled));
    assert_eq!(rule, "minst 90\u{a0}% — utfall 84\u{a0}%");
}

#[test]
fn threshold_equality_counts_for_at_least_but_not_for_above() {
    assert_eq!(
        rate(&Target::at_least(90.0), value(90.0)).0,
        Some(Rating::Fulfilled)
    );
    assert_eq!(
        rate(&Target::above(90.0), value(90.0)).0,
        Some(Rating::NotFulfilled)
    );
    // "100 %": only exactly 100 fulfils it.
    assert_eq!(
        rate(&Target::at_least(100.0), value(100.0)).0,
        Some(Rating::Fulfilled)
    );
    assert_eq!(
        rate(&Target::at_least(100.0), value(99.5)).0,
        Some(Rating::NotFulfilled)
    );
}

#[test]
fn threshold_under_15_procent() {
    let t = Target::below(15.0).unit("%");
    assert_eq!(rate(&t, value(14.9)).0, Some(Rating::Fulfilled));
    assert_eq!(rate(&t, value(15.0)).0, Some(Rating::NotFulfilled));
    assert_eq!(
        rate(&Target::at_most(15.0), value(15.0)).0,
        Some(Rating::Fulfilled)
    );
    assert!(rate(&t, value(12.0)).1.starts_with("under 15\u{a0}%"));
}

#[test]
fn range_gives_three_colours_high_is_good() {
    let t = Target::Range {
        green: 90.0,
        yellow: 80.0,
        unit: "%".into(),
    };
    assert_eq!(rate(&t, value(90.0)).0, Some(Rating::Fulfilled));
    assert_eq!(rate(&t, value(85.0)).0, Some(Rating::Partly));
    assert_eq!(rate(&t, value(80.0)).0, Some(Rating::Partly));
    assert_eq!(rate(&t, value(79.9)).0, Some(Rating::NotFulfilled));
}

#[test]
fn range_gives_three_colours_low_is_good() {
    let t = Target::Range {
        green: 10.0,
        yellow: 15.0,
        unit: String::new(),
    };
    assert_eq!(rate(&t, value(9.0)).0, Some(Rating::Fulfilled));
    assert_eq!(rate(&t, value(15.0)).0, Some(Rating::Partly));
    assert_eq!(rate(&t, value(16.0)).0, Some(Rating::NotFulfilled));
    assert!(rate(&t, value(9.0))
        .1
        .starts_with("grönt till och med 10, gult till och med 15"));
}

#[test]
fn ska_oka_unchanged_does_not_meet_it_unless_asked() {
    let t = Target::increase();
    assert_eq!(
        rate(&t, with_previous(120.0, 100.0)).0,
        Some(Rating::Fulfilled)
    );
    assert_eq!(
        rate(&t, with_previous(100.0, 100.0)).0,
        Some(Rating::NotFulfilled)
    );
    assert_eq!(
        rate(&t, with_previous(90.0, 100.0)).0,
        Some(Rating::NotFulfilled)
    );
    let lenient = Target::Direction {
        direction: Direction::Increase,
        equal_meets: true,
        significant: false,
    };
    assert_eq!(
        rate(&lenient, with_previous(100.0, 100.0)).0,
        Some(Rating::Fulfilled)
    );
    let (_, rule) = rate(&t, with_previous(120.0, 100.0));
    assert_eq!(
        rule,
        "ska öka jämfört med samma period föregående år — utfall 120 (samma period föregående år 100)"
    );
}

#[test]
fn ska_oka_significantly_is_partly_when_intervals_overlap() {
    let t = Target::Direction {
        direction: Direction::Increase,
        equal_meets: false,
        significant: true,
    };
    let observed = |c: Comparison| with_previous(84.0, 80.0).vs_previous(c);
    assert_eq!(
        rate(&t, observed(Comparison::Higher)).0,
        Some(Rating::Fulfilled)
    );
    assert_eq!(
        rate(&t, observed(Comparison::Similar)).0,
        Some(Rating::Partly)
    );
    assert_eq!(
        rate(
            &t,
            with_previous(78.0, 80.0).vs_previous(Comparison::Similar)
        )
        .0,
        Some(Rating::NotFulfilled)
    );
}

#[test]
fn ska_minska_against_previous_year() {
    let t = Target::decrease();
    assert_eq!(
        rate(&t, with_previous(18.0, 18.9)).0,
        Some(Rating::Fulfilled)
    );
    assert_eq!(
        rate(&t, with_previous(18.9, 18.9)).0,
        Some(Rating::NotFulfilled)
    );
}

#[test]
fn direction_without_previous_value_is_not_measurable() {
    let a = Target::increase().assess(&value(5.0)).unwrap();
    assert_eq!(
        (a.rating, a.missing),
        (None, Some(MissingReason::NotMeasurable))
    );
    assert!(a.rule.ends_with("föregående värde saknas"), "{}", a.rule);
}

#[test]
fn halvera_till_2019_against_2011_2015() {
    // Suicide 15–24: 21,77 per 100 000 per year 2011–2015; halving gives 10,885.
    let t = Target::Relative {
        change: -0.5,
        baseline: "2011–2015".parse().unwrap(),
        deadline: Some(2019),
        unit: String::new(),
    };
    let with_base = |v: f64| value(v).baseline(21.77);
    assert_eq!(rate(&t, with_base(10.8)).0, Some(Rating::Fulfilled));
    assert_eq!(rate(&t, with_base(10.885)).0, Some(Rating::Fulfilled));
    assert_eq!(rate(&t, with_base(15.0)).0, Some(Rating::Partly));
    assert_eq!(rate(&t, with_base(21.77)).0, Some(Rating::NotFulfilled));
    assert_eq!(rate(&t, with_base(25.0)).0, Some(Rating::NotFulfilled));
    let (_, rule) = rate(&t, with_base(15.0));
    assert!(
        rule.starts_with("halvera mot 2011–2015 till 2019 (målvärde 10,8"),
        "{rule}"
    );
    assert!(rule.ends_with(" — utfall 15 (basvärde 21,77)"), "{rule}");
}

#[test]
fn minus_10_and_plus_20_procent() {
    let minus = Target::Relative {
        change: -0.1,
        baseline: Period::Year { year: 2015 },
        deadline: None,
        unit: String::new(),
    };
    let base = |v: f64| value(v).baseline(200.0);
    assert_eq!(rate(&minus, base(180.0)).0, Some(Rating::Fulfilled));
    assert_eq!(rate(&minus, base(190.0)).0, Some(Rating::Partly));
    assert_eq!(rate(&minus, base(200.0)).0, Some(Rating::NotFulfilled));
    assert!(rate(&minus, base(180.0))
        .1
        .starts_with("−10\u{a0}% mot 2015"));
    let plus = Target::Relative {
        change: 0.2,
        baseline: Period::Year { year: 2023 },
        deadline: Some(2026),
        unit: String::new(),
    };
    let base = |v: f64| value(v).baseline(0.5);
    assert_eq!(rate(&plus, base(0.6)).0, Some(Rating::Fulfilled));
    assert_eq!(rate(&plus, base(0.55)).0, Some(Rating::Partly));
    assert_eq!(rate(&plus, base(0.45)).0, Some(Rating::NotFulfilled));
}

fn kommuner(values: &[Option<f64>]) -> Observed {
    let names = [
        "Ragunda",
        "Bräcke",
        "Krokom",
        "Strömsund",
        "Åre",
        "Berg",
        "Härjedalen",
        "Östersund",
    ];
    Observed::default().units(
        names
            .iter()
            .zip(values)
            .map(|(n, v)| (n.to_string(), *v))
            .collect(),
    )
}

#[test]
fn ninety_procent_in_every_kommun() {
    let t = Target::EveryUnit {
        target: Box::new(Target::at_least(90.0).unit("%")),
    };
    let all = [Some(91.0); 8];
    assert_eq!(rate(&t, kommuner(&all)).0, Some(Rating::Fulfilled));
    let mut some = all;
    some[5] = Some(84.0);
    some[4] = None;
    let (r, rule) = rate(&t, kommuner(&some));
    assert_eq!(r, Some(Rating::Partly));
    assert_eq!(
        rule,
        "minst 90\u{a0}% i varje enhet — 6 av 8 uppfyller (ej: Åre saknas, Berg 84\u{a0}%)"
    );
    assert_eq!(
        rate(&t, kommuner(&[Some(50.0); 8])).0,
        Some(Rating::NotFulfilled)
    );
}

#[test]
fn four_of_six_months_significantly_lower() {
    let t = Target::Months {
        at_least: 4,
        of: 6,
        direction: Direction::Decrease,
        from_month: None,
    };
    let months = |cs: &[Comparison]| Observed::default().months(cs.to_vec());
    use Comparison::{Higher as H, Lower as L, Similar as S};
    // Only the latest six count: the leading two months are ignored.
    assert_eq!(
        rate(&t, months(&[S, S, L, L, S, L, L, S])).0,
        Some(Rating::Fulfilled)
    );
    let (r, rule) = rate(&t, months(&[L, L, L, S, S, H, S]));
    assert_eq!(r, Some(Rating::Partly));
    assert!(rule.ends_with("— 2 av 6 månader"), "{rule}");
    assert_eq!(
        rate(&t, months(&[S, H, S, S, H, S])).0,
        Some(Rating::NotFulfilled)
    );
    // A month not compared does not qualify, and the rule says so.
    let (r, rule) = rate(&t, months(&[L, L, Comparison::NotCompared, L, L, S]));
    assert_eq!(r, Some(Rating::Fulfilled));
    assert!(
        rule.ends_with("— 4 av 6 månader; 1 månad utan jämförelse räknas som ej signifikant"),
        "{rule}"
    );
    // Fewer than six months: not measurable.
    let short = t.assess(&months(&[L, L, L, L, L])).unwrap();
    assert_eq!(
        (short.rating, short.missing),
        (None, Some(MissingReason::NotMeasurable))
    );
    assert!(
        short.rule.ends_with(
            "— 5 av 6 månader jämförda med samma månad föregående år; serien är för kort"
        ),
        "{}",
        short.rule
    );
}

#[test]
fn yes_no_status_and_the_qualitative_scale() {
    let yes = Target::YesNo { expected: true };
    assert_eq!(rate(&yes, Observed::text("Ja")).0, Some(Rating::Fulfilled));
    assert_eq!(
        rate(&yes, Observed::text("nej")).0,
        Some(Rating::NotFulfilled)
    );
    assert_eq!(
        rate(&Target::Status, Observed::text("Klart")).0,
        Some(Rating::Fulfilled)
    );
    assert_eq!(
        rate(&Target::Status, Observed::text("Pågår")).0,
        Some(Rating::Partly)
    );
    assert_eq!(
        rate(&Target::Status, Observed::text("Ej påbörjat")).0,
        Some(Rating::NotFulfilled)
    );
    assert_eq!(
        rate(&Target::Qualitative, Observed::text("grön")).0,
        Some(Rating::Fulfilled)
    );
    assert_eq!(
        rate(&Target::Qualitative, Observed::text("gul")).0,
        Some(Rating::Partly)
    );
    assert_eq!(
        rate(&Target::Qualitative, Observed::text("Röd")).0,
        Some(Rating::NotFulfilled)
    );
    let e = Target::Status
        .assess(&Observed::text("kanske"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("Klart, Pågår or Ej påbörjat") && e.contains("\"kanske\""),
        "{e}"
    );
}

#[test]
fn a_missing_value_keeps_its_reason_for_every_form() {
    let forms = [
        Target::at_least(90.0),
        Target::Range {
            green: 1.0,
            yellow: 2.0,
            unit: String::new(),
        },
        Target::increase(),
        Target::Relative {
            change: -0.5,
            baseline: Period::Year { year: 2015 },
            deadline: None,
            unit: String::new(),
        },
        Target::EveryUnit {
            target: Box::new(Target::at_least(1.0)),
        },
        Target::Months {
            at_least: 1,
            of: 2,
            direction: Direction::Increase,
            from_month: None,
        },
        Target::YesNo { expected: true },
        Target::Status,
        Target::Qualitative,
    ];
    for t in &forms {
        let a = t
            .assess(&Observed::missing(MissingReason::NotYetPublished))
            .unwrap();
        assert_eq!(
            (a.rating, a.missing),
            (None, Some(MissingReason::NotYetPublished)),
            "{t:?}"
        );
        assert_eq!(a.colour(), "grey");
        assert!(a.rule.ends_with("ännu ej publicerat"), "{}", a.rule);
    }
}

#[test]
fn a_missing_value_without_a_reason_is_an_error() {
    let e = Target::at_least(90.0)
        .assess(&Observed::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("a missing value needs its reason"), "{e}");
}

#[test]
fn invalid_targets_are_rejected() {
    let cases: [(Target, &str); 5] = [
        (
            Target::Threshold {
                op: Op::AtLeast,
                value: f64::NAN,
                unit: String::new(),
            },
            "finite",
        ),
        (
            Target::Range {
                green: 5.0,
                yellow: 5.0,
                unit: String::new(),
            },
            "different green and yellow",
        ),
        (
            Target::Relative {
                change: -1.0,
                baseline: Period::Year { year: 2015 },
                deadline: None,
                unit: String::new(),
            },
            "above −1",
        ),
        (
            Target::Months {
                at_least: 7,
                of: 6,
                direction: Direction::Decrease,
                from_month: None,
            },
            "between 1 and `of` (6)",
        ),
        (
            Target::EveryUnit {
                target: Box::new(Target::Status),
            },
            "threshold or a range",
        ),
    ];
    for (t, want) in cases {
        let e = t.validate().unwrap_err().to_string();
        assert!(e.contains(want), "{t:?}: {e}");
    }
    let early = Target::Relative {
        change: -0.5,
        baseline: "2011–2015".parse().unwrap(),
        deadline: Some(2014),
        unit: String::new(),
    };
    assert!(early
        .validate()
        .unwrap_err()
        .to_string()
        .contains("deadline"));
}

#[test]
fn every_form_reads_from_toml() {
    #[derive(serde::Deserialize)]
    struct Doc {
        target: Vec<Target>,
    }
    let doc: Doc = toml::from_str(
        r#"
        [[target]]
        form = "threshold"
        op = ">="
        value = 90
        unit = "%"
        [[target]]
        form = "range"
        green = 90
        yellow = 80
        [[target]]
        form = "direction"
        direction = "increase"
        [[target]]
        form = "relative"
        change = -0.5
        baseline = "2011–2015"
        deadline = 2019
        [[target]]
        form = "every_unit"
        target = { form = "threshold", op = ">=", value = 90, unit = "%" }
        [[target]]
        form = "months"
        at_least = 4
        of = 6
        direction = "decrease"
        [[target]]
        form = "yes_no"
        [[target]]
        form = "status"
        [[target]]
        form = "qualitative"
        "#,
    )
    .unwrap();
    assert_eq!(doc.target.len(), 9);
    assert_eq!(doc.target[0], Target::at_least(90.0).unit("%"));
    assert_eq!(doc.target[6], Target::YesNo { expected: true });
    assert!(matches!(
        &doc.target[3],
        Target::Relative {
            baseline: Period::Years {
                first: 2011,
                last: 2015
            },
            ..
        }
    ));
    // And back: a target written out reads in unchanged.
    for t in &doc.target {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct One {
            target: Target,
        }
        let text = toml::to_string(&One { target: t.clone() }).unwrap();
        let back: One = toml::from_str(&text).unwrap();
        assert_eq!(&back.target, t, "{text}");
    }
}

#[test]
fn toml_rejects_unknown_keys_and_forms() {
    let unknown: Result<Target, _> =
        toml::from_str("form = \"threshold\"\nop = \">=\"\nvalue = 90\ncolour = \"red\"");
    let e = unknown.unwrap_err().to_string();
    assert!(e.contains("colour"), "{e}");
    let form: Result<Target, _> = toml::from_str("form = \"wish\"");
    assert!(form.unwrap_err().to_string().contains("wish"));
    let period: Result<Target, _> =
        toml::from_str("form = \"relative\"\nchange = -0.5\nbaseline = \"2011-2099x\"");
    assert!(period.unwrap_err().to_string().contains("2011-2099x"));
}

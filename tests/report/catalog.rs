//! Catalogue parsing: the shipped catalogue, and errors with line and column.

use indikator::{Catalog, Error, Family};

const HEADER: &str = r#"[catalog]
id = "t"
version = "1"
title = "T"
region = "R"
"#;

const SIP: &str = r#"
[[indicator]]
id = "sip-barn"
name_sv = "SIP barn"
name_en = "SIP children"
perspective = "Samhälle"
responsible = "HSN"
source = "Cosmic LINK"
polarity = "high_is_good"
statistic = { family = "sip", group = "children" }
"#;

fn parse_error(text: &str) -> (usize, usize, String) {
    match Catalog::from_toml_str(text) {
        Err(Error::Catalog {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("expected a catalogue error, got {other:?}"),
    }
}

#[test]
fn the_shipped_catalogue_parses_and_names_the_plans_indicators() {
    let c = Catalog::shipped().unwrap();
    assert_eq!(c.catalog.id, "region-jh");
    for id in [
        "sip-barn",
        "sip-vuxna",
        "suicid-15-24",
        "suicid-15",
        "suicid-15-standardiserad",
        "bup-utredning-30",
        "bup-utredning-30-samlat",
        "vg-besok-90",
        "vg-behandling-90",
        "vg-pv-bedomning-3",
        "vg-60-dagar",
        "kontinuitet-kroniker",
        "aterinskrivning-65",
        "fallskador-65",
    ] {
        let ind = c.indicator(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(ind.target.is_some(), "{id} has no target");
    }
    assert!(matches!(
        c.indicator("bup-utredning-30").unwrap().statistic,
        Family::Waits {
            limit_days: Some(30),
            ..
        }
    ));
}

#[test]
fn a_valid_minimal_catalogue_parses_with_defaults() {
    let c = Catalog::from_toml_str(&format!("{HEADER}{SIP}")).unwrap();
    assert_eq!(c.catalog.suppression_threshold, 5.0);
    assert_eq!(c.catalog.trend_years, 6);
    assert_eq!(c.indicators[0].decimals, 1);
    assert_eq!(c.table_file("sip"), "sip.parquet");
}

#[test]
fn toml_syntax_errors_give_line_and_column() {
    let (line, column, message) = parse_error(&format!("{HEADER}\n[[indicator]\nid = 1\n"));
    assert_eq!(line, 7, "{message}");
    assert!(column >= 1);
    assert!(
        message.contains("invalid") || message.contains("expected"),
        "{message}"
    );
}

#[test]
fn an_unknown_key_is_rejected_at_its_line() {
    let text = format!("{HEADER}{SIP}").replace(
        "polarity = \"high_is_good\"",
        "polarity = \"high_is_good\"\ncolour = \"red\"",
    );
    let (line, column, message) = parse_error(&text);
    assert_eq!((line, column), (15, 1), "{message}");
    assert!(message.contains("unknown field `colour`"), "{message}");
}

#[test]
fn an_unknown_statistic_key_is_rejected() {
    let text = format!("{HEADER}{SIP}")
        .replace("group = \"children\"", "group = \"children\", colour = 3");
    let (line, _, message) = parse_error(&text);
    assert_eq!(line, 15, "{message}");
    assert!(
        message.contains("colour") && message.contains("age_limit"),
        "{message}"
    );
}

#[test]
fn an_unknown_family_lists_the_known_ones() {
    let text = format!("{HEADER}{SIP}").replace("family = \"sip\"", "family = \"horoscope\"");
    let (_, _, message) = parse_error(&text);
    assert!(
        message.contains("horoscope") && message.contains("waits"),
        "{message}"
    );
}

#[test]
fn a_wrong_type_is_named() {
    let text = format!("{HEADER}{SIP}").replace("\"t\"\nversion", "\"t\"\nversion = 1\nx");
    let (line, _, message) = parse_error(&text.replace("x = \"1\"\n", ""));
    assert_eq!(line, 3, "{message}");
    assert!(message.contains("string"), "{message}");
}

#[test]
fn a_target_contradicting_the_polarity_is_rejected_at_the_indicator() {
    let text = format!("{HEADER}{SIP}").replace(
        "statistic =",
        "target = { form = \"threshold\", op = \"<=\", value = 10 }\nstatistic =",
    );
    let (line, column, message) = parse_error(&text);
    assert_eq!((line, column), (8, 1), "{message}");
    assert!(
        message.contains("contradicts polarity high_is_good"),
        "{message}"
    );
}

#[test]
fn an_invalid_target_is_rejected() {
    let text = format!("{HEADER}{SIP}").replace(
        "statistic =",
        "target = { form = \"range\", green = 90, yellow = 90 }\nstatistic =",
    );
    let (_, _, message) = parse_error(&text);
    assert!(message.contains("different green and yellow"), "{message}");
}

#[test]
fn text_targets_are_refused_for_numeric_statistics() {
    let text = format!("{HEADER}{SIP}")
        .replace("statistic =", "target = { form = \"yes_no\" }\nstatistic =");
    let (_, _, message) = parse_error(&text);
    assert!(message.contains("reported text"), "{message}");
}

#[test]
fn duplicated_ids_are_rejected_at_the_second() {
    let text = format!("{HEADER}{SIP}{SIP}");
    let (line, _, message) = parse_error(&text);
    // The second `id = "sip-barn"`.
    assert_eq!(line, 18, "{message}");
    assert!(message.contains("used twice"), "{message}");
}

#[test]
fn paths_that_leave_the_data_directory_are_refused() {
    for bad in ["../secret.parquet", "/etc/passwd", "a/../../b.parquet"] {
        let text = format!("{HEADER}\n[tables]\nsip = {bad:?}\n{SIP}");
        let (_, _, message) = parse_error(&text);
        assert!(
            message.contains("inside the data directory"),
            "{bad}: {message}"
        );
    }
    let ok = format!("{HEADER}\n[tables]\nsip = \"register/sip.csv\"\n{SIP}");
    assert_eq!(
        Catalog::from_toml_str(&ok).unwrap().table_file("sip"),
        "register/sip.csv"
    );
}

#[test]
fn statistic_parameters_are_checked() {
    let cases = [
        (
            "family = \"sip\", group = \"children\"",
            "family = \"waits\", kinds = []",
            "at least one kind",
        ),
        (
            "family = \"sip\", group = \"children\"",
            "family = \"waits\", kinds = [\"röntgen\"]",
            "no limit in law",
        ),
        (
            "family = \"sip\", group = \"children\"",
            "family = \"mortality\"",
            "either cause_set",
        ),
        (
            "family = \"sip\", group = \"children\"",
            "family = \"mortality\", cause_set = \"suicide\", standard = \"esp1900\"",
            "esp2013",
        ),
        (
            "family = \"sip\", group = \"children\"",
            "family = \"event_rate\", causes = [\"W19-W00\"]",
            "reversed",
        ),
        (
            "family = \"sip\", group = \"children\"",
            "family = \"continuity\", index = \"loyalty\"",
            "coc",
        ),
        (
            "family = \"sip\", group = \"children\"",
            "family = \"mortality\", cause_set = \"suicide\", min_age = 30, max_age = 20",
            "min_age",
        ),
    ];
    for (from, to, expected) in cases {
        let text = format!("{HEADER}{SIP}").replace(from, to);
        let (line, _, message) = parse_error(&text);
        assert_eq!(line, 8, "{to}: {message}");
        assert!(message.contains(expected), "{to}: {message}");
    }
}

#[test]
fn a_missing_catalogue_file_is_a_file_error() {
    let err = Catalog::from_path("/nonexistent/katalog.toml").unwrap_err();
    assert!(matches!(err, Error::File { .. }), "{err}");
    assert!(err.to_string().contains("/nonexistent/katalog.toml"));
}

/// A follow-up: one goal, a derived factor measured by `sip-barn` and a
/// reported yes/no measure, a factor rated by hand.
const FOLLOW_UP: &str = r#"
[[goal]]
id = "samverkan"
perspective = "Samhälle"
name_sv = "Samverkan"

[[success_factor]]
id = "sip"
goal = "samverkan"
name_sv = "Fler får SIP"
responsible = "VVN"
rating = "derived"

[[success_factor]]
id = "arenor"
goal = "samverkan"
name_sv = "Samverkansarenor"
responsible = "VVN"
rating = "reported"

[[measure]]
id = "rutin"
name_sv = "Finns rutin?"
success_factor = "sip"
kind = "yes_no"
target = { form = "yes_no" }
responsible = "PV"
"#;

/// The catalogue with the follow-up, `sip-barn` measuring the factor `sip`.
fn with_follow_up() -> String {
    format!("{HEADER}{SIP}{FOLLOW_UP}").replace(
        "statistic = { family = \"sip\"",
        "success_factor = \"sip\"\nstatistic = { family = \"sip\"",
    )
}

/// The line of the first `needle` in `text` (1-based).
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn the_follow_up_parses_and_each_broken_rule_points_at_its_key() {
    let good = with_follow_up();
    let catalog = Catalog::from_toml_str(&good).unwrap();
    assert_eq!(
        (
            catalog.goals.len(),
            catalog.success_factors.len(),
            catalog.measures.len()
        ),
        (1, 2, 1)
    );
    // (what is changed, into what, the line pointed at, the message's start)
    let cases: [(&str, &str, &str, &str); 6] = [
        (
            "goal = \"samverkan\"\nname_sv = \"Fler",
            "goal = \"okand\"\nname_sv = \"Fler",
            "goal = \"okand\"",
            "success factor `sip`: the goal \"okand\" is not a goal of the catalogue (goals: samverkan)",
        ),
        (
            "success_factor = \"sip\"\nkind",
            "success_factor = \"saknas\"\nkind",
            "success_factor = \"saknas\"\nkind",
            "measure `rutin`: the success factor \"saknas\" is not a success factor of the catalogue (success factors: sip, arenor)",
        ),
        (
            "target = { form = \"yes_no\" }",
            "target = { form = \"status\" }",
            "target = { form = \"status\" }",
            "measure `rutin`: the target \"",
        ),
        (
            "success_factor = \"sip\"\nstatistic",
            "success_factor = \"arenor-x\"\nstatistic",
            "success_factor = \"arenor-x\"",
            "indicator `sip-barn`: the success factor \"arenor-x\" is not a success factor of the catalogue",
        ),
        (
            "perspective = \"Samhälle\"\nname_sv = \"Samverkan\"",
            "perspective = \"Patient\"\nname_sv = \"Samverkan\"",
            "success_factor = \"sip\"\nstatistic",
            "indicator `sip-barn`: the indicator's perspective Samhälle differs from its success factor's (Patient, goal `samverkan`)",
        ),
        (
            "id = \"rutin\"",
            "id = \"samverkan\"",
            "id = \"samverkan\"\nname_sv = \"Finns",
            "measure `samverkan`: the id is used twice (also a goal;",
        ),
    ];
    for (from, to, at, start) in cases {
        assert!(good.contains(from), "{from}");
        let text = good.replacen(from, to, 1);
        let (line, column, message) = parse_error(&text);
        assert!(message.starts_with(start), "{message}");
        assert_eq!(line, line_of(&text, at), "{message}");
        assert_eq!(column, 1, "{message}");
    }
}

#[test]
fn a_derived_factor_without_measures_and_per_kommun_on_a_number_are_refused() {
    let good = with_follow_up();
    let text = good.replace("rating = \"reported\"", "rating = \"derived\"");
    let (line, _, message) = parse_error(&text);
    assert_eq!(line, line_of(&text, "rating = \"derived\"\n\n[[measure]]"));
    assert!(
        message.starts_with("success factor `arenor`: a derived rating needs at least one measure"),
        "{message}"
    );
    let text = good.replace(
        "kind = \"yes_no\"\ntarget = { form = \"yes_no\" }",
        "kind = \"number\"\nper_kommun = true",
    );
    let (line, _, message) = parse_error(&text);
    assert_eq!(line, line_of(&text, "per_kommun = true"));
    assert_eq!(
        message,
        "measure `rutin`: per_kommun is for yes/no measures (each kommun answers); the kind is number"
    );
    // An unknown key of a measure, and a kind that does not exist: TOML's own errors, with line.
    let text = good.replace("kind = \"yes_no\"", "kind = \"text\"");
    let (line, _, message) = parse_error(&text);
    assert_eq!(line, line_of(&text, "kind = \"text\""));
    assert!(message.contains("unknown variant `text`"), "{message}");
}

const DRUGS: &str = r#"
[[indicator]]
id = "olampliga"
name_sv = "Olämpliga läkemedel 75+"
name_en = "Inappropriate drugs 75+"
perspective = "Patient"
responsible = "HSN"
source = "Läkemedelsregistret"
polarity = "low_is_good"
target = { form = "months", at_least = 4, of = 6, direction = "decrease", from_month = 4 }
statistic = { family = "drugs", drug_set = "inappropriate" }
"#;

#[test]
fn the_drug_family_and_its_months_target_parse() {
    let c = Catalog::from_toml_str(&format!("{HEADER}{DRUGS}")).unwrap();
    let ind = &c.indicators[0];
    assert!(matches!(
        ind.statistic,
        Family::Drugs { min_age: 75, ref dispensings, ref population, .. }
            if dispensings == "dispensings" && population == "population"
    ));
    assert!(matches!(
        ind.target,
        Some(indikator::Target::Months {
            at_least: 4,
            of: 6,
            from_month: Some(4),
            ..
        })
    ));
    // The shipped catalogue has the plan's three.
    let shipped = Catalog::shipped().unwrap();
    for id in ["olampliga-lakemedel-75", "antipsykotika-75", "nsaid-75"] {
        let ind = shipped.indicator(id).unwrap();
        assert!(matches!(ind.statistic, Family::Drugs { .. }), "{id}");
        assert!(
            matches!(ind.target, Some(indikator::Target::Months { .. })),
            "{id}"
        );
    }
}

#[test]
fn months_target_errors_point_at_the_target_line() {
    // `target = …` is line 15 of HEADER + DRUGS, column 1.
    let cases = [
        ("from_month = 4", "from_month = 9", "from_month"),
        ("from_month = 4", "from_month = 0", "from_month"),
        ("of = 6,", "of = 13,", "`of`"),
        ("at_least = 4", "at_least = 7", "at_least"),
        (
            "family = \"drugs\", drug_set = \"inappropriate\"",
            "family = \"sip\", group = \"children\"",
            "monthly series",
        ),
    ];
    for (from, to, expected) in cases {
        let text = format!("{HEADER}{DRUGS}").replace(from, to);
        assert_ne!(text, format!("{HEADER}{DRUGS}"), "{from}");
        let (line, column, message) = parse_error(&text);
        assert_eq!((line, column), (15, 1), "{to}: {message}");
        assert!(message.contains(expected), "{to}: {message}");
        assert!(message.contains("olampliga"), "{to}: {message}");
    }
    // Against the polarity: an increase on low_is_good.
    let text = format!("{HEADER}{DRUGS}").replace("\"decrease\"", "\"increase\"");
    let (_, _, message) = parse_error(&text);
    assert!(message.contains("contradicts polarity"), "{message}");
}

#[test]
fn drug_family_parameters_are_checked_at_the_indicator() {
    let cases = [
        (
            "drug_set = \"inappropriate\"",
            "drug_set = \"sleeping\"",
            "drug_set",
        ),
        (
            "drug_set = \"inappropriate\"",
            "drug_set = \"nsaids\", atc = [\"M01A\"]",
            "not both",
        ),
        ("drug_set = \"inappropriate\"", "atc = [\"N5A\"]", "atc"),
        (
            "drug_set = \"inappropriate\"",
            "atc = [\"N05A\"], exclude_atc = [\"lithium\"]",
            "exclude_atc",
        ),
        (
            "drug_set = \"inappropriate\"",
            "drug_set = \"nsaids\", min_age = 200",
            "min_age",
        ),
    ];
    for (from, to, expected) in cases {
        let text = format!("{HEADER}{DRUGS}").replace(from, to);
        let (line, _, message) = parse_error(&text);
        // The indicator's `id = …` line.
        assert_eq!(line, 8, "{to}: {message}");
        assert!(message.contains(expected), "{to}: {message}");
    }
}

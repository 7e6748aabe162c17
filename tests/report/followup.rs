//! The follow-up: success factors rated by hand and derived from their
//! measures on a catalogue worked by hand, and the demo report's appendix
//! against its pies.

use std::path::PathBuf;

use indikator::{run_catalog, Catalog, Counted, Perspective, Rating, RunOptions};

use super::demo_run::report as demo_report;

pub const CATALOG: &str = r#"[catalog]
id = "t"
version = "1"
title = "T"
region = "R"

[[goal]]
id = "g-patient"
perspective = "Patient"
name_sv = "Vård nära hemmet"

[[goal]]
id = "g-medarbetare"
perspective = "Medarbetare"
name_sv = "Attraktiv arbetsgivare"

[[success_factor]]
id = "f-gron"
goal = "g-patient"
name_sv = "Allt klart"
responsible = "HSN"
rating = "derived"

[[measure]]
id = "m-ja"
name_sv = "Finns rutin?"
success_factor = "f-gron"
kind = "yes_no"
target = { form = "yes_no" }
responsible = "PV"
frequency = "half_yearly"

[[measure]]
id = "m-andel"
name_sv = "Andel"
success_factor = "f-gron"
kind = "number"
unit = "%"
target = { form = "threshold", op = ">=", value = 50, unit = "%" }
responsible = "PV"
frequency = "half_yearly"

[[success_factor]]
id = "f-gul"
goal = "g-patient"
name_sv = "På väg"
responsible = "HSN"
rating = "derived"

[[measure]]
id = "m-nej-pagar"
name_sv = "Är planen uppföljd?"
success_factor = "f-gul"
kind = "yes_no"
target = { form = "yes_no" }
responsible = "PV"
frequency = "half_yearly"

[[measure]]
id = "m-status"
name_sv = "Digitala kontakter"
success_factor = "f-gul"
kind = "status"
target = { form = "status" }
responsible = "PV"
frequency = "half_yearly"

[[success_factor]]
id = "f-rod"
goal = "g-patient"
name_sv = "Inte i gång"
responsible = "HSN"
rating = "derived"

[[measure]]
id = "m-nej"
name_sv = "Kartläggning genomförd?"
success_factor = "f-rod"
kind = "yes_no"
target = { form = "yes_no" }
responsible = "PV"
frequency = "half_yearly"

[[measure]]
id = "m-sjuk"
name_sv = "Sjukfrånvaro"
success_factor = "f-rod"
kind = "number"
unit = "%"
target = { form = "threshold", op = "<=", value = 6, unit = "%" }
responsible = "HR"
frequency = "half_yearly"

[[success_factor]]
id = "f-ej"
goal = "g-patient"
name_sv = "Inget svar"
responsible = "HSN"
rating = "derived"

[[measure]]
id = "m-tom"
name_sv = "Lämnad tom"
success_factor = "f-ej"
kind = "yes_no"
target = { form = "yes_no" }
responsible = "PV"
frequency = "half_yearly"

[[measure]]
id = "m-arlig"
name_sv = "Enkätindex"
success_factor = "f-ej"
kind = "number"
target = { form = "direction", direction = "increase" }
responsible = "HR"

[[success_factor]]
id = "f-kommun"
goal = "g-patient"
name_sv = "Samverkansarenor"
responsible = "VVN"
rating = "derived"

[[measure]]
id = "m-arena"
name_sv = "Finns arena i kommunen?"
success_factor = "f-kommun"
kind = "yes_no"
target = { form = "yes_no" }
responsible = "NVO"
frequency = "half_yearly"
per_kommun = true

[[success_factor]]
id = "f-hand"
goal = "g-medarbetare"
name_sv = "Hälsofrämjande arbetsplats"
responsible = "RS"
rating = "reported"

[[success_factor]]
id = "f-hand-tom"
goal = "g-medarbetare"
name_sv = "Kompetensförsörjning"
responsible = "RS"
rating = "reported"
"#;

/// The answers, as a Swedish spreadsheet exports them (`;`, decimal comma).
pub const ANSWERS: &str = "id;kommun;period;value;status;comment;reported_by;reported_at
m-ja;;jan–aug 2024;ja;Klart;;Anna;2024-09-05
m-andel;;2024-delar;62,5;;;Anna;2024-09-05
m-andel;;2023-delar;48;;;;
m-nej-pagar;;2024-delar;nej;Pågår;planen följs upp i oktober;;
m-status;;2024-delar;Klart;;;;
m-nej;;2024-delar;nej;Ej påbörjat;;;
m-sjuk;;2024-delar;7,2;;;;
m-tom;;2024-delar;;;vet ej;;
m-arena;Berg;2024-delar;ja;;;;
m-arena;Bräcke;2024-delar;ja;;;;
m-arena;Härjedalen;2024-delar;nej;Pågår;;;
m-arena;Krokom;2024-delar;ja;;;;
m-arena;Ragunda;2024-delar;ja;;;;
m-arena;Strömsund;2024-delar;ja;;;;
m-arena;Åre;2024-delar;ja;;;;
m-arena;Östersund;2024-delar;ja;;;;
f-hand;;2024-delar;gul;;åtgärder påbörjade;Bo;2024-09-01
";

pub fn temp(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("indikator-followup-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn run_with(answers: &str, name: &str) -> indikator::Result<indikator::Report> {
    let dir = temp(name);
    let file = dir.join("svar.csv");
    std::fs::write(&file, answers).unwrap();
    let mut options = RunOptions::new("2024-delar".parse().unwrap());
    options.reported = Some(file);
    run_catalog(&Catalog::from_toml_str(CATALOG).unwrap(), &dir, &options)
}

fn factor<'a>(report: &'a indikator::Report, id: &str) -> &'a indikator::FactorResult {
    report
        .followup
        .iter()
        .flat_map(|g| &g.factors)
        .find(|f| f.id == id)
        .unwrap()
}

#[test]
fn success_factors_rated_as_worked_by_hand() {
    let report = run_with(ANSWERS, "hand").unwrap();
    let rating = |id: &str| factor(&report, id).rating.rating;
    // ja and 62,5 % ≥ 50 %: both fulfilled → green.
    assert_eq!(rating("f-gron"), Some(Rating::Fulfilled));
    assert_eq!(
        factor(&report, "f-gron").rating.rule,
        "härledd ur 2 bedömda mått: 2 uppfyllda"
    );
    // nej with the work under way (partly) and Klart (fulfilled) → yellow.
    assert_eq!(rating("f-gul"), Some(Rating::Partly));
    // nej, not started, and 7,2 % > 6 %: neither on its way → red.
    assert_eq!(rating("f-rod"), Some(Rating::NotFulfilled));
    // An empty answer is "ej rapporterat" (never zero or nej), and a yearly
    // measure in a delår is measured at the year end: no rating.
    let none = factor(&report, "f-ej");
    assert_eq!(none.rating.rating, None);
    assert_eq!(
        none.rating.rule,
        "ej bedömd — inga mått rapporterade (1 mått: ej rapporterat, 1 mått: mäts vid årets slut)"
    );
    let empty = &none.measures[0];
    assert_eq!(empty.answer, "ej rapporterat");
    assert_eq!(empty.comment, "vet ej");
    assert_eq!(none.measures[1].rating.words, "mäts vid årets slut");
    // Seven kommuner say ja, Härjedalen nej with the work under way → yellow.
    let kommun = factor(&report, "f-kommun");
    assert_eq!(kommun.rating.rating, Some(Rating::Partly));
    assert_eq!(kommun.measures[0].answer, "7 av 8 ja");
    assert!(
        kommun.measures[0]
            .rating
            .rule
            .ends_with("7 av 8 uppfyller (ej: Härjedalen nej)"),
        "{}",
        kommun.measures[0].rating.rule
    );
    // Rated by hand: the reported rating and comment; unanswered: not rated.
    let hand = factor(&report, "f-hand");
    assert_eq!(hand.rating.rating, Some(Rating::Partly));
    assert_eq!(hand.comment, "åtgärder påbörjade");
    assert_eq!(hand.reported, "Bo, 2024-09-01");
    assert_eq!(rating("f-hand-tom"), None);
    assert_eq!(factor(&report, "f-hand-tom").rating.words, "ej rapporterat");
    // The pies count the success factors, each once.
    assert_eq!(report.counted(), Counted::SuccessFactors);
    let counts = report.pie_counts();
    let of = |p: Perspective| counts.iter().find(|(q, _)| *q == p).unwrap().1;
    let patient = of(Perspective::Patient);
    assert_eq!(
        (
            patient.fulfilled,
            patient.partly,
            patient.not_fulfilled,
            patient.missing
        ),
        (1, 2, 1, 1)
    );
    let staff = of(Perspective::Medarbetare);
    assert_eq!(
        (
            staff.fulfilled,
            staff.partly,
            staff.not_fulfilled,
            staff.missing
        ),
        (0, 1, 0, 1)
    );
    // The long table: a row per reported measure (and per kommun) and per factor.
    let long = &report.long;
    let series = long.column("series").unwrap().str().unwrap();
    let reported = series.iter().filter(|s| *s == Some("reported")).count();
    let factors = series
        .iter()
        .filter(|s| *s == Some("success_factor"))
        .count();
    // 9 measures, m-arena also once per kommun.
    assert_eq!((reported, factors), (9 + 8, 7));
    let table = indikator::factor_table(&report.followup).unwrap();
    assert_eq!(table.height(), 7);
}

fn count(page: &str, needle: &str) -> usize {
    page.matches(needle).count()
}

#[test]
fn the_demo_appendix_lists_every_success_factor_and_the_pies_count_them() {
    let report = demo_report();
    let catalog = Catalog::shipped().unwrap();
    let page = indikator::render::html(report);
    assert!(page.contains("<h2>Bilaga: alla framgångsfaktorer</h2>"));
    for f in &catalog.success_factors {
        assert_eq!(
            count(&page, &format!("data-factor=\"{}\"", f.id)),
            1,
            "{} not listed once",
            f.id
        );
    }
    for m in &catalog.measures {
        assert_eq!(
            count(&page, &format!("data-measure=\"{}\"", m.id)),
            1,
            "{}",
            m.id
        );
    }
    // Grouped by perspective (in the reports' order), then goal in catalogue order.
    let mut goals: Vec<_> = catalog.goals.iter().collect();
    goals.sort_by_key(|g| Perspective::ALL.iter().position(|p| *p == g.perspective));
    let mut last = 0;
    for goal in goals {
        let at = page
            .find(&format!("Strategiskt mål: {}", goal.name_sv))
            .unwrap_or_else(|| panic!("{} missing", goal.id));
        assert!(at > last, "{} out of order", goal.id);
        for f in catalog.success_factors.iter().filter(|f| f.goal == goal.id) {
            let row = page.find(&format!("data-factor=\"{}\"", f.id)).unwrap();
            assert!(row > at, "{} before its goal", f.id);
        }
        last = at;
    }
    // The pies' counts equal the appendix's ratings, perspective by perspective.
    assert_eq!(report.counted(), Counted::SuccessFactors);
    for (perspective, counts) in report.pie_counts() {
        let rated = |label: &str| {
            count(
                &page,
                &format!(
                    "data-perspective=\"{}\" data-rating=\"{label}\"",
                    perspective.name()
                ),
            )
        };
        assert_eq!(
            (
                rated("fulfilled"),
                rated("partly"),
                rated("not fulfilled"),
                rated("none")
            ),
            (
                counts.fulfilled,
                counts.partly,
                counts.not_fulfilled,
                counts.missing
            ),
            "{}",
            perspective.name()
        );
    }
    let total: usize = report
        .pie_counts()
        .iter()
        .map(|(_, c)| c.fulfilled + c.partly + c.not_fulfilled + c.missing)
        .sum();
    assert_eq!(total, catalog.success_factors.len());
    assert!(page.contains("Cirklarna räknar framgångsfaktorerna"));
    // Every shipped factor is rated or says why not, with a rule.
    for f in report.followup.iter().flat_map(|g| &g.factors) {
        assert!(!f.rating.rule.is_empty(), "{}", f.id);
    }
    // The XLSX sheet has every factor too.
    let bytes = indikator::render::xlsx(report).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader;
    let sheet = book.worksheet_range("Framgångsfaktorer").unwrap();
    let names: Vec<String> = sheet.rows().map(|r| r[2].to_string()).collect();
    for f in &catalog.success_factors {
        assert!(
            names.iter().any(|n| n.starts_with(&f.name_sv)),
            "{} not in the sheet",
            f.id
        );
    }
}

//! The page's tests: well-formed, escaped, masked values never shown, bytes.

use super::super::chart::tests::balanced;
use super::super::fixture::{masked, sample_report};
use super::*;

#[test]
fn every_indicator_is_shown() {
    let report = sample_report();
    let page = html(&report);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"sv\">") && page.contains("<meta charset=\"utf-8\">"));
    assert!(balanced(&page), "unbalanced tags");
    for indicator in &report.indicators {
        assert!(page.contains(&format!("id=\"ind-{}\"", indicator.id)));
        assert!(page.contains(&escape(&indicator.name_sv)));
    }
    assert!(page.contains("id=\"perspektiv-samhalle\""));
    assert!(page.contains("id=\"perspektiv-patient\""));
    assert!(!page.contains("perspektiv-medarbetare"));
    assert!(page.contains("Delårsbokslut jan–aug 2024"));
    assert!(page.contains("84,2\u{a0}% (80,1–88,0)"));
    // the national value of another period says which
    assert!(page.contains("79,4\u{a0}%<span class=\"sub\">(2023)</span>"));
}

#[test]
fn nothing_is_fetched_or_run() {
    let page = html(&sample_report());
    assert!(!page.contains("<script"));
    assert!(!page.contains("<link"));
    assert!(!page.contains("src="));
    assert!(!page.contains("url("));
    // the only address is the SVG namespace
    assert_eq!(
        page.matches("http").count(),
        page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
}

#[test]
fn synthetic_banner_only_when_synthetic() {
    let mut report = sample_report();
    assert!(html(&report).contains("<div class=\"synthetic\""));
    assert!(html(&report).contains(SYNTHETIC_BANNER));
    report.synthetic = false;
    let page = html(&report);
    assert!(!page.contains("SYNTETISKA"));
    assert!(!page.contains("class=\"synthetic\""));
}

#[test]
fn text_is_escaped() {
    let mut report = sample_report();
    report.title = "Hälsa <b>&</b> vård".into();
    let page = html(&report);
    assert!(page.contains("Hälsa &lt;b&gt;&amp;&lt;/b&gt; vård"));
    assert!(!page.contains("<b>&</b>"));
    assert!(page.contains("Dödsorsaksregistret &lt;Socialstyrelsen&gt; &amp; egna"));
}

#[test]
fn a_masked_value_never_shows_its_number() {
    let mut report = sample_report();
    let waits = &mut report.indicators[0];
    waits.current = Some(Point {
        value: None,
        lower: Some(61.25),
        upper: Some(97.75),
        numerator: Some(3.0),
        ..masked("jan–aug 2024")
    });
    waits.trend[4] = Point {
        value: Some(71.35),
        ..masked("jan–aug 2024")
    };
    let page = html(&report);
    assert!(page.contains("<span class=\"masked\" title=\"skyddat (för få fall)\">..</span>"));
    assert!(page.contains("färre fall än tröskelvärdet"));
    for number in ["61,25", "61,3", "97,75", "97,8", "71,35", "71,4"] {
        assert!(!page.contains(number), "{number} leaked");
    }
}

#[test]
fn failed_indicator_says_why() {
    let page = html(&sample_report());
    assert!(page.contains(
        "Kunde inte beräknas: column `vaccinated` (numerator) not found; the frame has: \
         kommun, year"
    ));
}

#[test]
fn missing_values_in_words() {
    let mut report = sample_report();
    report.indicators[0].previous = Some(Point {
        label: "jan–aug 2023".into(),
        status: "not_yet_published".into(),
        ..Default::default()
    });
    let page = html(&report);
    assert!(page.contains("<span class=\"missing\">ännu ej publicerat</span>"));
    // the suicide indicator has no national value
    assert!(page.contains("<span class=\"missing\">saknas</span>"));
}

#[test]
fn summary_in_words_and_deterministic() {
    let report = sample_report();
    let page = html(&report);
    assert!(page.contains("Av 2 indikatorer är 1 uppfylld och 1 ej bedömd."));
    assert!(page.contains("Av 1 indikator är 1 ej uppfylld."));
    assert_eq!(page, html(&report));
    assert_eq!(
        counts_in_words(
            &RatingCounts {
                fulfilled: 2,
                partly: 1,
                not_fulfilled: 3,
                missing: 0
            },
            Counted::Indicators
        ),
        "Av 6 indikatorer är 2 uppfyllda, 1 delvis uppfylld och 3 ej uppfyllda."
    );
}

/// Writes the sample report for a look in a browser:
/// `cargo test --features report --lib report::html -- --ignored`.
#[test]
#[ignore]
fn render_sample() {
    let page = html(&sample_report());
    let path = std::env::temp_dir().join("report-sample.html");
    assert!(std::fs::write(path, page).is_ok());
}

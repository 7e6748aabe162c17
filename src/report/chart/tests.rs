//! The charts' tests: well-formed SVG, gaps and masks, axes, bytes.

use super::super::model::Point;
use super::super::style::*;
use super::draw::*;
use super::*;
use crate::assess::RatingCounts;

/// Whether every element opened is closed, in order (a tiny XML check:
/// tags, self-closing tags, no stray `<` or `&` in text).
pub(crate) fn balanced(xml: &str) -> bool {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        if !entities_ok(&rest[..start]) {
            return false;
        }
        let Some(end) = rest[start..].find('>') else {
            return false;
        };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if tag.contains('<') {
            return false;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        if let Some(stripped) = tag.strip_prefix('/') {
            if stack.pop().as_deref() != Some(stripped.trim()) {
                return false;
            }
        } else if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    stack.is_empty() && entities_ok(rest)
}

/// HTML elements that never close.
const VOID: [&str; 4] = ["meta", "br", "hr", "img"];

fn entities_ok(text: &str) -> bool {
    text.split('&').skip(1).all(|after| {
        ["amp;", "lt;", "gt;", "quot;", "#39;"]
            .iter()
            .any(|e| after.starts_with(e))
    })
}

pub(crate) fn point(label: &str, value: Option<f64>, ci: Option<(f64, f64)>) -> Point {
    Point {
        label: label.into(),
        value,
        lower: ci.map(|c| c.0),
        upper: ci.map(|c| c.1),
        status: if value.is_some() {
            "ok"
        } else {
            "not_reported"
        }
        .into(),
        ..Default::default()
    }
}

fn trend_points() -> Vec<Point> {
    vec![
        point("2020", Some(80.5), Some((76.0, 84.0))),
        point("2021", Some(82.25), Some((78.0, 86.0))),
        point("2022", None, None),
        point("2023", Some(83.0), Some((79.0, 87.0))),
        point("2024", Some(84.2), Some((80.1, 88.0))),
    ]
}

#[test]
fn trend_is_well_formed_with_gaps_and_target() {
    let svg = trend_chart("Väntetid <BUP> & BUP", "%", 1, &trend_points(), Some(90.0));
    assert!(balanced(&svg), "{svg}");
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title>Väntetid &lt;BUP&gt; &amp; BUP</title>"));
    assert!(svg.contains("<desc>"));
    // the missing 2022 splits the line in two
    assert_eq!(svg.matches("<polyline class=\"series\"").count(), 2);
    assert!(svg.contains(">ej rapporterat</text>"));
    assert!(svg.contains("class=\"target\""));
    assert!(svg.contains(">Mål<"));
    assert!(svg.contains("90,0\u{a0}%"));
    assert!(svg.contains(">84,2<"));
    assert!(!svg.contains("NaN"));
}

#[test]
fn suppressed_trend_point_is_dots_never_its_number() {
    let mut points = trend_points();
    points[4] = Point {
        label: "2024".into(),
        value: Some(3.25),
        suppressed: true,
        status: "suppressed".into(),
        ..Default::default()
    };
    let svg = trend_chart("T", "%", 2, &points, None);
    assert!(svg.contains("..</text>"));
    assert!(!svg.contains("3,25"));
    assert!(!svg.contains("class=\"target\""));
}

#[test]
fn kommun_bars_with_riket_and_masking() {
    let mut bars = vec![
        point("Östersund", Some(1234.5), Some((1100.0, 1300.0))),
        point("Berg", None, None),
        point("Åre", Some(980.0), None),
    ];
    bars[1].suppressed = true;
    let svg = kommun_chart("Per kommun", "per 100 000", 1, &bars, Some(1000.0));
    assert!(balanced(&svg), "{svg}");
    assert_eq!(svg.matches("class=\"bar\"").count(), 2);
    assert!(svg.contains("1\u{a0}234,5"));
    assert!(svg.contains("..</text>"));
    assert!(svg.contains("class=\"riket\""));
    assert!(svg.contains("Riket 1\u{a0}000,0"));
}

#[test]
fn pie_of_one_category_is_a_full_circle() {
    let counts = RatingCounts {
        fulfilled: 3,
        ..Default::default()
    };
    let svg = ratings_chart("Patient", &counts);
    assert!(balanced(&svg));
    assert!(svg.contains(&format!(
        "<circle cx=\"92\" cy=\"118\" r=\"68\" fill=\"{}\"",
        rating_hex("green")
    )));
    assert!(!svg.contains("<path"));
    assert!(svg.contains("Uppfylld 3") && svg.contains("Ej bedömd 0"));
}

#[test]
fn pie_slices_and_empty_pie() {
    let counts = RatingCounts {
        fulfilled: 2,
        partly: 1,
        not_fulfilled: 0,
        missing: 1,
    };
    let svg = ratings_chart("Samhälle", &counts);
    assert!(balanced(&svg));
    assert_eq!(svg.matches("<path").count(), 3);
    // two of four is half the circle: from the top to the bottom
    assert!(
        svg.contains("M92,118 L92,50 A68,68 0 0 1 92,186 Z"),
        "{svg}"
    );
    let empty = ratings_chart("Medarbetare", &RatingCounts::default());
    assert!(empty.contains("Inga mål") && empty.contains(rating_hex("grey")));
}

#[test]
fn same_input_same_bytes() {
    let a = trend_chart("T", "%", 1, &trend_points(), Some(90.0));
    assert_eq!(a, trend_chart("T", "%", 1, &trend_points(), Some(90.0)));
}

#[test]
fn axes_are_round() {
    let axis = Axis::nice(&[76.0, 88.0, 90.0], false);
    assert_eq!((axis.min, axis.max, axis.step), (75.0, 90.0, 5.0));
    let axis = Axis::nice(&[3.0, 12.0], false);
    assert_eq!(axis.min, 0.0);
    let axis = Axis::nice(&[0.12, 0.31], true);
    assert_eq!((axis.min, axis.max, axis.decimals), (0.0, 0.4, 1));
    assert_eq!(axis.label(0.3), "0,3");
    assert_eq!(Axis::nice(&[0.0, 0.11], false).label(0.025), "0,025");
    assert_eq!(Axis::nice(&[], false).ticks().len(), 6);
    assert_eq!(c(-0.04), "0");
    assert_eq!(c(12.345), "12.3");
}

#[test]
fn numbers_with_fixed_decimals() {
    assert_eq!(fixed_number(88.0, 1), "88,0");
    assert_eq!(fixed_number(1234.5, 2), "1\u{a0}234,50");
    assert_eq!(fixed_number(7.0, 0), "7");
    let p = point("2024", Some(84.2), Some((80.1, 88.0)));
    assert_eq!(value_words(&p, "%", 1), "84,2\u{a0}% (80,1–88,0)");
    assert_eq!(status_words("not_yet_published"), "ännu ej publicerat");
    assert_eq!(status_words("denominator is zero"), "nämnaren är noll");
}

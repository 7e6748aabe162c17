//! The pie of ratings per perspective.

use super::super::style::*;
use super::draw::*;
use crate::assess::RatingCounts;

/// The four slices of a ratings pie, in legend order.
fn slices(counts: &RatingCounts) -> [(&'static str, &'static str, usize); 4] {
    [
        ("Uppfylld", "green", counts.fulfilled),
        ("Delvis uppfylld", "yellow", counts.partly),
        ("Ej uppfylld", "red", counts.not_fulfilled),
        ("Ej bedömd", "grey", counts.missing),
    ]
}

/// The ratings of one perspective as a pie: fulfilled (green), partly
/// (yellow), not fulfilled (red) and not rated (grey), with a legend of the
/// counts. A single category is a full circle; no targets at all give a
/// grey circle saying "Inga mål".
///
/// The success factors of the Patient perspective, three rated and one not:
///
/// ```
/// use indikator::render::ratings_chart;
/// use indikator::{rating_counts, Perspective, Rating};
///
/// let counts = rating_counts([
///     (Perspective::Patient, Some(Rating::Fulfilled)),
///     (Perspective::Patient, Some(Rating::Fulfilled)),
///     (Perspective::Patient, Some(Rating::Partly)),
///     (Perspective::Patient, None),
/// ]);
/// let (perspective, patient) = &counts[1];
/// assert_eq!(*perspective, Perspective::Patient);
/// let svg = ratings_chart("Patient", patient);
/// assert!(svg.contains("<title>Patient</title>"));
/// assert!(svg.contains("Uppfylld 2") && svg.contains("Delvis uppfylld 1"));
/// assert!(svg.contains("Ej uppfylld 0") && svg.contains("Ej bedömd 1"));
/// ```
pub fn ratings_chart(title: &str, counts: &RatingCounts) -> String {
    ratings_chart_counting(title, counts, "Måluppfyllelse")
}

/// [`ratings_chart`] whose description says what is counted
/// ("Framgångsfaktorer: Uppfylld 3, …").
pub(crate) fn ratings_chart_counting(title: &str, counts: &RatingCounts, what: &str) -> String {
    const WIDTH: f64 = 340.0;
    const HEIGHT: f64 = 200.0;
    let (cx, cy, r) = (92.0, 118.0, 68.0);
    let parts = slices(counts);
    let total: usize = parts.iter().map(|p| p.2).sum();
    let words: Vec<String> = parts
        .iter()
        .map(|(name, _, n)| format!("{name} {n}"))
        .collect();
    let desc = format!("{what}: {}.", words.join(", "));
    let mut svg = open(WIDTH, HEIGHT, title, &desc);
    svg.push_str(&pie(&parts, total, (cx, cy, r)));
    for (i, (name, colour, n)) in parts.iter().enumerate() {
        let y = 70.0 + i as f64 * 26.0;
        svg.push_str(&format!(
            "<rect x=\"184\" y=\"{}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{}\"/>",
            c(y - 11.0),
            rating_hex(colour)
        ));
        svg.push_str(&text(206.0, y, "start", "", &format!("{name} {n}")));
    }
    svg.push_str("</svg>");
    svg
}

/// The slices of a pie; a full circle for a single category, a grey
/// circle with "Inga mål" when there is nothing to count.
fn pie(parts: &[(&str, &str, usize)], total: usize, (cx, cy, r): (f64, f64, f64)) -> String {
    let circle = |fill: &str| {
        format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"/>",
            c(cx),
            c(cy),
            c(r)
        )
    };
    if total == 0 {
        let mut out = circle(rating_hex("grey"));
        out.push_str(&text(
            cx,
            cy + 5.0,
            "middle",
            &format!(" fill=\"{INK}\" font-weight=\"600\""),
            "Inga mål",
        ));
        return out;
    }
    if let Some((_, colour, _)) = parts.iter().find(|p| p.2 == total) {
        return circle(rating_hex(colour));
    }
    let point = |turn: f64| {
        let angle = turn * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
        (cx + r * angle.cos(), cy + r * angle.sin())
    };
    let mut out = String::new();
    let mut done = 0usize;
    for (_, colour, n) in parts.iter().filter(|p| p.2 > 0) {
        let (from, to) = (done as f64 / total as f64, (done + n) as f64 / total as f64);
        done += n;
        let ((x0, y0), (x1, y1)) = (point(from), point(to));
        let large = if to - from > 0.5 { 1 } else { 0 };
        out.push_str(&format!(
            "<path d=\"M{},{} L{},{} A{},{} 0 {large} 1 {},{} Z\" fill=\"{}\" stroke=\"#ffffff\" \
             stroke-width=\"2\" stroke-linejoin=\"round\"/>",
            c(cx),
            c(cy),
            c(x0),
            c(y0),
            c(r),
            c(r),
            c(x1),
            c(y1),
            rating_hex(colour)
        ));
    }
    out
}

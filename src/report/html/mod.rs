//! The report as one self-contained HTML page in Swedish: inline CSS and
//! inline SVG charts, no scripts, nothing fetched; printable on A4. The
//! same report gives the same bytes (no timestamps).
//!
//! `mod.rs` assembles the page (head, style, contents, summary, footer);
//! `tables.rs` writes a perspective's table; `sections.rs` each indicator's
//! section and the appendix on inputs; `followup.rs` the appendix of every
//! success factor.

mod followup;
mod sections;
mod tables;
#[cfg(test)]
mod tests;

use super::chart::ratings_chart_counting;
use super::model::{Counted, IndicatorResult, Point, Report};
use super::style::{
    escape, fixed_with_unit, missing_words, rating_hex, rating_text_hex, value_words,
};
use crate::assess::{Perspective, RatingCounts};
use crate::synthetic::SYNTHETIC_BANNER;
use crate::text::swedish_number;
use followup::{factors_appendix, has_factors, FACTORS_ANCHOR};
use sections::{appendix, footer};
use tables::perspective_section;

/// The rating colours with a CSS class each.
pub(super) const COLOURS: [&str; 4] = ["green", "yellow", "red", "grey"];

/// The report as a complete HTML5 page in Swedish: header, a summary of
/// ratings per perspective (a pie each, counting the success factors when
/// the catalogue has them), a table per perspective, the charts of every
/// indicator, the appendix of every success factor ("Bilaga: alla
/// framgångsfaktorer") and an appendix on the inputs.
///
/// Every text from the report is escaped. A masked value is shown as `..`
/// (never its number) with a footnote; a failed indicator says why it
/// could not be computed.
///
/// The page of a report on the synthetic data:
///
/// ```
/// use indikator::render::html;
/// use indikator::{run_catalog, Catalog, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-render-html");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let page = html(&report);
/// assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<html lang=\"sv\">"));
/// let title = "<title>Uppföljning av regionplanen – Delårsbokslut jan–aug 2024</title>";
/// assert!(page.contains(title));
/// assert!(page.contains("Bilaga: alla framgångsfaktorer"));
/// assert!(!page.contains("<script")); // nothing to run, nothing fetched
/// assert_eq!(page, html(&report)); // the same report, the same bytes
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn html(report: &Report) -> String {
    let mut page = String::with_capacity(64 * 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!(
        "<title>{} – Delårsbokslut {}</title>\n",
        escape(&report.title),
        escape(&report.period)
    ));
    page.push_str(&format!(
        "<style>\n{}</style>\n",
        stylesheet(report.synthetic)
    ));
    page.push_str("</head>\n<body>\n");
    if report.synthetic {
        page.push_str(&format!(
            "<div class=\"synthetic\" role=\"note\">{SYNTHETIC_BANNER}</div>\n"
        ));
    }
    page.push_str("<main>\n");
    page.push_str(&header(report));
    let perspectives = perspectives_with_indicators(report);
    page.push_str(&contents(&perspectives, has_factors(report)));
    page.push_str(&summary(report, &report.perspectives()));
    for &perspective in &perspectives {
        page.push_str(&perspective_section(report, perspective));
    }
    page.push_str(&factors_appendix(report));
    page.push_str(&appendix(report));
    page.push_str("</main>\n");
    page.push_str(&footer(report));
    page.push_str("</body>\n</html>\n");
    page
}

/// The perspectives that have indicators, in the order of the reports.
pub(super) fn perspectives_with_indicators(report: &Report) -> Vec<Perspective> {
    Perspective::ALL
        .into_iter()
        .filter(|p| report.indicators.iter().any(|i| i.perspective == *p))
        .collect()
}

/// The indicators of one perspective, in catalogue order.
pub(super) fn indicators_of(report: &Report, perspective: Perspective) -> Vec<&IndicatorResult> {
    report
        .indicators
        .iter()
        .filter(|i| i.perspective == perspective)
        .collect()
}

/// The `id` of a perspective's section ("perspektiv-samhalle").
pub(super) fn perspective_anchor(perspective: Perspective) -> String {
    let slug: String = perspective
        .name()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            other => other,
        })
        .collect();
    format!("perspektiv-{slug}")
}

/// The `id` of an indicator's section: `ind-` and the catalogue id, with
/// any whitespace (not allowed in an id) turned into `-`.
pub(super) fn indicator_anchor(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect();
    format!("ind-{}", escape(&id))
}

/// The style sheet; a report on synthetic data also says so in the margin
/// of every printed page.
pub(super) fn stylesheet(synthetic: bool) -> String {
    let mut css = String::from(BASE_CSS);
    for colour in COLOURS {
        css.push_str(&format!(
            ".dot.{colour} {{ background: {}; }}\n",
            rating_hex(colour)
        ));
        css.push_str(&format!(
            ".badge.{colour} {{ background: {}; color: {}; }}\n",
            rating_hex(colour),
            rating_text_hex(colour)
        ));
    }
    if synthetic {
        css.push_str(&format!(
            "@page {{ @top-center {{ content: \"{SYNTHETIC_BANNER}\"; color: #b00020; \
             font: 700 9pt sans-serif; }} }}\n"
        ));
    }
    css
}

pub(super) const BASE_CSS: &str = r#":root { --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee4; --zebra: #f4f6f8; --accent: #1d5a8c; --accent-soft: #e8f0f7; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, sans-serif; color: var(--ink); font-size: 15px; line-height: 1.45; background: #eef1f4; }
body { margin: 0; }
main { max-width: 1120px; margin: 0 auto; background: #fff; padding: 36px 48px 48px; }
a { color: var(--accent); }
.synthetic { background: #b00020; color: #fff; text-align: center; font-weight: 700; letter-spacing: .04em; padding: 10px 16px; }
header.cover { border-bottom: 4px solid var(--accent); padding-bottom: 18px; margin-bottom: 8px; }
.region { text-transform: uppercase; letter-spacing: .08em; color: var(--accent); font-weight: 600; font-size: 13px; margin: 0; }
h1 { font-size: 30px; line-height: 1.2; margin: 6px 0 6px; }
.period { font-size: 19px; margin: 0; }
.meta { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
nav.toc { font-size: 13px; color: var(--muted); margin: 12px 0 0; }
nav.toc a { margin-right: 14px; }
h2 { font-size: 22px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; margin: 36px 0 14px; }
h3 { font-size: 17px; margin: 0; }
.en { display: block; color: var(--muted); font-size: 12px; font-style: italic; font-weight: 400; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th { text-align: left; background: var(--accent); color: #fff; font-weight: 600; padding: 7px 8px; vertical-align: bottom; }
td { padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody tr:nth-child(even) td { background: var(--zebra); }
td.num, th.num { text-align: right; }
th .sub { color: rgba(255,255,255,.85); }
#underlag h3 { margin: 24px 0 8px; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.name a { color: var(--ink); font-weight: 600; text-decoration: none; }
.sub { display: block; color: var(--muted); font-size: 11.5px; }
.missing { color: var(--muted); font-style: italic; }
.masked { color: var(--muted); font-weight: 700; }
.dot { display: inline-block; width: .85em; height: .85em; border-radius: 50%; vertical-align: -.08em; margin-right: .4em; box-shadow: inset 0 0 0 1px rgba(0,0,0,.28); }
.badge { display: inline-block; border-radius: 3px; padding: 1px 7px; font-size: 12px; font-weight: 600; }
td.error { color: #8a1c1c; background: #fdf0f0 !important; }
.footnote { font-size: 12px; color: var(--muted); margin: 8px 0 0; }
h4 { font-size: 15px; margin: 20px 0 8px; }
table.factors tr.factor td { background: var(--accent-soft) !important; border-top: 2px solid var(--line); }
table.factors tr.measure td:first-child { padding-left: 26px; }
.pies { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 18px 24px; }
figure { margin: 0; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
svg.chart { width: 100%; height: auto; display: block; }
section.indicator { border-top: 1px solid var(--line); margin-top: 26px; padding-top: 16px; }
.facts { font-size: 13.5px; margin: 6px 0 0; }
.facts span + span::before { content: " · "; color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px 28px; margin-top: 12px; }
.charts figure { max-width: 640px; }
.note { background: var(--accent-soft); border-left: 4px solid var(--accent); padding: 10px 14px; font-size: 13.5px; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; font-size: 13.5px; }
dl.provenance dt { color: var(--muted); }
dl.provenance dd { margin: 0; }
.mono { font-family: ui-monospace, "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 11.5px; word-break: break-all; }
footer { max-width: 1120px; margin: 0 auto; padding: 14px 48px 28px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 16mm 14mm 16mm; }
@media print {
  html { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  footer { padding: 8px 0 0; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  .synthetic, th, .dot, .badge, td, td.error { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { font-size: 8.5pt; }
  section.perspective { break-before: page; }
  section.indicator, figure, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .charts { grid-template-columns: 1fr; }
  .charts figure { max-width: 150mm; }
  .pies { grid-template-columns: 1fr 1fr; }
}
"#;

/// The title block.
pub(super) fn header(report: &Report) -> String {
    format!(
        "<header class=\"cover\">\n<p class=\"region\">{region}</p>\n<h1>{title}</h1>\n\
         <p class=\"period\">Delårsbokslut {period}</p>\n\
         <p class=\"meta\">Indikatorkatalog {catalog} · jämförelseperiod {previous} · \
         beräknad med indikator {version}</p>\n</header>\n",
        region = escape(&report.region),
        title = escape(&report.title),
        period = escape(&report.period),
        catalog = escape(&report.catalog),
        previous = escape(&report.previous_period),
        version = escape(&report.library_version),
    )
}

/// Links to the sections (screen only).
pub(super) fn contents(perspectives: &[Perspective], factors: bool) -> String {
    let mut links = vec!["<a href=\"#sammanfattning\">Sammanfattning</a>".to_string()];
    links.extend(perspectives.iter().map(|p| {
        format!(
            "<a href=\"#{}\">{}</a>",
            perspective_anchor(*p),
            escape(p.name())
        )
    }));
    if factors {
        links.push(format!(
            "<a href=\"#{FACTORS_ANCHOR}\">Bilaga: alla framgångsfaktorer</a>"
        ));
    }
    links.push("<a href=\"#underlag\">Underlag och spårbarhet</a>".into());
    format!(
        "<nav class=\"toc\" aria-label=\"Innehåll\">{}</nav>\n",
        links.join(" ")
    )
}

/// `n` and the singular or plural.
pub(super) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The ratings of a perspective in a sentence ("Av 3 indikatorer är 1
/// uppfylld, 1 ej uppfylld och 1 ej bedömd.", "Av 7 framgångsfaktorer
/// är …").
pub(super) fn counts_in_words(counts: &RatingCounts, what: Counted) -> String {
    let total = counts.fulfilled + counts.partly + counts.not_fulfilled + counts.missing;
    let (one, many) = what.nouns();
    if total == 0 {
        return format!("Inga {many}.");
    }
    let parts: Vec<String> = [
        (counts.fulfilled, "uppfylld", "uppfyllda"),
        (counts.partly, "delvis uppfylld", "delvis uppfyllda"),
        (counts.not_fulfilled, "ej uppfylld", "ej uppfyllda"),
        (counts.missing, "ej bedömd", "ej bedömda"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| counted(n, one, many))
    .collect();
    let listed = match parts.as_slice() {
        [only] => only.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
        [] => String::new(),
    };
    format!("Av {} är {listed}.", counted(total, one, many))
}

/// A pie and a sentence per perspective; what the pies count is said above them.
pub(super) fn summary(report: &Report, perspectives: &[Perspective]) -> String {
    let counted = report.counted();
    let (_, many) = counted.nouns();
    let mut out = String::from(
        "<section id=\"sammanfattning\">\n<h2>Sammanfattning: måluppfyllelse per perspektiv</h2>\n",
    );
    if counted == Counted::SuccessFactors {
        out.push_str(&format!(
            "<p class=\"facts\">Cirklarna räknar framgångsfaktorerna, som planerna gör: varje \
             faktor en gång, med sin bedömning (se <a href=\"#{FACTORS_ANCHOR}\">Bilaga: alla \
             framgångsfaktorer</a>). Indikatorerna räknas inte för sig; de är mått under sina \
             faktorer.</p>\n"
        ));
    }
    out.push_str("<div class=\"pies\">\n");
    for (perspective, counts) in report.pie_counts() {
        if !perspectives.contains(&perspective) {
            continue;
        }
        let (title, what) = match counted {
            Counted::SuccessFactors => (
                format!("{} – {many}", perspective.name()),
                "Framgångsfaktorer",
            ),
            Counted::Indicators => (perspective.name().to_string(), "Måluppfyllelse"),
        };
        out.push_str(&format!(
            "<figure>{}<figcaption>{}</figcaption></figure>\n",
            ratings_chart_counting(&title, &counts, what),
            escape(&counts_in_words(&counts, counted))
        ));
    }
    out.push_str("</div>\n</section>\n");
    out
}

//! The report as one self-contained HTML page in Swedish: inline CSS and
//! inline SVG charts, no scripts, nothing fetched; printable on A4. The
//! same report gives the same bytes (no timestamps).

use super::model::{IndicatorResult, Point, Report};
use super::svg::{
    escape, fixed_with_unit, kommun_chart, missing_words, rating_hex, rating_text_hex,
    ratings_chart, trend_chart, value_words,
};
use crate::assess::{rating_counts, Perspective, RatingCounts};
use crate::text::swedish_number;

/// The banner of a report on synthetic data.
const SYNTHETIC_BANNER: &str = "SYNTETISKA DATA — påhittade uppgifter för demonstration";

/// The rating colours with a CSS class each.
const COLOURS: [&str; 4] = ["green", "yellow", "red", "grey"];

/// The report as a complete HTML5 page in Swedish: header, a summary of
/// ratings per perspective, a table per perspective, the charts of every
/// indicator and an appendix on the inputs.
///
/// Every text from the report is escaped. A masked value is shown as `..`
/// (never its number) with a footnote; a failed indicator says why it
/// could not be computed.
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
    page.push_str(&contents(&perspectives));
    page.push_str(&summary(report, &perspectives));
    for &perspective in &perspectives {
        page.push_str(&perspective_section(report, perspective));
    }
    page.push_str(&appendix(report));
    page.push_str("</main>\n");
    page.push_str(&footer(report));
    page.push_str("</body>\n</html>\n");
    page
}

/// The perspectives that have indicators, in the order of the reports.
fn perspectives_with_indicators(report: &Report) -> Vec<Perspective> {
    Perspective::ALL
        .into_iter()
        .filter(|p| report.indicators.iter().any(|i| i.perspective == *p))
        .collect()
}

/// The indicators of one perspective, in catalogue order.
fn indicators_of(report: &Report, perspective: Perspective) -> Vec<&IndicatorResult> {
    report
        .indicators
        .iter()
        .filter(|i| i.perspective == perspective)
        .collect()
}

/// The `id` of a perspective's section ("perspektiv-samhalle").
fn perspective_anchor(perspective: Perspective) -> String {
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
fn indicator_anchor(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect();
    format!("ind-{}", escape(&id))
}

/// The ratings of every perspective.
fn counts(report: &Report) -> Vec<(Perspective, RatingCounts)> {
    rating_counts(
        report
            .indicators
            .iter()
            .map(|i| (i.perspective, i.rating.as_ref().and_then(|r| r.rating))),
    )
}

/// The style sheet; a report on synthetic data also says so in the margin
/// of every printed page.
fn stylesheet(synthetic: bool) -> String {
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

const BASE_CSS: &str = r#":root { --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee4; --zebra: #f4f6f8; --accent: #1d5a8c; --accent-soft: #e8f0f7; }
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
fn header(report: &Report) -> String {
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
fn contents(perspectives: &[Perspective]) -> String {
    let mut links = vec!["<a href=\"#sammanfattning\">Sammanfattning</a>".to_string()];
    links.extend(perspectives.iter().map(|p| {
        format!(
            "<a href=\"#{}\">{}</a>",
            perspective_anchor(*p),
            escape(p.name())
        )
    }));
    links.push("<a href=\"#underlag\">Underlag och spårbarhet</a>".into());
    format!(
        "<nav class=\"toc\" aria-label=\"Innehåll\">{}</nav>\n",
        links.join(" ")
    )
}

/// `n` and the singular or plural.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The ratings of a perspective in a sentence ("Av 3 indikatorer är 1
/// uppfylld, 1 ej uppfylld och 1 ej bedömd.").
fn counts_in_words(counts: &RatingCounts) -> String {
    let total = counts.fulfilled + counts.partly + counts.not_fulfilled + counts.missing;
    if total == 0 {
        return "Inga indikatorer.".into();
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
    format!(
        "Av {} är {listed}.",
        counted(total, "indikator", "indikatorer")
    )
}

/// A pie and a sentence per perspective.
fn summary(report: &Report, perspectives: &[Perspective]) -> String {
    let mut out = String::from(
        "<section id=\"sammanfattning\">\n<h2>Sammanfattning: måluppfyllelse per perspektiv</h2>\n\
         <div class=\"pies\">\n",
    );
    for (perspective, counts) in counts(report) {
        if !perspectives.contains(&perspective) {
            continue;
        }
        out.push_str(&format!(
            "<figure>{}<figcaption>{}</figcaption></figure>\n",
            ratings_chart(perspective.name(), &counts),
            escape(&counts_in_words(&counts))
        ));
    }
    out.push_str("</div>\n</section>\n");
    out
}

/// A perspective's table, its footnotes and the section of each indicator.
fn perspective_section(report: &Report, perspective: Perspective) -> String {
    let indicators = indicators_of(report, perspective);
    let mut out = format!(
        "<section class=\"perspective\" id=\"{}\">\n<h2>Perspektiv {}</h2>\n",
        perspective_anchor(perspective),
        escape(perspective.name())
    );
    out.push_str(&indicator_table(report, &indicators));
    out.push_str(&footnotes(&indicators));
    for indicator in &indicators {
        out.push_str(&indicator_section(report, indicator));
    }
    out.push_str("</section>\n");
    out
}

fn indicator_table(report: &Report, indicators: &[&IndicatorResult]) -> String {
    let mut out = format!(
        "<table>\n<thead><tr><th scope=\"col\">Indikator</th>\
         <th scope=\"col\" class=\"num\">Utfall {} <span class=\"sub\">(95 % KI)</span></th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">Riket</th>\
         <th scope=\"col\">Mål</th><th scope=\"col\">Bedömning</th>\
         <th scope=\"col\">Källa och ansvarig</th></tr></thead>\n<tbody>\n",
        escape(&report.period),
        escape(&report.previous_period)
    );
    for indicator in indicators {
        out.push_str(&indicator_row(report, indicator));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// One row of a perspective's table.
fn indicator_row(report: &Report, indicator: &IndicatorResult) -> String {
    let name = format!(
        "<td class=\"name\"><a href=\"#{}\">{}</a><span class=\"en\">{}</span></td>",
        indicator_anchor(&indicator.id),
        escape(&indicator.name_sv),
        escape(&indicator.name_en)
    );
    let origin = format!(
        "<td>{}<span class=\"sub\">{}</span></td>",
        escape(&indicator.source),
        escape(&indicator.responsible)
    );
    if let Some(error) = &indicator.error {
        return format!(
            "<tr class=\"failed\">{name}<td colspan=\"5\" class=\"error\">Kunde inte beräknas: \
             {}</td>{origin}</tr>\n",
            escape(error)
        );
    }
    format!(
        "<tr>{name}<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td>{}</td>{}{origin}</tr>\n",
        point_cell(indicator.current.as_ref(), indicator),
        point_cell(indicator.previous.as_ref(), indicator),
        riket_cell(report, indicator),
        escape(indicator.target.as_deref().unwrap_or("Inget mål")),
        rating_cell(indicator),
    )
}

/// A value with its limits, `..` when masked, or why it is missing.
fn point_cell(point: Option<&Point>, indicator: &IndicatorResult) -> String {
    let Some(point) = point else {
        return "<span class=\"missing\">uppgift saknas</span>".into();
    };
    if point.suppressed {
        return format!(
            "<span class=\"masked\" title=\"skyddat (för få fall)\">{}</span>",
            escape(&missing_words(point))
        );
    }
    let words = escape(&value_words(point, &indicator.unit, indicator.decimals));
    match point.value {
        Some(_) => words,
        None => format!("<span class=\"missing\">{words}</span>"),
    }
}

/// The national value, with its own period when it differs from the report's.
fn riket_cell(report: &Report, indicator: &IndicatorResult) -> String {
    let Some(riket) = &indicator.riket else {
        return "<span class=\"missing\">saknas</span>".into();
    };
    let value = escape(&fixed_with_unit(
        riket.value,
        indicator.decimals,
        &indicator.unit,
    ));
    if riket.period == report.period {
        value
    } else {
        format!(
            "{value}<span class=\"sub\">({})</span>",
            escape(&riket.period)
        )
    }
}

/// The CSS class of a rating colour, `grey` for anything unknown.
fn colour_class(colour: &str) -> &'static str {
    COLOURS.into_iter().find(|c| *c == colour).unwrap_or("grey")
}

/// The rating as a coloured dot and words, the rule below and as a tooltip.
fn rating_cell(indicator: &IndicatorResult) -> String {
    let Some(rating) = &indicator.rating else {
        return "<td><span class=\"dot grey\" aria-hidden=\"true\"></span>ej bedömd</td>".into();
    };
    let rule = escape(&rating.rule);
    format!(
        "<td title=\"{rule}\"><span class=\"dot {}\" aria-hidden=\"true\"></span>{}\
         <span class=\"sub\">{rule}</span></td>",
        colour_class(&rating.colour),
        escape(&rating.words)
    )
}

/// Whether anything the perspective shows is masked.
fn any_masked(indicators: &[&IndicatorResult]) -> bool {
    indicators.iter().any(|i| {
        i.current
            .iter()
            .chain(&i.previous)
            .chain(&i.trend)
            .chain(&i.by_kommun)
            .any(|p| p.suppressed)
    })
}

/// The footnotes under a perspective's table.
fn footnotes(indicators: &[&IndicatorResult]) -> String {
    let mut out = String::from(
        "<p class=\"footnote\">KI = konfidensintervall. Ett utfall jämförs med målet; \
         regelns utfall står under bedömningen.</p>\n",
    );
    if any_masked(indicators) {
        out.push_str(
            "<p class=\"footnote\"><strong>..</strong> = uppgiften visas inte för att skydda \
             enskilda personer: den bygger på färre fall än tröskelvärdet för röjandeskydd, \
             och värden som skulle göra det möjligt att räkna fram den är också dolda.</p>\n",
        );
    }
    out
}

/// The section of one indicator: facts in a line and its charts.
fn indicator_section(report: &Report, indicator: &IndicatorResult) -> String {
    let mut out = format!(
        "<section class=\"indicator\" id=\"{}\">\n<h3>{}<span class=\"en\">{}</span></h3>\n",
        indicator_anchor(&indicator.id),
        escape(&indicator.name_sv),
        escape(&indicator.name_en)
    );
    if let Some(error) = &indicator.error {
        out.push_str(&format!(
            "<p class=\"facts error\">Kunde inte beräknas: {}</p>\n</section>\n",
            escape(error)
        ));
        return out;
    }
    out.push_str(&facts(report, indicator));
    let mut charts = Vec::new();
    if !indicator.trend.is_empty() {
        charts.push(trend_chart(
            &format!("{} – utveckling", indicator.name_sv),
            &indicator.unit,
            indicator.decimals,
            &indicator.trend,
            indicator.target_line,
        ));
    }
    if !indicator.by_kommun.is_empty() {
        charts.push(kommun_chart(
            &format!("{} – per kommun, {}", indicator.name_sv, report.period),
            &indicator.unit,
            indicator.decimals,
            &indicator.by_kommun,
            indicator.riket.as_ref().map(|r| r.value),
        ));
    }
    if !charts.is_empty() {
        out.push_str("<div class=\"charts\">\n");
        for chart in charts {
            out.push_str(&format!("<figure>{chart}</figure>\n"));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The indicator's value, target and rating in one line.
fn facts(report: &Report, indicator: &IndicatorResult) -> String {
    let mut parts = vec![format!(
        "<span>Utfall {}: <strong>{}</strong></span>",
        escape(&report.period),
        point_cell(indicator.current.as_ref(), indicator)
    )];
    if let Some(target) = &indicator.target {
        parts.push(format!("<span>Mål: {}</span>", escape(target)));
    }
    if let Some(rating) = &indicator.rating {
        let colour = colour_class(&rating.colour);
        parts.push(format!(
            "<span><span class=\"badge {colour}\">{}</span></span>",
            escape(&rating.words)
        ));
    }
    format!("<p class=\"facts\">{}</p>\n", parts.join(""))
}

/// The appendix: how the figures were made and from which files.
fn appendix(report: &Report) -> String {
    let benchmark = if report.benchmark_source.is_empty() {
        "Inga jämförelsevärden angavs.".to_string()
    } else {
        escape(&report.benchmark_source)
    };
    let mut out = format!(
        "<section id=\"underlag\" class=\"perspective\">\n<h2>Underlag och spårbarhet</h2>\n\
         <dl class=\"provenance\">\
         <dt>Beräknad med</dt><dd>indikator {}</dd>\
         <dt>Indikatorkatalog</dt><dd>{}</dd>\
         <dt>Period</dt><dd>{} (jämförs med {})</dd>\
         <dt>Jämförelsevärden</dt><dd>{benchmark}</dd></dl>\n",
        escape(&report.library_version),
        escape(&report.catalog),
        escape(&report.period),
        escape(&report.previous_period),
    );
    out.push_str(&inputs_table(report));
    out.push_str(&benchmarks_table(report));
    out.push_str(
        "<p class=\"note\">Varje siffra i rapporten finns i den långa resultattabellen \
         (Parquet, CSV och XLSX, bladet Data), med täljare, nämnare, konfidensgränser och \
         status. Filernas SHA-256 visar exakt vilka uppgifter som användes.</p>\n</section>\n",
    );
    out
}

fn inputs_table(report: &Report) -> String {
    let mut out = String::from(
        "<h3>Indata</h3>\n<table>\n<thead><tr><th scope=\"col\">Tabell</th>\
         <th scope=\"col\">Fil</th><th scope=\"col\" class=\"num\">Rader</th>\
         <th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n",
    );
    if report.inputs.is_empty() {
        out.push_str("<tr><td colspan=\"4\" class=\"missing\">Inga indatafiler.</td></tr>\n");
    }
    for input in &report.inputs {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"mono\">{}</td></tr>\n",
            escape(&input.table),
            escape(&input.file),
            swedish_number(input.rows as f64, 0),
            escape(&input.sha256)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// Where each national value came from, when any was given.
fn benchmarks_table(report: &Report) -> String {
    let rows: Vec<String> = report
        .indicators
        .iter()
        .filter_map(|i| {
            i.riket.as_ref().map(|r| {
                format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    escape(&i.name_sv),
                    escape(&r.period),
                    escape(&r.source)
                )
            })
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    format!(
        "<h3>Jämförelsevärden per indikator</h3>\n<table>\n<thead><tr>\
         <th scope=\"col\">Indikator</th><th scope=\"col\">Period</th>\
         <th scope=\"col\">Källa</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n",
        rows.concat()
    )
}

fn footer(report: &Report) -> String {
    let synthetic = if report.synthetic {
        format!(" · <strong>{SYNTHETIC_BANNER}</strong>")
    } else {
        String::new()
    };
    format!(
        "<footer>{} · {} · Delårsbokslut {}{synthetic}</footer>\n",
        escape(&report.title),
        escape(&report.region),
        escape(&report.period)
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{masked, sample_report};
    use super::super::svg::tests::balanced;
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
            counts_in_words(&RatingCounts {
                fulfilled: 2,
                partly: 1,
                not_fulfilled: 3,
                missing: 0
            }),
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
}

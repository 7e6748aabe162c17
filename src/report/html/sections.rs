//! Each indicator's section (facts and charts), the appendix on inputs and
//! benchmarks, and the footer.

use super::super::chart::{kommun_chart, trend_chart};
use super::tables::{colour_class, point_cell};
use super::*;

/// The section of one indicator: facts in a line and its charts.
pub(super) fn indicator_section(report: &Report, indicator: &IndicatorResult) -> String {
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
pub(super) fn facts(report: &Report, indicator: &IndicatorResult) -> String {
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
pub(super) fn appendix(report: &Report) -> String {
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

pub(super) fn inputs_table(report: &Report) -> String {
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
pub(super) fn benchmarks_table(report: &Report) -> String {
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

pub(super) fn footer(report: &Report) -> String {
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

//! The compact view of a report in Jupyter: one table of every indicator
//! with its value, last year, riket and rating (the full report is the HTML file).

use super::model::Report;
use super::style::{escape, rating_hex, value_words};

/// An HTML fragment (no page, no styles that leak into the notebook).
#[cfg_attr(not(feature = "python"), allow(dead_code))]
pub fn notebook_html(report: &Report) -> String {
    let mut out = String::new();
    let synthetic = if report.synthetic {
        " — <strong>SYNTETISKA DATA</strong>"
    } else {
        ""
    };
    out.push_str(&format!(
        "<div><p><strong>{}</strong> — {} — {}{synthetic}</p>\
         <table><thead><tr><th>Indikator</th><th>Utfall</th><th>{}</th><th>Riket</th>\
         <th>Bedömning</th></tr></thead><tbody>",
        escape(&report.title),
        escape(&report.region),
        escape(&report.period),
        escape(&report.previous_period),
    ));
    for ind in &report.indicators {
        let (value, previous, rating) = match &ind.error {
            Some(error) => (
                format!("Kunde inte beräknas: {}", escape(error)),
                String::new(),
                String::new(),
            ),
            None => {
                let words = |p: &Option<super::model::Point>| {
                    p.as_ref()
                        .map(|p| escape(&value_words(p, &ind.unit, ind.decimals)))
                        .unwrap_or_default()
                };
                let rating = ind.rating.as_ref().map_or(String::new(), |r| {
                    format!(
                        "<span style=\"color:{}\">&#9679;</span> {}",
                        rating_hex(&r.colour),
                        escape(&r.words)
                    )
                });
                (words(&ind.current), words(&ind.previous), rating)
            }
        };
        let riket = ind.riket.as_ref().map_or(String::new(), |r| {
            escape(&value_words(
                &super::model::Point {
                    value: Some(r.value),
                    status: "ok".into(),
                    ..Default::default()
                },
                &ind.unit,
                ind.decimals,
            ))
        });
        out.push_str(&format!(
            "<tr><td title=\"{}\">{}</td><td>{value}</td><td>{previous}</td><td>{riket}</td><td>{rating}</td></tr>",
            escape(&ind.id),
            escape(&ind.name_sv)
        ));
    }
    out.push_str("</tbody></table></div>");
    out
}

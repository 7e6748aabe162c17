//! A perspective's table of indicators: value with limits, last year, riket,
//! target and rating, with the footnotes on masked values.

use super::sections::indicator_section;
use super::*;

/// A perspective's table, its footnotes and the section of each indicator.
pub(super) fn perspective_section(report: &Report, perspective: Perspective) -> String {
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

pub(super) fn indicator_table(report: &Report, indicators: &[&IndicatorResult]) -> String {
    let mut out = format!(
        "<table>\n<thead><tr><th scope=\"col\">Indikator</th>\
         <th scope=\"col\" class=\"num\">Utfall {} <span class=\"sub\">(95 % KI)</span></th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">Riket</th>\
         <th scope=\"col\" class=\"num\">Kvinnor mot män</th>\
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
pub(super) fn indicator_row(report: &Report, indicator: &IndicatorResult) -> String {
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
            "<tr class=\"failed\">{name}<td colspan=\"6\" class=\"error\">Kunde inte beräknas: \
             {}</td>{origin}</tr>\n",
            escape(error)
        );
    }
    format!(
        "<tr>{name}<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td>{}</td>{}{origin}</tr>\n",
        point_cell(indicator.current.as_ref(), indicator),
        point_cell(indicator.previous.as_ref(), indicator),
        riket_cell(report, indicator),
        escape(&super::super::style::sex_difference_words(indicator)),
        escape(indicator.target.as_deref().unwrap_or("Inget mål")),
        rating_cell(indicator),
    )
}

/// A value with its limits, `..` when masked, or why it is missing.
pub(super) fn point_cell(point: Option<&Point>, indicator: &IndicatorResult) -> String {
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
pub(super) fn riket_cell(report: &Report, indicator: &IndicatorResult) -> String {
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
pub(super) fn colour_class(colour: &str) -> &'static str {
    COLOURS.into_iter().find(|c| *c == colour).unwrap_or("grey")
}

/// The rating as a coloured dot and words, the rule below and as a tooltip.
pub(super) fn rating_cell(indicator: &IndicatorResult) -> String {
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
pub(super) fn any_masked(indicators: &[&IndicatorResult]) -> bool {
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
pub(super) fn footnotes(indicators: &[&IndicatorResult]) -> String {
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

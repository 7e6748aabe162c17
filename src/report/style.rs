//! What the HTML report, the workbook, the notebook view and the charts
//! share: the palette, the rating colours, escaping, and the Swedish words
//! and number formats of values, limits and missing values.

use super::model::Point;
use crate::assess::MissingReason;
use crate::text::{swedish_number, NBSP};

/// The fonts of every chart: the reader's own sans-serif, nothing fetched.
pub(crate) const FONT: &str = "Segoe UI, Helvetica Neue, Helvetica, Arial, sans-serif";
/// Text and axes.
pub(crate) const INK: &str = "#1f2933";
/// Secondary text.
pub(crate) const MUTED: &str = "#5f6b7a";
/// Grid lines.
pub(crate) const GRID: &str = "#e3e7ec";
/// The series: line, markers and bars.
pub(crate) const SERIES: &str = "#1d5a8c";
/// The confidence band and whiskers.
pub(crate) const BAND: &str = "#9dbbd8";
/// The target line.
pub(crate) const TARGET: &str = "#1f2933";
/// The benchmark line.
pub(crate) const RIKET: &str = "#8a3f8f";

/// The hex colour of a rating colour name (`green`, `yellow`, `red`, and
/// `grey` or anything else), the same in charts, HTML and XLSX.
///
/// The palette keeps its hues apart for colour-blind readers (a blue-ish
/// green, an amber, a red with some blue) and is never the only carrier of
/// the rating: the words are always written next to it.
pub fn rating_hex(colour: &str) -> &'static str {
    match colour {
        "green" => "#2e7d4f",
        "yellow" => "#f0b323",
        "red" => "#c4314b",
        _ => "#9aa1a9",
    }
}

/// The hex of text written on a [`rating_hex`] fill, dark or white for contrast.
pub fn rating_text_hex(colour: &str) -> &'static str {
    match colour {
        "green" | "red" => "#ffffff",
        _ => INK,
    }
}

/// `text` safe inside XML and HTML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `x` the Swedish way with exactly `decimals` decimals ("88,0", "1 234,50").
pub(crate) fn fixed_number(x: f64, decimals: usize) -> String {
    let mut out = swedish_number(x, decimals);
    if decimals == 0 || !x.is_finite() {
        return out;
    }
    let shown = out.split_once(',').map_or(0, |(_, f)| f.chars().count());
    if shown == 0 {
        out.push(',');
    }
    out.extend(std::iter::repeat_n('0', decimals.saturating_sub(shown)));
    out
}

/// `x` with exactly `decimals` decimals and its unit ("84,2 %").
pub(crate) fn fixed_with_unit(x: f64, decimals: usize, unit: &str) -> String {
    if unit.is_empty() {
        fixed_number(x, decimals)
    } else {
        format!("{}{NBSP}{unit}", fixed_number(x, decimals))
    }
}

/// The Swedish words of a status: a missing reason, an estimate's status,
/// or the status itself when it is not known.
pub(crate) fn status_words(status: &str) -> String {
    if let Ok(reason) = status.parse::<MissingReason>() {
        return reason.swedish().to_string();
    }
    let words = match status.trim() {
        "" | "ok" => "uppgift saknas",
        "numerator missing" => "täljare saknas",
        "denominator missing" => "nämnare saknas",
        "total count below 10" => "färre än 10 händelser",
        "fewer than 2 values" => "färre än 2 värden",
        "values missing" => "värden saknas",
        "expected count is zero" => "förväntat antal är noll",
        "denominator is zero" => "nämnaren är noll",
        "negative deaths in an age band" => "negativt antal döda i en åldersgrupp",
        "population zero or less in an age band" => "ingen befolkning i en åldersgrupp",
        "more deaths than population in an age band" => "fler döda än befolkning i en åldersgrupp",
        "total population 5000 or less" => "befolkningen är 5 000 eller färre",
        "no deaths in the open age band" => "inga döda i den öppna åldersgruppen",
        "95% interval wider than 20 years" => "konfidensintervallet är bredare än 20 år",
        "no survivors to this age" => "ingen överlevande till åldern",
        "not every quantile has a value" => "värde saknas för någon kvantil",
        "no finite value" => "inget ändligt värde",
        "a group compared has no row" => "en jämförd grupp saknas",
        "no events in either group" => "inga händelser i någon av grupperna",
        "no events in the group compared against" => "inga händelser i jämförelsegruppen",
        "no events in one group (log-normal limits need both)" => {
            "inga händelser i en av grupperna"
        }
        other => other,
    };
    words.to_string()
}

/// What a report shows for a point without a value: `..` when it is
/// masked, otherwise the reason in words.
pub(crate) fn missing_words(point: &Point) -> String {
    if point.suppressed {
        crate::disclosure::SUPPRESSED_SYMBOL.to_string()
    } else {
        status_words(&point.status)
    }
}

/// A point's value with its 95 % limits in words ("84,2 % (80,1–88,0)"),
/// or what is shown instead of a missing or masked value.
pub(crate) fn value_words(point: &Point, unit: &str, decimals: usize) -> String {
    match point.value {
        Some(v) if !point.suppressed => {
            let value = fixed_with_unit(v, decimals, unit);
            match (point.lower, point.upper) {
                (Some(lo), Some(up)) => format!(
                    "{value} ({}–{})",
                    fixed_number(lo, decimals),
                    fixed_number(up, decimals)
                ),
                _ => value,
            }
        }
        _ => missing_words(point),
    }
}

/// Women against men in words: "kvot 1,97 (1,27–3,10), signifikant" or why not.
pub(crate) fn sex_difference_words(indicator: &super::model::IndicatorResult) -> String {
    let Some(d) = &indicator.sex_difference else {
        return "–".into();
    };
    let (Some(v), Some(lo), Some(hi)) = (d.value, d.lower, d.upper) else {
        return format!("ej jämförd: {}", d.status);
    };
    let n = |x: f64| swedish_number(x, 2);
    let verdict = match d.significant {
        Some(true) => "signifikant skillnad",
        _ => "ingen signifikant skillnad",
    };
    format!("{} {} ({}–{}), {verdict}", d.measure, n(v), n(lo), n(hi))
}

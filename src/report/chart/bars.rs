//! The bar chart by kommun (or any group): bars with whiskers and the riket line.

use super::super::model::Point;
use super::super::style::*;
use super::draw::*;

/// The report period by kommun: one horizontal bar per label, in the order
/// given, with its value at the bar's end, 95 % whiskers and the national
/// value as a dashed vertical line labelled "Riket". A masked bar shows `..`.
///
/// Visits within 90 days by kommun, against riket's 58 %:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::render::{group_points, kommun_chart};
///
/// let waits = df!(
///     "kommun" => ["Krokom", "Åre", "Östersund"],
///     "within_limit" => [412i64, 301, 1_780],
///     "completed" => [520i64, 410, 2_150],
/// )?;
/// let shares = Proportion::new("within_limit", "completed")
///     .percentage()
///     .by(["kommun"])
///     .compute(waits.lazy())?;
/// let bars = group_points(&shares, "kommun", "kommun")?;
/// let svg = kommun_chart("Besök inom 90 dagar", "%", 1, &bars, Some(58.0));
/// assert!(svg.starts_with("<svg") && svg.contains("role=\"img\""));
/// // Its description says it in words: 412 of 520 is 79,2 %.
/// assert!(svg.contains("Krokom: 79,2") && svg.contains("Riket: 58,0"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn kommun_chart(
    title: &str,
    unit: &str,
    decimals: usize,
    bars: &[Point],
    riket: Option<f64>,
) -> String {
    const WIDTH: f64 = 640.0;
    const ROW: f64 = 26.0;
    let label_width = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0) as f64
        * 7.0;
    let left = (label_width + 20.0).clamp(90.0, 220.0);
    let frame = Frame {
        left,
        top: if riket.is_some() { 62.0 } else { 40.0 },
        width: WIDTH - left - 82.0,
        height: ROW * bars.len().max(1) as f64,
    };
    let height = frame.bottom() + 42.0;
    let mut values: Vec<f64> = bars
        .iter()
        .filter(|p| !p.suppressed)
        .flat_map(|p| [p.value, p.lower, p.upper])
        .flatten()
        .collect();
    values.extend(riket);
    let axis = Axis::nice(&values, true);
    let desc = description(
        "Värde per kommun.",
        bars,
        unit,
        decimals,
        riket.map(|r| ("Riket", r)),
    );
    let x_of = |v: f64| frame.left + axis.fraction(v) * frame.width;

    let mut svg = open(WIDTH, height, title, &desc);
    svg.push_str(&value_axis_vertical_grid(&frame, &axis, unit, x_of));
    for (i, bar) in bars.iter().enumerate() {
        let y = frame.top + (i as f64 + 0.5) * ROW;
        svg.push_str(&kommun_bar(bar, y, &frame, decimals, x_of));
    }
    if let Some(r) = riket.filter(|r| r.is_finite()) {
        svg.push_str(&riket_line(
            &frame,
            x_of(r),
            &fixed_with_unit(r, decimals, unit),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The vertical grid, tick labels and unit of a horizontal value axis.
fn value_axis_vertical_grid(
    frame: &Frame,
    axis: &Axis,
    unit: &str,
    x_of: impl Fn(f64) -> f64,
) -> String {
    let mut out = String::new();
    for tick in axis.ticks() {
        let x = x_of(tick);
        let stroke = if tick == 0.0 { MUTED } else { GRID };
        out.push_str(&line(
            x,
            frame.top,
            x,
            frame.bottom(),
            &format!("stroke=\"{stroke}\" stroke-width=\"1\""),
        ));
        out.push_str(&text(
            x,
            frame.bottom() + 16.0,
            "middle",
            &format!(" fill=\"{MUTED}\" font-size=\"11\""),
            &axis.label(tick),
        ));
    }
    if !unit.is_empty() {
        out.push_str(&text(
            frame.right(),
            frame.bottom() + 32.0,
            "end",
            &format!(" fill=\"{MUTED}\" font-size=\"11\""),
            unit,
        ));
    }
    out
}

/// One kommun's row: name, bar, whisker and value (or `..`, or the reason).
fn kommun_bar(
    bar: &Point,
    y: f64,
    frame: &Frame,
    decimals: usize,
    x_of: impl Fn(f64) -> f64,
) -> String {
    let mut out = text(
        frame.left - 8.0,
        y + 4.0,
        "end",
        &format!(" fill=\"{INK}\""),
        &bar.label,
    );
    let zero = x_of(0.0);
    let Some(v) = shown(bar) else {
        if bar.suppressed {
            out.push_str(&masked_mark(zero + 6.0, y + 4.0, "start"));
        } else {
            out.push_str(&text(
                zero + 6.0,
                y + 4.0,
                "start",
                &format!(" fill=\"{MUTED}\" font-size=\"11\" font-style=\"italic\""),
                &missing_words(bar),
            ));
        }
        return out;
    };
    let (from, to) = (x_of(v.min(0.0)), x_of(v.max(0.0)));
    out.push_str(&format!(
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{SERIES}\" \
         fill-opacity=\"0.85\"/>",
        c(from),
        c(y - 7.0),
        c((to - from).max(0.5)),
    ));
    let mut reach = (v, v);
    if let Some((lo, up)) = shown_limits(bar) {
        out.push_str(&whisker(x_of(lo), x_of(up), y));
        reach = (lo.min(v), up.max(v));
    }
    let label = fixed_number(v, decimals);
    let extra = " font-size=\"11\" font-weight=\"600\"";
    if v < 0.0 {
        out.push_str(&text(
            x_of(reach.0.min(0.0)) - 6.0,
            y + 4.0,
            "end",
            extra,
            &label,
        ));
    } else {
        out.push_str(&text(x_of(reach.1) + 6.0, y + 4.0, "start", extra, &label));
    }
    out
}

/// A horizontal 95 % whisker with caps.
fn whisker(from: f64, to: f64, y: f64) -> String {
    let style = format!("stroke=\"{INK}\" stroke-width=\"1.2\"");
    let mut out = line(from, y, to, y, &style);
    out.push_str(&line(from, y - 5.0, from, y + 5.0, &style));
    out.push_str(&line(to, y - 5.0, to, y + 5.0, &style));
    out
}

/// The dashed national line over the bars, labelled "Riket" and its level.
fn riket_line(frame: &Frame, x: f64, level: &str) -> String {
    let mut out = line(
        x,
        frame.top - 6.0,
        x,
        frame.bottom(),
        &format!(
            "class=\"riket\" stroke=\"{RIKET}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\""
        ),
    );
    out.push_str(&text(
        x,
        frame.top - 12.0,
        "middle",
        &format!(" fill=\"{RIKET}\" font-size=\"11\" font-weight=\"600\""),
        &format!("Riket {level}"),
    ));
    out
}

//! The trend chart: the value per period with its band, gaps and masked
//! points, and the target line.

use super::super::model::Point;
use super::super::style::*;
use super::draw::*;

/// The trend of an indicator: the value per period as a line with markers,
/// its 95 % confidence band, and the target as a dashed line labelled "Mål".
///
/// Periods are categories, drawn in the order given ([`super::super::trend_points`]
/// gives a result's rows in time order). A missing value
/// breaks the line (a gap); a masked one is marked `..`. Tick and value
/// labels are written the Swedish way with `decimals` decimals.
///
/// Three delår of a share against a target of 90 %, one without a value:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::render::{trend_chart, trend_points};
///
/// let shares = df!(
///     "period" => ["jan–aug 2024", "jan–aug 2022", "jan–aug 2023"],
///     "value" => [Some(86.3), Some(84.1), None],
///     "status" => ["ok", "ok", "denominator missing"],
/// )?;
/// let points = trend_points(&shares, "period")?;
/// let svg = trend_chart("Bedömning inom 3 dagar", "%", 1, &points, Some(90.0));
/// assert!(svg.contains("<title>Bedömning inom 3 dagar</title>"));
/// // In time order, the gap said in words, then the target.
/// let desc = &svg[svg.find("<desc>").unwrap()..svg.find("</desc>").unwrap()];
/// let at = |text: &str| desc.find(text).unwrap();
/// assert!(at("2022: 84,1") < at("2023: nämnare saknas") && at("2023") < at("2024: 86,3"));
/// assert!(desc.contains("Mål: 90,0"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trend_chart(
    title: &str,
    unit: &str,
    decimals: usize,
    points: &[Point],
    target: Option<f64>,
) -> String {
    const WIDTH: f64 = 640.0;
    let rotate = labels_crowded(points, WIDTH - 130.0);
    let frame = Frame {
        left: 62.0,
        top: 56.0,
        width: WIDTH - 62.0 - 68.0,
        height: 190.0,
    };
    let bottom_margin = if rotate { 78.0 } else { 40.0 };
    let height = frame.bottom() + bottom_margin;
    let mut values: Vec<f64> = points
        .iter()
        .filter(|p| !p.suppressed)
        .flat_map(|p| [p.value, p.lower, p.upper])
        .flatten()
        .collect();
    values.extend(target);
    let axis = Axis::nice(&values, false);
    let desc = description(
        "Utveckling per period.",
        points,
        unit,
        decimals,
        target.map(|t| ("Mål", t)),
    );
    let band = band_width(&frame, points.len());
    let x_of = |i: usize| frame.left + (i as f64 + 0.5) * band;
    let y_of = |v: f64| frame.bottom() - axis.fraction(v) * frame.height;

    let mut svg = open(WIDTH, height, title, &desc);
    svg.push_str(&value_axis_horizontal_grid(&frame, &axis, unit));
    svg.push_str(&category_labels(points, &frame, x_of, rotate));
    svg.push_str(&confidence_band(points, x_of, y_of));
    svg.push_str(&value_line(points, x_of, y_of));
    svg.push_str(&markers(points, decimals, x_of, y_of, &frame));
    if let Some(t) = target.filter(|t| t.is_finite()) {
        svg.push_str(&target_line(
            &frame,
            y_of(t),
            &fixed_with_unit(t, decimals, unit),
        ));
    }
    if points.iter().all(|p| shown(p).is_none()) {
        svg.push_str(&text(
            frame.left + frame.width / 2.0,
            frame.top + frame.height / 2.0,
            "middle",
            &format!(" fill=\"{MUTED}\""),
            "Inga värden att visa",
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The width of one period on the category axis.
fn band_width(frame: &Frame, periods: usize) -> f64 {
    (frame.width / periods.max(1) as f64).max(1.0)
}

/// Whether the period labels would collide written level.
fn labels_crowded(points: &[Point], width: f64) -> bool {
    let chars: usize = points.iter().map(|p| p.label.chars().count() + 2).sum();
    chars as f64 * 6.6 > width
}

/// The horizontal grid, tick labels and unit of a value axis.
fn value_axis_horizontal_grid(frame: &Frame, axis: &Axis, unit: &str) -> String {
    let mut out = String::new();
    for tick in axis.ticks() {
        let y = frame.bottom() - axis.fraction(tick) * frame.height;
        let stroke = if tick == 0.0 { MUTED } else { GRID };
        out.push_str(&line(
            frame.left,
            y,
            frame.right(),
            y,
            &format!("stroke=\"{stroke}\" stroke-width=\"1\""),
        ));
        out.push_str(&text(
            frame.left - 8.0,
            y + 4.0,
            "end",
            &format!(" fill=\"{MUTED}\" font-size=\"11\""),
            &axis.label(tick),
        ));
    }
    out.push_str(&line(
        frame.left,
        frame.bottom(),
        frame.right(),
        frame.bottom(),
        &format!("stroke=\"{MUTED}\" stroke-width=\"1\""),
    ));
    if !unit.is_empty() {
        out.push_str(&text(
            12.0,
            frame.top - 16.0,
            "start",
            &format!(" fill=\"{MUTED}\" font-size=\"11\""),
            unit,
        ));
    }
    out
}

/// The period labels under the plot, turned when they are crowded.
fn category_labels(
    points: &[Point],
    frame: &Frame,
    x_of: impl Fn(usize) -> f64,
    rotate: bool,
) -> String {
    let mut out = String::new();
    let y = frame.bottom() + 18.0;
    for (i, p) in points.iter().enumerate() {
        let x = x_of(i);
        let extra = if rotate {
            format!(
                " fill=\"{INK}\" font-size=\"11\" transform=\"rotate(-35 {} {})\"",
                c(x),
                c(y)
            )
        } else {
            format!(" fill=\"{INK}\" font-size=\"11\"")
        };
        let anchor = if rotate { "end" } else { "middle" };
        out.push_str(&text(x, y, anchor, &extra, &p.label));
    }
    out
}

/// The 95 % band: a shaded area over consecutive limits, a whisker where a
/// point's neighbours have none.
fn confidence_band(
    points: &[Point],
    x_of: impl Fn(usize) -> f64,
    y_of: impl Fn(f64) -> f64,
) -> String {
    let mut out = String::new();
    for run in runs(points.len(), |i| shown_limits(&points[i]).is_some()) {
        let limits: Vec<(usize, f64, f64)> = run
            .iter()
            .filter_map(|&i| shown_limits(&points[i]).map(|(lo, up)| (i, lo, up)))
            .collect();
        if let [(i, lo, up)] = limits[..] {
            out.push_str(&line(
                x_of(i),
                y_of(lo),
                x_of(i),
                y_of(up),
                &format!("stroke=\"{BAND}\" stroke-width=\"8\" stroke-linecap=\"round\""),
            ));
            continue;
        }
        let upper = limits.iter().map(|&(i, _, up)| (x_of(i), y_of(up)));
        let lower = limits.iter().rev().map(|&(i, lo, _)| (x_of(i), y_of(lo)));
        let coords: Vec<String> = upper
            .chain(lower)
            .map(|(x, y)| format!("{},{}", c(x), c(y)))
            .collect();
        out.push_str(&format!(
            "<polygon points=\"{}\" fill=\"{BAND}\" fill-opacity=\"0.45\" stroke=\"none\"/>",
            coords.join(" ")
        ));
    }
    out
}

/// The line through consecutive values; missing values leave gaps.
fn value_line(points: &[Point], x_of: impl Fn(usize) -> f64, y_of: impl Fn(f64) -> f64) -> String {
    let mut out = String::new();
    for run in runs(points.len(), |i| shown(&points[i]).is_some()) {
        if run.len() < 2 {
            continue;
        }
        let coords: Vec<String> = run
            .iter()
            .filter_map(|&i| shown(&points[i]).map(|v| format!("{},{}", c(x_of(i)), c(y_of(v)))))
            .collect();
        out.push_str(&format!(
            "<polyline class=\"series\" points=\"{}\" fill=\"none\" stroke=\"{SERIES}\" \
             stroke-width=\"2.5\" stroke-linejoin=\"round\"/>",
            coords.join(" ")
        ));
    }
    out
}

/// Markers with value labels; `..` for masked points.
fn markers(
    points: &[Point],
    decimals: usize,
    x_of: impl Fn(usize) -> f64,
    y_of: impl Fn(f64) -> f64,
    frame: &Frame,
) -> String {
    let mut out = String::new();
    let label_values = points.len() <= 10;
    for (i, p) in points.iter().enumerate() {
        let x = x_of(i);
        if let Some(v) = shown(p) {
            let y = y_of(v);
            out.push_str(&format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#ffffff\" stroke=\"{SERIES}\" \
                 stroke-width=\"2.5\"/>",
                c(x),
                c(y)
            ));
            if label_values {
                let weight = if i + 1 == points.len() {
                    " font-weight=\"600\""
                } else {
                    ""
                };
                out.push_str(&text(
                    x,
                    y - 10.0,
                    "middle",
                    &format!(
                        " font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" \
                         paint-order=\"stroke\"{weight}"
                    ),
                    &fixed_number(v, decimals),
                ));
            }
        } else if p.suppressed {
            out.push_str(&masked_mark(x, frame.bottom() - 8.0, "middle"));
        } else {
            let words = missing_words(p);
            if words.chars().count() as f64 * 5.6 < band_width(frame, points.len()) {
                out.push_str(&text(
                    x,
                    frame.bottom() - 8.0,
                    "middle",
                    &format!(" fill=\"{MUTED}\" font-size=\"10\" font-style=\"italic\""),
                    &words,
                ));
            }
        }
    }
    out
}

/// The dashed target line across the plot, labelled "Mål" and its level.
fn target_line(frame: &Frame, y: f64, level: &str) -> String {
    let mut out = line(
        frame.left,
        y,
        frame.right(),
        y,
        &format!(
            "class=\"target\" stroke=\"{TARGET}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""
        ),
    );
    out.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"11\" font-weight=\"600\">Mål\
         <tspan x=\"{x}\" dy=\"13\" font-weight=\"400\" fill=\"{MUTED}\">{}</tspan></text>",
        escape(level),
        x = c(frame.right() + 6.0),
        y = c(y + 3.0),
    ));
    out
}

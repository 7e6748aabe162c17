//! Charts as standalone inline SVG: a trend over periods, bars by kommun
//! and a pie of ratings. No scripts, no external fonts or references; every
//! text is escaped; the same input gives the same bytes; coordinates carry
//! at most one decimal. Each chart has `role="img"`, a `<title>` and a
//! `<desc>` that says in words what it shows.

use super::model::Point;
use crate::assess::{MissingReason, RatingCounts};
use crate::text::{swedish_number, NBSP};

/// The fonts of every chart: the reader's own sans-serif, nothing fetched.
const FONT: &str = "Segoe UI, Helvetica Neue, Helvetica, Arial, sans-serif";
/// Text and axes.
const INK: &str = "#1f2933";
/// Secondary text.
const MUTED: &str = "#5f6b7a";
/// Grid lines.
const GRID: &str = "#e3e7ec";
/// The series: line, markers and bars.
const SERIES: &str = "#1d5a8c";
/// The confidence band and whiskers.
const BAND: &str = "#9dbbd8";
/// The target line.
const TARGET: &str = "#1f2933";
/// The benchmark line.
const RIKET: &str = "#8a3f8f";

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

/// A coordinate with at most one decimal, no trailing `.0`, never `-0`.
fn c(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{rounded:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// A value axis with round ticks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Axis {
    min: f64,
    max: f64,
    step: f64,
    /// Decimals needed to write a tick.
    decimals: usize,
}

impl Axis {
    /// A round axis over `values`, starting at zero when `zero` is set or
    /// when the values lie close enough to zero that leaving it out would
    /// exaggerate differences.
    fn nice(values: &[f64], zero: bool) -> Axis {
        let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        let (mut lo, mut hi) = finite
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            });
        if finite.is_empty() {
            (lo, hi) = (0.0, 1.0);
        }
        if zero || (lo > 0.0 && lo <= 0.5 * hi) {
            lo = lo.min(0.0);
        }
        if zero || (hi < 0.0 && hi >= 0.5 * lo) {
            hi = hi.max(0.0);
        }
        if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
            let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
            let nonnegative = lo >= 0.0;
            lo -= pad;
            hi += pad;
            if nonnegative {
                lo = lo.max(0.0);
            }
        }
        let step = nice_step((hi - lo) / 5.0);
        let min = (lo / step + 1e-9).floor() * step;
        let max = (hi / step - 1e-9).ceil() * step;
        Axis {
            min,
            max,
            step,
            decimals: decimals_of(step),
        }
    }

    /// The ticks from `min` to `max`.
    fn ticks(&self) -> Vec<f64> {
        let first = (self.min / self.step).round() as i64;
        let last = (self.max / self.step).round() as i64;
        (first..=last).map(|k| k as f64 * self.step).collect()
    }

    /// Where `v` lies between `min` (0) and `max` (1).
    fn fraction(&self, v: f64) -> f64 {
        (v - self.min) / (self.max - self.min)
    }

    fn label(&self, v: f64) -> String {
        fixed_number(v, self.decimals)
    }
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let factor = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|f| raw / magnitude <= f + 1e-9)
        .unwrap_or(10.0);
    factor * magnitude
}

/// The decimals needed to write multiples of `step` exactly.
fn decimals_of(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// The opening of a chart: root element, title, description, background.
fn open(width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" \
         font-size=\"12\" fill=\"{INK}\">\
         <title>{title}</title><desc>{desc}</desc>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\
         <text x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"600\">{title}</text>",
        w = c(width),
        h = c(height),
        title = escape(title),
        desc = escape(desc),
    )
}

/// A text element; `extra` holds further attributes, already escaped.
fn text(x: f64, y: f64, anchor: &str, extra: &str, content: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{extra}>{}</text>",
        c(x),
        c(y),
        escape(content)
    )
}

/// A masked value's `..`, with a tooltip saying why.
fn masked_mark(x: f64, y: f64, anchor: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"{MUTED}\" font-weight=\"600\">\
         <title>{}</title>..</text>",
        c(x),
        c(y),
        escape(MissingReason::Suppressed.swedish())
    )
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, style: &str) -> String {
    format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {style}/>",
        c(x1),
        c(y1),
        c(x2),
        c(y2)
    )
}

/// Runs of consecutive indices for which `present` holds.
fn runs(n: usize, present: impl Fn(usize) -> bool) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for i in 0..n {
        if present(i) {
            current.push(i);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The value of a point that may be drawn: present and not masked.
fn shown(point: &Point) -> Option<f64> {
    point.value.filter(|v| v.is_finite() && !point.suppressed)
}

/// The limits of a point that may be drawn.
fn shown_limits(point: &Point) -> Option<(f64, f64)> {
    match (shown(point), point.lower, point.upper) {
        (Some(_), Some(lo), Some(up)) if lo.is_finite() && up.is_finite() => Some((lo, up)),
        _ => None,
    }
}

/// One point in the words of a chart description ("2024: 84,2 % (80,1–88,0)").
fn described(point: &Point, unit: &str, decimals: usize) -> String {
    format!("{}: {}", point.label, value_words(point, unit, decimals))
}

/// The description of a chart: its points, then any reference line.
fn description(
    kind: &str,
    points: &[Point],
    unit: &str,
    decimals: usize,
    reference: Option<(&str, f64)>,
) -> String {
    let mut desc = kind.to_string();
    let listed: Vec<String> = points
        .iter()
        .map(|p| described(p, unit, decimals))
        .collect();
    if listed.is_empty() {
        desc.push_str(" Inga värden.");
    } else {
        desc.push(' ');
        desc.push_str(&listed.join("; "));
        desc.push('.');
    }
    if let Some((name, v)) = reference {
        desc.push_str(&format!(" {name}: {}.", fixed_with_unit(v, decimals, unit)));
    }
    desc
}

/// Geometry of the trend chart.
struct Frame {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

impl Frame {
    fn bottom(&self) -> f64 {
        self.top + self.height
    }

    fn right(&self) -> f64 {
        self.left + self.width
    }
}

/// The trend of an indicator: the value per period as a line with markers,
/// its 95 % confidence band, and the target as a dashed line labelled "Mål".
///
/// Periods are categories, drawn in the order given. A missing value
/// breaks the line (a gap); a masked one is marked `..`. Tick and value
/// labels are written the Swedish way with `decimals` decimals.
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

/// The report period by kommun: one horizontal bar per label, in the order
/// given, with its value at the bar's end, 95 % whiskers and the national
/// value as a dashed vertical line labelled "Riket". A masked bar shows `..`.
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
pub fn ratings_chart(title: &str, counts: &RatingCounts) -> String {
    const WIDTH: f64 = 340.0;
    const HEIGHT: f64 = 200.0;
    let (cx, cy, r) = (92.0, 118.0, 68.0);
    let parts = slices(counts);
    let total: usize = parts.iter().map(|p| p.2).sum();
    let words: Vec<String> = parts
        .iter()
        .map(|(name, _, n)| format!("{name} {n}"))
        .collect();
    let desc = format!("Måluppfyllelse: {}.", words.join(", "));
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

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
}

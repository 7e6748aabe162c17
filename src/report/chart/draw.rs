//! The drawing primitives of the charts: coordinates, round value axes,
//! the SVG frame and its elements, runs of present points, and the words
//! each chart's `<desc>` says.

use super::super::model::Point;
use super::super::style::*;
use crate::assess::MissingReason;

/// A coordinate with at most one decimal, no trailing `.0`, never `-0`.
pub(super) fn c(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{rounded:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// A value axis with round ticks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Axis {
    pub(super) min: f64,
    pub(super) max: f64,
    pub(super) step: f64,
    /// Decimals needed to write a tick.
    pub(super) decimals: usize,
}

impl Axis {
    /// A round axis over `values`, starting at zero when `zero` is set or
    /// when the values lie close enough to zero that leaving it out would
    /// exaggerate differences.
    pub(super) fn nice(values: &[f64], zero: bool) -> Axis {
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
    pub(super) fn ticks(&self) -> Vec<f64> {
        let first = (self.min / self.step).round() as i64;
        let last = (self.max / self.step).round() as i64;
        (first..=last).map(|k| k as f64 * self.step).collect()
    }

    /// Where `v` lies between `min` (0) and `max` (1).
    pub(super) fn fraction(&self, v: f64) -> f64 {
        (v - self.min) / (self.max - self.min)
    }

    pub(super) fn label(&self, v: f64) -> String {
        fixed_number(v, self.decimals)
    }
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
pub(super) fn nice_step(raw: f64) -> f64 {
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
pub(super) fn decimals_of(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// The opening of a chart: root element, title, description, background.
pub(super) fn open(width: f64, height: f64, title: &str, desc: &str) -> String {
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
pub(super) fn text(x: f64, y: f64, anchor: &str, extra: &str, content: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{extra}>{}</text>",
        c(x),
        c(y),
        escape(content)
    )
}

/// A masked value's `..`, with a tooltip saying why.
pub(super) fn masked_mark(x: f64, y: f64, anchor: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"{MUTED}\" font-weight=\"600\">\
         <title>{}</title>..</text>",
        c(x),
        c(y),
        escape(MissingReason::Suppressed.swedish())
    )
}

pub(super) fn line(x1: f64, y1: f64, x2: f64, y2: f64, style: &str) -> String {
    format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {style}/>",
        c(x1),
        c(y1),
        c(x2),
        c(y2)
    )
}

/// Runs of consecutive indices for which `present` holds.
pub(super) fn runs(n: usize, present: impl Fn(usize) -> bool) -> Vec<Vec<usize>> {
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
pub(super) fn shown(point: &Point) -> Option<f64> {
    point.value.filter(|v| v.is_finite() && !point.suppressed)
}

/// The limits of a point that may be drawn.
pub(super) fn shown_limits(point: &Point) -> Option<(f64, f64)> {
    match (shown(point), point.lower, point.upper) {
        (Some(_), Some(lo), Some(up)) if lo.is_finite() && up.is_finite() => Some((lo, up)),
        _ => None,
    }
}

/// One point in the words of a chart description ("2024: 84,2 % (80,1–88,0)").
pub(super) fn described(point: &Point, unit: &str, decimals: usize) -> String {
    format!("{}: {}", point.label, value_words(point, unit, decimals))
}

/// The description of a chart: its points, then any reference line.
pub(super) fn description(
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
pub(super) struct Frame {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) width: f64,
    pub(super) height: f64,
}

impl Frame {
    pub(super) fn bottom(&self) -> f64 {
        self.top + self.height
    }

    pub(super) fn right(&self) -> f64 {
        self.left + self.width
    }
}

//! Charts as standalone inline SVG: a trend over periods, bars by kommun
//! and a pie of ratings. No scripts, no external fonts or references; every
//! text is escaped; the same input gives the same bytes; coordinates carry
//! at most one decimal. Each chart has `role="img"`, a `<title>` and a
//! `<desc>` that says in words what it shows.

mod bars;
mod draw;
mod pie;
#[cfg(test)]
pub(crate) mod tests;
mod trend;

pub use bars::kommun_chart;
pub use pie::ratings_chart;
pub(crate) use pie::ratings_chart_counting;
pub use trend::trend_chart;

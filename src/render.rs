//! The report's renderings (feature `report`): the HTML page, the XLSX
//! workbook, every output file's bytes, and the SVG charts with the points
//! they draw. [`crate::write_report`] writes them all to a directory; these
//! are for a program that serves or embeds one of them itself.
//!
//! ```
//! use indikator::prelude::*;
//! use indikator::render::{trend_chart, trend_points};
//!
//! // Any result of the crate: here suicide per 100 000 in Jämtlands län by year.
//! let deaths = df!(
//!     "year" => [2021i64, 2022, 2023],
//!     "deaths" => [21i64, 25, 19],
//!     "population" => [131_000i64, 131_500, 132_000],
//! )?;
//! let rates = Rate::new("deaths", "population").multiplier(100_000.0).by("year").compute(deaths.lazy())?;
//! let points = trend_points(&rates, "year")?;
//! assert_eq!(points.len(), 3);
//! let svg = trend_chart("Suicid", "per 100 000", 1, &points, None);
//! assert!(svg.starts_with("<svg"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use crate::report::{
    group_points, html, kommun_chart, outputs, ratings_chart, trend_chart, trend_points, xlsx,
    Point,
};

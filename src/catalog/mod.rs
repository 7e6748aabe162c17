//! Indicator definitions read from TOML: what to compute, from which table,
//! by what, against which target; and the follow-up structure of the plans
//! (strategic goals, success factors, reported measures; `followup.rs`). A catalogue is data, never code: its
//! strings are names, codes and words, and the files it names are resolved
//! inside the data directory.
//!
//! ```
//! use indikator::Catalog;
//! let catalog = Catalog::from_toml_str(r#"
//! [catalog]
//! id = "exempel"
//! version = "1"
//! title = "Exempel"
//! region = "Region Jämtland Härjedalen"
//!
//! [[indicator]]
//! id = "sip-barn"
//! name_sv = "Upprättade SIP, barn och unga"
//! name_en = "Coordinated individual plans, children"
//! perspective = "Samhälle"
//! responsible = "Hälso- och sjukvårdsnämnden"
//! source = "Cosmic LINK"
//! polarity = "high_is_good"
//! unit = "st"
//! target = { form = "direction", direction = "increase" }
//! statistic = { family = "sip", group = "children" }
//! "#)?;
//! assert_eq!(catalog.indicators[0].id, "sip-barn");
//! # Ok::<(), indikator::Error>(())
//! ```

mod definition;
mod followup;
mod locate;
mod monthly;
mod statistic;

pub(crate) use definition::causes_of;
pub use definition::{Catalog, CatalogInfo, Indicator, SHIPPED_CATALOG};
pub use followup::{FactorRating, Frequency, Goal, MeasureKind, ReportedMeasure, SuccessFactor};
pub(crate) use monthly::{drugs_of, monthly};
pub use statistic::{Family, SipGroup, Summary, WaitsMeasure};

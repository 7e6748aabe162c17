//! The Swedish record-level indicators: from visits, referrals, stays,
//! plans and deaths to the indicators of the region's plans.

mod continuity;

pub use continuity::{Chronic, Continuity, ContinuityResult, ListingColumns, VisitColumns};

//! The Swedish record-level indicators: from visits, referrals, stays,
//! plans and deaths to the indicators of the region's plans.

mod causes;
mod continuity;
mod drugs;
mod mortality;
mod options;
mod population;
mod readmission;
mod records;
mod reporting;
mod sip;
mod waits;

pub use causes::{CauseSet, CAUSE_SETS};
pub use continuity::{Chronic, Continuity, ContinuityResult, ListingColumns, VisitColumns};
pub use drugs::{DispensingColumns, DrugSet, DrugUse, DRUG_SETS, DRUG_SETS_SOURCE};
pub use mortality::{DeathColumns, Mortality};
pub use options::{CareCommon, CareOptions, ColumnSlot, InvalidRecords, RecordColumns};
pub use population::PopulationColumns;
pub use readmission::{Readmission, StayColumns, DIED_DISCHARGE_TYPES, TRANSFER_DISCHARGE_TYPES};
pub use reporting::ReportingRate;
pub use sip::{PlanColumns, Sip, ADULTS, CHILDREN};
pub use waits::{
    bin_labels, summarise_months, LimitRule, WaitColumns, WaitLimits, WaitMeasure, Waits,
    WAIT_KINDS,
};

crate::setters::care_methods!(Waits, Readmission, DrugUse, Mortality, Sip);

//! What every record-level indicator needs, in three parts: reading its
//! columns, checking its records against the rules, and summing its groups.

mod checks;
mod columns;
mod groups;

pub(crate) use checks::{
    check_covered, check_days, check_per, extraction_date, reserve, Checks, Quality,
};
pub(crate) use columns::{
    date_of, day_number, days, flags, numbers, require_date, text_ranks, texts,
};
pub(crate) use groups::{bucketed, medians_by, percentages, rows_of, sums_by};

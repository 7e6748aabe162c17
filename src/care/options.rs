//! The options the record-level indicators share: the groups, what to do
//! with invalid records and the confidence of the limits (one struct, one
//! set of chainable setters), and the one shape of their column names.

use std::str::FromStr;

use crate::error::{Error, Result};
use crate::measure::Confidence;

/// What to do with a record that breaks a rule of an indicator (completion
/// before decision, a date in the future, an unknown kind, a missing key…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InvalidRecords {
    /// Stop with an error naming the column, the rule, the value and the row (the default).
    #[default]
    Error,
    /// Leave the record out and count it, by rule, in the data-quality table.
    Exclude,
}

impl FromStr for InvalidRecords {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" | "raise" => Ok(InvalidRecords::Error),
            "exclude" => Ok(InvalidRecords::Exclude),
            _ => Err(Error::argument(
                "invalid",
                "one of \"error\", \"exclude\"",
                format!("{s:?}"),
            )),
        }
    }
}

/// The options every family of records shares ([`crate::Waits`],
/// [`crate::Readmission`], [`crate::Sip`], [`crate::Mortality`]): the
/// groups, what to do with invalid records and the confidence of the limits.
///
/// The reporting period is each family's own (a period and its split for
/// waits, readmission and SIP; years and windows for mortality), as is the
/// extraction date (waits and readmission).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CareCommon {
    /// Group columns of the records (unit, kommun, sex…); none: one row.
    pub by: Vec<String>,
    /// What to do with invalid records (default: an error).
    pub invalid: InvalidRecords,
    /// Confidence of the limits (default 95 %).
    pub confidence: Confidence,
}

/// A family of records: its [`CareCommon`] options and their chainable
/// setters, defined once.
///
/// ```
/// use indikator::{CareOptions, InvalidRecords, Sip};
/// let sip = Sip::new("H1 2024".parse()?).by(["kommun"]).exclude_invalid();
/// assert_eq!(sip.common.by, ["kommun"]);
/// assert_eq!(sip.common.invalid, InvalidRecords::Exclude);
/// # Ok::<(), indikator::Error>(())
/// ```
pub trait CareOptions: Sized {
    /// The shared options, for the setters below.
    fn common_mut(&mut self) -> &mut CareCommon;

    /// Group by these columns (none: one row for all the records).
    fn by(mut self, columns: impl crate::measure::IntoColumns) -> Self {
        self.common_mut().by = columns.into_columns();
        self
    }

    /// What to do with invalid records.
    fn invalid(mut self, invalid: InvalidRecords) -> Self {
        self.common_mut().invalid = invalid;
        self
    }

    /// Exclude invalid records (counted in the quality table) instead of stopping.
    fn exclude_invalid(self) -> Self {
        self.invalid(InvalidRecords::Exclude)
    }

    /// Set the confidence level(s) of the limits.
    fn confidence(mut self, confidence: Confidence) -> Self {
        self.common_mut().confidence = confidence;
        self
    }
}

/// Where the column name of one role is kept: a column every record has,
/// or an optional one (`None`: not recorded).
#[derive(Debug)]
pub enum ColumnSlot<'a> {
    /// A column the records must have.
    Required(&'a mut String),
    /// A column the records may lack (`None`: not recorded).
    Optional(&'a mut Option<String>),
}

/// The column names of one kind of records ([`crate::WaitColumns`],
/// [`crate::StayColumns`]…): each column has a role, which is also its
/// default name, and the name it has in the caller's records.
///
/// ```
/// use indikator::{RecordColumns, WaitColumns};
/// let columns = WaitColumns::renamed("columns", [("decided", "beslutsdatum")])?;
/// assert_eq!(columns.decided, "beslutsdatum");
/// assert_eq!(WaitColumns::roles(), ["decided", "completed", "kind", "pvv", "mov"]);
/// let wrong = WaitColumns::renamed("columns", [("decision", "beslutsdatum")]).unwrap_err();
/// assert_eq!(
///     wrong.to_string(),
///     "argument `columns`: unknown roles: the roles are decided, completed, kind, pvv, mov; got [\"decision\"]"
/// );
/// # Ok::<(), indikator::Error>(())
/// ```
pub trait RecordColumns: Default + Clone {
    /// Each role with the place of its column name, in order.
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)>;

    /// Each role and the name of its column (`None`: an optional column
    /// not recorded).
    fn names(&self) -> Vec<(&'static str, Option<String>)> {
        let mut copy = self.clone();
        copy.slots()
            .into_iter()
            .map(|(role, slot)| match slot {
                ColumnSlot::Required(name) => (role, Some(name.clone())),
                ColumnSlot::Optional(name) => (role, name.clone()),
            })
            .collect()
    }

    /// The roles, in order.
    fn roles() -> Vec<&'static str> {
        Self::default()
            .names()
            .into_iter()
            .map(|(role, _)| role)
            .collect()
    }

    /// The default names with some columns renamed, role by role.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `argument`, listing the roles and
    /// the unknown ones.
    fn renamed<'a, I>(argument: &str, renames: I) -> Result<Self>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut columns = Self::default();
        let mut unknown: Vec<&str> = Vec::new();
        for (role, name) in renames {
            let mut slots = columns.slots();
            match slots.iter_mut().find(|(r, _)| *r == role) {
                Some((_, ColumnSlot::Required(slot))) => **slot = name.to_string(),
                Some((_, ColumnSlot::Optional(slot))) => **slot = Some(name.to_string()),
                None => unknown.push(role),
            }
        }
        if unknown.is_empty() {
            return Ok(columns);
        }
        unknown.sort_unstable();
        Err(Error::argument(
            argument,
            &format!("unknown roles: the roles are {}", Self::roles().join(", ")),
            format!("{unknown:?}"),
        ))
    }
}

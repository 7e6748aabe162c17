//! The options the record-level indicators share: the groups, what to do
//! with invalid records and the confidence of the limits (one struct, one
//! set of chainable setters), and the one shape of their column names.

use std::str::FromStr;

use crate::error::{Error, Result};
use crate::measure::Confidence;

/// What to do with a record that breaks a rule of an indicator (completion
/// before decision, a date in the future, an unknown kind, a missing key…).
///
/// A SIP whose birth date was typed as 2042 stops the count, or is left
/// out and counted:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::InvalidRecords;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let plans = df!(
///     "plan_id" => [1, 2, 3],
///     "established" => [d(2024, 2, 5), d(2024, 3, 12), d(2024, 4, 2)],
///     "birth_date" => [d(2010, 6, 1), d(1961, 9, 30), d(2042, 1, 17)],
/// )?;
/// let sip = Sip::new("H1 2024".parse()?);
/// assert_eq!(sip.common.invalid, InvalidRecords::Error);
/// assert!(matches!(sip.counts(&plans), Err(Error::InvalidData { .. })));
/// let sip = sip.invalid("exclude".parse()?);
/// assert_eq!(sip.counts(&plans)?.column("value")?.f64()?.sum(), Some(2.0));
/// let quality = sip.quality(&plans)?;
/// let rule = "excluded: the establishment must not be before the birth date";
/// let row = quality.column("rule")?.str()?.iter().position(|r| r == Some(rule)).unwrap();
/// assert_eq!(quality.column("count")?.u64()?.get(row), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
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
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{CareCommon, InvalidRecords};
/// let readmission = Readmission::new("T1 2024".parse()?);
/// // One row for all the records, an error at an invalid record, 95 % limits.
/// assert_eq!(readmission.common, CareCommon::default());
/// let readmission = readmission
///     .by(["kommun", "sex"])
///     .exclude_invalid()
///     .confidence(Confidence::Both);
/// assert_eq!(readmission.common.by, ["kommun", "sex"]);
/// assert_eq!(readmission.common.invalid, InvalidRecords::Exclude);
/// // The same options for another family:
/// let mut sip = Sip::new("T1 2024".parse()?);
/// sip.common = readmission.common.clone();
/// assert_eq!(sip.common.confidence, Confidence::Both);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
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
    ///
    /// A family of one's own gets every setter by lending out its options:
    ///
    /// ```
    /// use indikator::{CareCommon, CareOptions, InvalidRecords};
    /// #[derive(Default)]
    /// struct Vaccinations { common: CareCommon }
    /// impl CareOptions for Vaccinations {
    ///     fn common_mut(&mut self) -> &mut CareCommon { &mut self.common }
    /// }
    /// let flu = Vaccinations::default().by(["kommun"]).exclude_invalid();
    /// assert_eq!(flu.common.by, ["kommun"]);
    /// assert_eq!(flu.common.invalid, InvalidRecords::Exclude);
    /// ```
    fn common_mut(&mut self) -> &mut CareCommon;

    /// Group by these columns (none: one row for all the records).
    ///
    /// SIPs per kommun, each with both age groups:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 3],
    ///     "established" => [d(1, 15), d(2, 6), d(4, 2)],
    ///     "age" => [9, 45, 67],
    ///     "kommun" => ["Östersund", "Strömsund", "Östersund"],
    /// )?;
    /// let counts = Sip::new("H1 2024".parse()?).by(["kommun"]).counts(&plans)?;
    /// assert_eq!(counts.height(), 4); // 2 kommuner × 2 age groups
    /// let total = Sip::new("H1 2024".parse()?).counts(&plans)?;
    /// assert_eq!(total.height(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn by(mut self, columns: impl crate::measure::IntoColumns) -> Self {
        self.common_mut().by = columns.into_columns();
        self
    }

    /// What to do with invalid records.
    ///
    /// A plan whose age was typed as −1 stops the count, or is left out:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::InvalidRecords;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let plans = df!(
    ///     "plan_id" => [1, 2, 3],
    ///     "established" => [d(1, 15), d(2, 6), d(4, 2)],
    ///     "age" => [9, -1, 45],
    /// )?;
    /// let sip = Sip::new("H1 2024".parse()?);
    /// assert!(matches!(sip.counts(&plans), Err(Error::InvalidData { .. })));
    /// let counts = sip.invalid(InvalidRecords::Exclude).counts(&plans)?;
    /// assert_eq!(counts.column("value")?.f64()?.sum(), Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn invalid(mut self, invalid: InvalidRecords) -> Self {
        self.common_mut().invalid = invalid;
        self
    }

    /// Exclude invalid records (counted in the quality table) instead of stopping.
    ///
    /// A stay discharged before it was admitted (a typing error) is left
    /// out and counted:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "b"],
    ///     "admitted" => [d(3, 1), d(3, 10)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 8))],
    ///     "age" => [81, 77],
    ///     "discharge_type" => ["hem", "hem"],
    /// )?;
    /// let readmission = Readmission::new("T1 2024".parse()?).exclude_invalid();
    /// assert_eq!(readmission.share(&stays)?.column("denominator")?.f64()?.get(0), Some(1.0));
    /// let quality = readmission.quality(&stays)?;
    /// let rule = "excluded: the discharge must not be before the admission";
    /// let row = quality.column("rule")?.str()?.iter().position(|r| r == Some(rule)).unwrap();
    /// assert_eq!(quality.column("count")?.u64()?.get(row), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn exclude_invalid(self) -> Self {
        self.invalid(InvalidRecords::Exclude)
    }

    /// Set the confidence level(s) of the limits.
    ///
    /// Readmissions with both the 95 % and the 99.8 % limits:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let stays = df!(
    ///     "patient_id" => ["a", "a", "b"],
    ///     "admitted" => [d(3, 1), d(3, 20), d(3, 2)],
    ///     "discharged" => [Some(d(3, 6)), Some(d(3, 27)), Some(d(3, 8))],
    ///     "age" => [81, 81, 77],
    ///     "discharge_type" => ["hem", "hem", "hem"],
    /// )?;
    /// let share = Readmission::new("T1 2024".parse()?)
    ///     .confidence(Confidence::Both)
    ///     .share(&stays)?;
    /// let lower = |c: &str| share.column(c).unwrap().f64().unwrap().get(0).unwrap();
    /// assert!(lower("lower_99_8") < lower("lower_95"));
    /// assert!(share.column("lower").is_err()); // one column per level
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn confidence(mut self, confidence: Confidence) -> Self {
        self.common_mut().confidence = confidence;
        self
    }
}

/// Where the column name of one role is kept: a column every record has,
/// or an optional one (`None`: not recorded).
///
/// The column names of records of one's own, with the renaming and the
/// listing of [`RecordColumns`]: influenza vaccinations of people aged 65
/// or more.
///
/// ```
/// use indikator::{ColumnSlot, RecordColumns};
/// #[derive(Clone)]
/// struct VaccinationColumns { person: String, date: String, dose: Option<String> }
/// impl Default for VaccinationColumns {
///     fn default() -> Self {
///         let (person, date) = ("person_id".into(), "date".into());
///         VaccinationColumns { person, date, dose: Some("dose".into()) }
///     }
/// }
/// impl RecordColumns for VaccinationColumns {
///     fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
///         vec![
///             ("person_id", ColumnSlot::Required(&mut self.person)),
///             ("date", ColumnSlot::Required(&mut self.date)),
///             ("dose", ColumnSlot::Optional(&mut self.dose)),
///         ]
///     }
/// }
/// let columns = VaccinationColumns::renamed("columns", [("date", "vaccinationsdatum")])?;
/// assert_eq!(columns.date, "vaccinationsdatum");
/// assert_eq!(VaccinationColumns::roles(), ["person_id", "date", "dose"]);
/// let no_dose = VaccinationColumns { dose: None, ..columns };
/// assert_eq!(no_dose.names()[2], ("dose", None));
/// # Ok::<(), indikator::Error>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
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
    ///
    /// The one method to write for records of one's own; the renaming and
    /// the listing follow from it:
    ///
    /// ```
    /// use indikator::{ColumnSlot, RecordColumns};
    /// #[derive(Clone)]
    /// struct Vaccinations { person: String, date: String }
    /// impl Default for Vaccinations {
    ///     fn default() -> Self {
    ///         Vaccinations { person: "person_id".into(), date: "date".into() }
    ///     }
    /// }
    /// impl RecordColumns for Vaccinations {
    ///     fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
    ///         vec![
    ///             ("person_id", ColumnSlot::Required(&mut self.person)),
    ///             ("date", ColumnSlot::Required(&mut self.date)),
    ///         ]
    ///     }
    /// }
    /// assert_eq!(Vaccinations::roles(), ["person_id", "date"]);
    /// let renamed = Vaccinations::renamed("columns", [("date", "vaccinationsdatum")])?;
    /// assert_eq!(renamed.date, "vaccinationsdatum");
    /// assert_eq!(renamed.person, "person_id"); // not renamed: the default
    /// # Ok::<(), indikator::Error>(())
    /// ```
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)>;

    /// Each role and the name of its column (`None`: an optional column
    /// not recorded).
    ///
    /// Stays with the patient administrative system's patient id and no
    /// discharge type:
    ///
    /// ```
    /// use indikator::{RecordColumns, StayColumns};
    /// let columns = StayColumns::renamed("columns", [("patient_id", "pnr")])?
    ///     .not_recorded("discharge_type")?;
    /// let names = columns.names();
    /// assert_eq!(names[0], ("patient_id", Some("pnr".to_string())));
    /// assert_eq!(names[1], ("admitted", Some("admitted".to_string())));
    /// assert_eq!(names[5], ("discharge_type", None));
    /// # Ok::<(), indikator::Error>(())
    /// ```
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
    ///
    /// ```
    /// use indikator::{PopulationColumns, RecordColumns, StayColumns};
    /// assert_eq!(
    ///     StayColumns::roles(),
    ///     ["patient_id", "admitted", "discharged", "age", "acute", "discharge_type"]
    /// );
    /// assert_eq!(PopulationColumns::roles(), ["year", "age", "population"]);
    /// ```
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
    ///
    /// Plans as an extract of Cosmic LINK names them, and a misspelt role:
    ///
    /// ```
    /// use indikator::{Error, PlanColumns, RecordColumns};
    /// let columns =
    ///     PlanColumns::renamed("columns", [("plan_id", "sip_id"), ("established", "upprattad")])?;
    /// assert_eq!((columns.plan.as_str(), columns.established.as_str()), ("sip_id", "upprattad"));
    /// assert_eq!(columns.age, "age"); // not renamed: the default
    /// let wrong = PlanColumns::renamed("columns", [("plan", "sip_id")]).unwrap_err();
    /// assert!(matches!(wrong, Error::InvalidArgument { ref value, .. } if value == "[\"plan\"]"));
    /// # Ok::<(), indikator::Error>(())
    /// ```
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

    /// The same names with the optional column of `role` marked as not
    /// recorded (a PVV or MOV column the region's records do not have, say).
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::WaitColumns;
    ///
    /// let columns = WaitColumns::default().not_recorded("pvv")?.not_recorded("mov")?;
    /// assert_eq!((columns.pvv, columns.mov), (None, None));
    /// let waits = Waits::completed("2024-T1".parse()?).columns(
    ///     WaitColumns::default().not_recorded("mov")?,
    /// );
    /// assert_eq!(waits.columns.mov, None);
    /// // A required column cannot be left out; an unknown role is named.
    /// assert!(WaitColumns::default().not_recorded("decided").is_err());
    /// assert!(WaitColumns::default().not_recorded("pw").is_err());
    /// # Ok::<(), indikator::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `role` is a required column or no
    /// role at all, listing the optional roles.
    fn not_recorded(mut self, role: &str) -> Result<Self> {
        let mut optional: Vec<&'static str> = Vec::new();
        for (r, slot) in self.slots() {
            if let ColumnSlot::Optional(name) = slot {
                if r == role {
                    *name = None;
                    return Ok(self);
                }
                optional.push(r);
            }
        }
        Err(Error::argument(
            "role",
            &format!(
                "an optional column (one of: {})",
                if optional.is_empty() {
                    "none".to_string()
                } else {
                    optional.join(", ")
                }
            ),
            role,
        ))
    }
}

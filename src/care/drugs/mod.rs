//! Drug use of older people from dispensing records: the share of the
//! population aged 75 or more with at least one dispensing of a set of
//! drugs in the month (inappropriate drugs, antipsychotics, NSAIDs), as
//! the region's elderly-care plan follows it.
//!
//! Over 500 lines: the options, the checked pass over the dispensings and
//! the shares per month are one piece; the drug sets are in `sets.rs`.

mod sets;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use super::options::{CareCommon, CareOptions, ColumnSlot, RecordColumns};
use super::population::{people, PopulationColumns, PEOPLE, YEAR};
use super::records::{
    check_covered, date_of, day_number, days, extraction_date, numbers, percentages, reserve,
    rows_of, texts, Checks, Quality,
};
use super::waits::PERIOD;
use crate::error::{Error, Result};
use crate::input::IntoFrame;
use crate::measure::{group_label, lookup, require_keys, OutputType};
use crate::period::{Period, PeriodKind};
pub use sets::{DrugSet, DRUG_SETS, DRUG_SETS_SOURCE};

/// Column names of the dispensings (one row per dispensed item).
///
/// Reading an extract of the prescribed drug register with its own
/// column names:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::chrono::NaiveDate;
/// use indikator::{DispensingColumns, DrugSet, DrugUse};
/// let d = |day| NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
/// let dispensed = df!(
///     "lopnr" => ["1", "2", "3"],
///     "expdatum" => [d(4), d(12), d(20)],
///     // Quetiapine, lithium (not counted as an antipsychotic), risperidone.
///     "atc" => ["N05AH04", "N05AN01", "N05AX08"],
///     "alder" => [82, 79, 88],
/// )?;
/// let population = df!(
///     "year" => [2024; 4],
///     "age" => ["70-74", "75-79", "80-84", "85+"],
///     "population" => [8_000, 6_200, 4_300, 3_500],
/// )?;
/// let drugs = DrugUse::new(DrugSet::named("antipsychotics")?, "2024-03".parse()?)
///     .columns(DispensingColumns::renamed(
///         "columns",
///         [("person_id", "lopnr"), ("dispensed", "expdatum"), ("age", "alder")],
///     )?)
///     .as_of(NaiveDate::from_ymd_opt(2024, 5, 15).unwrap());
/// let share = drugs.share(&dispensed, &population)?;
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(2.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(14_000.0)); // aged 75+
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DispensingColumns {
    /// Person id (default `person_id`).
    pub person: String,
    /// The date dispensed (default `dispensed`).
    pub dispensed: String,
    /// The drug's ATC code (default `atc`).
    pub atc: String,
    /// Birth date (default `birth_date`); used when the frame has it.
    pub birth_date: String,
    /// Age in years (default `age`); used when there is no birth-date column.
    pub age: String,
}

impl RecordColumns for DispensingColumns {
    fn slots(&mut self) -> Vec<(&'static str, ColumnSlot<'_>)> {
        vec![
            ("person_id", ColumnSlot::Required(&mut self.person)),
            ("dispensed", ColumnSlot::Required(&mut self.dispensed)),
            ("atc", ColumnSlot::Required(&mut self.atc)),
            ("birth_date", ColumnSlot::Required(&mut self.birth_date)),
            ("age", ColumnSlot::Required(&mut self.age)),
        ]
    }
}

impl Default for DispensingColumns {
    fn default() -> Self {
        DispensingColumns {
            person: "person_id".into(),
            dispensed: "dispensed".into(),
            atc: "atc".into(),
            birth_date: "birth_date".into(),
            age: "age".into(),
        }
    }
}

/// The share of the population aged `min_age` (75) or more with at least
/// one dispensing of a set of drugs in each month (or other part) of a
/// period, per group.
///
/// # Definition
/// - `numerator`: the distinct persons aged `min_age` or more with at
///   least one dispensing of a drug of the set in the month (a person
///   dispensed two drugs of the set, or one twice, counts once); per
///   group, the group of the dispensing row (a person dispensed in two
///   groups in one month counts in each).
/// - `denominator`: the population of the group aged `min_age` or more in
///   the month's year (the population table, ages in single years or bands
///   such as "75-79", "85+").
/// - The age is the age attained in the year of the dispensing (its year
///   minus the birth year), as the population's age at 31 December is;
///   without a birth-date column, the `age` column is taken as that age.
/// - `value`: the percentage, with Wilson limits; `period`: the month's
///   label ("2024-03"), rows in time order within each group. Every group
///   of the dispensing records gets every month, zero when no one of the
///   group was dispensed a drug of the set.
///
/// A period the records do not speak for is an error, never a zero: one
/// ending after the extraction date `as_of`, outside the dispensing dates,
/// or a month in which no drug at all was dispensed.
///
/// ```
/// use indikator::chrono::NaiveDate;
/// use indikator::polars::prelude::*;
/// use indikator::{DrugSet, DrugUse};
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let dispensed = df!(
///     "person_id" => ["a", "a", "b", "c"],
///     "dispensed" => [d(3, 1), d(3, 20), d(3, 5), d(3, 9)],
///     "atc" => ["N05BA01", "N02AX02", "N05AH04", "N05BA01"],
///     "age" => [81, 81, 77, 70],
/// )?;
/// let population = df!("year" => [2024, 2024], "age" => [70, 80], "population" => [90, 10])?;
/// let drugs = DrugUse::new(DrugSet::named("inappropriate")?, "2024-03".parse()?).as_of(d(4, 30));
/// let share = drugs.share(&dispensed, &population)?;
/// // a: two drugs of the set, counted once; c is 70.
/// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(1.0));
/// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(10.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
/// Socialstyrelsen (2017), *Indikatorer för god läkemedelsterapi hos
/// äldre*, artikelnummer 2017-6-7 (the sets, see [`DrugSet::named`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DrugUse {
    /// The drugs counted.
    pub drugs: DrugSet,
    /// The reporting period.
    pub period: Period,
    /// Its parts, one row each (default month); each must lie inside the period.
    pub per: PeriodKind,
    /// The youngest age counted (default 75).
    pub min_age: u32,
    /// The day the data were taken out; later dates are invalid (default: today).
    pub as_of: Option<NaiveDate>,
    /// Groups (kommun, sex…, in both tables), invalid records and
    /// confidence: set with the [`CareOptions`] setters.
    pub common: CareCommon,
    /// Column names of the dispensings.
    pub columns: DispensingColumns,
    /// Column names of the population.
    pub population_columns: PopulationColumns,
}

crate::setters::setters!(DrugUse {
    /// The youngest age counted (default 75).
    ///
    /// NSAIDs from 65 instead of 75, as a kommun's own follow-up might count:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{DrugSet, DrugUse};
    /// let d = |day| NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let dispensed = df!(
    ///     "person_id" => ["1", "2", "3"],
    ///     "dispensed" => [d(4), d(12), d(20)],
    ///     "atc" => ["M01AE01", "M01AE01", "M01AE02"], // ibuprofen twice, naproxen
    ///     "age" => [68, 79, 91],
    /// )?;
    /// let population = df!("year" => [2024; 3], "age" => ["65-74", "75-84", "85+"],
    ///     "population" => [17_400, 11_200, 3_500])?;
    /// let nsaids = DrugUse::new(DrugSet::named("nsaids")?, "2024-03".parse()?).as_of(d(31));
    /// let share = nsaids.min_age(65).share(&dispensed, &population)?;
    /// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(3.0));
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(32_100.0)); // aged 65+
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    min_age: u32,
    /// The day the data were taken out; later dates are invalid (default: today).
    ///
    /// An extract taken out on 15 March does not speak for all of March:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{DrugSet, DrugUse};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let dispensed = df!(
    ///     "person_id" => ["1", "2"],
    ///     "dispensed" => [d(3, 4), d(3, 12)],
    ///     "atc" => ["N05AH04", "N05AX08"], // quetiapine, risperidone
    ///     "age" => [82, 88],
    /// )?;
    /// let population = df!("year" => [2024], "age" => ["75+"], "population" => [14_700])?;
    /// let drugs = DrugUse::new(DrugSet::named("antipsychotics")?, "2024-03".parse()?);
    /// let early = drugs.clone().as_of(d(3, 15));
    /// assert!(matches!(early.share(&dispensed, &population), Err(Error::InvalidArgument { .. })));
    /// let share = drugs.as_of(d(4, 5)).share(&dispensed, &population)?;
    /// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    some as_of: NaiveDate,
    /// Column names of the dispensings.
    ///
    /// Reading the prescribed drug register's own names (`lopnr`, `edatum`):
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{DispensingColumns, DrugSet, DrugUse};
    /// let d = |day| NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let dispensed = df!(
    ///     "lopnr" => ["1", "1", "2"],
    ///     "edatum" => [d(4), d(25), d(12)],
    ///     "atc" => ["N05BA01", "N05BA01", "N02AX02"], // diazepam twice, tramadol
    ///     "age" => [84, 84, 77],
    /// )?;
    /// let population = df!("year" => [2024], "age" => ["75+"], "population" => [14_700])?;
    /// let columns =
///     DispensingColumns::renamed("columns", [("person_id", "lopnr"), ("dispensed", "edatum")])?;
    /// let drugs = DrugUse::new(DrugSet::named("inappropriate")?, "2024-03".parse()?)
    ///     .columns(columns)
    ///     .as_of(d(31));
    /// let share = drugs.share(&dispensed, &population)?;
    /// assert_eq!(share.column("numerator")?.f64()?.get(0), Some(2.0)); // persons, not dispensings
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    columns: DispensingColumns,
    /// Column names of the population.
    ///
    /// The population as SCB's statistical database names its columns:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{DrugSet, DrugUse, PopulationColumns};
    /// let d = |day| NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let dispensed = df!(
    ///     "person_id" => ["1", "2"],
    ///     "dispensed" => [d(4), d(12)],
    ///     "atc" => ["N05AH04", "N05AX08"],
    ///     "age" => [82, 88],
    /// )?;
    /// let population = df!("år" => [2024; 3], "ålder" => ["65-74", "75-84", "85+"],
    ///     "folkmängd" => [17_400, 11_200, 3_500])?;
    /// let drugs = DrugUse::new(DrugSet::named("antipsychotics")?, "2024-03".parse()?)
    ///     .population_columns(PopulationColumns::renamed(
    ///         "population_columns",
    ///         [("year", "år"), ("age", "ålder"), ("population", "folkmängd")],
    ///     )?)
    ///     .as_of(d(31));
    /// let share = drugs.share(&dispensed, &population)?;
    /// assert_eq!(share.column("denominator")?.f64()?.get(0), Some(14_700.0)); // 11 200 + 3 500
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    population_columns: PopulationColumns,
});

impl CareOptions for DrugUse {
    fn common_mut(&mut self) -> &mut CareCommon {
        &mut self.common
    }
}

/// The rows counted: the group columns, `period` and the person.
struct Counted {
    /// Groups, period and person of each dispensing counted.
    rows: DataFrame,
    /// Every group of the records (sorted).
    groups: DataFrame,
    /// The parts of the period, in time order.
    parts: Vec<Period>,
    quality: Quality,
}

const PERSON: &str = "__ik_person";

impl DrugUse {
    /// The share of persons aged 75+ dispensed `drugs`, per month of `period`.
    ///
    /// The elderly-care plan's antipsychotics indicator for the first
    /// tertial, one row per month:
    ///
    /// ```
    /// use indikator::{DrugSet, DrugUse, PeriodKind};
    /// let drugs = DrugUse::new(DrugSet::named("antipsychotics")?, "T1 2024".parse()?);
    /// assert_eq!(drugs.drugs.to_string(), "antipsychotics (N05A, not N05AN01)");
    /// assert_eq!((drugs.min_age, drugs.per), (75, PeriodKind::Month));
    /// assert_eq!(drugs.as_of, None); // today
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn new(drugs: DrugSet, period: Period) -> Self {
        DrugUse {
            drugs,
            period,
            per: PeriodKind::Month,
            min_age: 75,
            as_of: None,
            common: CareCommon::default(),
            columns: DispensingColumns::default(),
            population_columns: PopulationColumns::default(),
        }
    }

    /// Split the period by `kind` instead of months.
    ///
    /// One share for the tertial counts a person dispensed in two of its
    /// months once:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{DrugSet, DrugUse};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let dispensed = df!(
    ///     "person_id" => ["1", "2", "1", "3"],
    ///     "dispensed" => [d(1, 10), d(2, 14), d(3, 8), d(4, 3)],
    ///     "atc" => ["N05AH04", "N05AX08", "N05AH04", "N05AH04"],
    ///     "age" => [81, 86, 81, 78],
    /// )?;
    /// let population = df!("year" => [2024], "age" => ["75+"], "population" => [14_700])?;
    /// let drugs =
    ///     DrugUse::new(DrugSet::named("antipsychotics")?, "T1 2024".parse()?).as_of(d(5, 6));
    /// assert_eq!(drugs.share(&dispensed, &population)?.height(), 4); // January to April
    /// let tertial = drugs.per(PeriodKind::Tertial).share(&dispensed, &population)?;
    /// assert_eq!(tertial.column("period")?.str()?.get(0), Some("2024-T1"));
    /// assert_eq!(tertial.column("numerator")?.f64()?.get(0), Some(3.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn per(mut self, kind: PeriodKind) -> Self {
        self.per = kind;
        self
    }

    /// The parts of the period, each wholly inside it.
    fn parts(&self) -> Result<Vec<Period>> {
        self.period.validate()?;
        let mut parts: Vec<Period> = Vec::new();
        let mut day = self.period.start();
        while day <= self.period.end() {
            let part = self.per.containing(day).ok_or_else(|| {
                Error::argument(
                    "per",
                    &format!(
                        "every day of the period must fall in a {:?} period",
                        self.per
                    ),
                    format!("{day}"),
                )
            })?;
            if part.start() < self.period.start() || part.end() > self.period.end() {
                return Err(Error::argument(
                    "per",
                    &format!(
                        "the parts must lie inside the period {} ({} – {})",
                        self.period,
                        self.period.start(),
                        self.period.end()
                    ),
                    format!("{part}"),
                ));
            }
            parts.push(part);
            day = part.end().succ_opt().unwrap_or(NaiveDate::MAX);
        }
        Ok(parts)
    }

    fn count(&self, records: &DataFrame) -> Result<Counted> {
        let parts = self.parts()?;
        if self.min_age > 120 {
            return Err(Error::argument(
                "min_age",
                "an age from 0 to 120",
                self.min_age,
            ));
        }
        reserve(&self.common.by, &[PERIOD])?;
        let c = &self.columns;
        let persons = texts(records, &c.person, "person id")?;
        let dispensed = days(records, &c.dispensed, "date dispensed")?;
        let codes = texts(records, &c.atc, "ATC code")?;
        let by_birth = records.schema().contains(&c.birth_date);
        let births = if by_birth {
            days(records, &c.birth_date, "birth date")?
        } else {
            Vec::new()
        };
        let ages = if by_birth {
            Vec::new()
        } else {
            numbers(records, &c.age, "age (or a birth-date column)").map_err(|e| match e {
                Error::ColumnNotFound { available, .. } => Error::ColumnNotFound {
                    column: format!("{}` or `{}", c.birth_date, c.age),
                    role: "birth date or age".into(),
                    available,
                },
                other => other,
            })?
        };
        require_keys(records.schema(), &self.common.by, "group (dispensings)")?;
        let as_of = extraction_date(self.as_of);
        let mut quality = Quality::default();
        quality.push("dispensings", records.height());
        let mut checks = Checks::new(records.height(), self.common.invalid, &mut quality);
        checks.present(&c.person, "person ids", |i| persons.get(i).is_none())?;
        checks.present(&c.dispensed, "dates dispensed", |i| dispensed[i].is_none())?;
        let mut in_set = vec![false; records.height()];
        // A few dozen distinct codes among millions of rows: each judged once.
        let mut judged: HashMap<&str, bool> = HashMap::new();
        checks.rule(&c.atc, sets::ATC_RULE, |i| match codes.get(i) {
            None => Some("a missing value".into()),
            Some(code) => {
                let hit = match judged.get(code) {
                    Some(hit) => Ok(*hit),
                    None => self.drugs.contains(code),
                };
                match hit {
                    Ok(hit) => {
                        judged.insert(code, hit);
                        in_set[i] = hit;
                        None
                    }
                    Err(_) => Some(format!("{code:?}")),
                }
            }
        })?;
        if by_birth {
            checks.present(&c.birth_date, "birth dates", |i| births[i].is_none())?;
            checks.ordered(
                &c.birth_date,
                "the dispensing must not be before the birth date",
                &births,
                &dispensed,
            )?;
        } else {
            checks.ages(&c.age, &ages)?;
        }
        checks.not_after(&c.dispensed, &dispensed, as_of)?;
        checks.keys_present(records, &self.common.by)?;
        let kept = checks.kept.clone();
        let kept_days: Vec<Option<i32>> = (0..records.height())
            .map(|i| dispensed[i].filter(|_| kept[i]))
            .collect();
        check_covered(&self.period, Some(as_of), &kept_days, &c.dispensed)?;
        // A part without any dispensing (of any drug) is missing data.
        let mut seen = vec![false; parts.len()];
        let spans: Vec<(i32, i32)> = parts
            .iter()
            .map(|p| (day_number(p.start()), day_number(p.end())))
            .collect();
        let part_of = |day: i32| spans.iter().position(|&(a, b)| a <= day && day <= b);
        for day in kept_days.iter().flatten() {
            if let Some(k) = part_of(*day) {
                seen[k] = true;
            }
        }
        if let Some(k) = seen.iter().position(|s| !s) {
            return Err(Error::data(
                &c.dispensed,
                "every part of the period must have dispensings in the records (a month without \
                 any is missing data, not zero use)",
                format!("no dispensing at all in {}", parts[k]),
                "",
            ));
        }
        let age = |i: usize| -> f64 {
            if by_birth {
                let (born, on) = (
                    date_of(births[i].unwrap_or(0)),
                    date_of(dispensed[i].unwrap_or(0)),
                );
                f64::from(on.year() - born.year())
            } else {
                ages[i].unwrap_or(0.0)
            }
        };
        let of_set: Vec<usize> = (0..records.height())
            .filter(|&i| kept[i] && in_set[i])
            .collect();
        quality.push(format!("dispensings of {}", self.drugs), of_set.len());
        let old: Vec<usize> = of_set
            .into_iter()
            .filter(|&i| age(i) >= f64::from(self.min_age))
            .collect();
        quality.push(format!("… to persons aged {}+", self.min_age), old.len());
        let (start, end) = (
            day_number(self.period.start()),
            day_number(self.period.end()),
        );
        let rows: Vec<usize> = old
            .into_iter()
            .filter(|&i| dispensed[i].is_some_and(|d| d >= start && d <= end))
            .collect();
        quality.push(format!("… in {}", self.period), rows.len());
        let iso: Vec<String> = parts.iter().map(Period::iso).collect();
        let labels: Vec<&str> = rows
            .iter()
            .map(|&i| part_of(dispensed[i].unwrap_or(0)).map_or("", |k| iso[k].as_str()))
            .collect();
        let mut counted = rows_of(records, &self.common.by, &rows)?;
        counted.with_column(Column::new(PERIOD.into(), labels))?;
        counted.with_column(Column::new(
            PERSON.into(),
            rows.iter()
                .map(|&i| persons.get(i).unwrap_or_default())
                .collect::<Vec<_>>(),
        ))?;
        let all: Vec<usize> = (0..records.height()).filter(|&i| kept[i]).collect();
        let mut groups = rows_of(records, &self.common.by, &all)?.unique_stable(
            None,
            UniqueKeepStrategy::First,
            None,
        )?;
        if !self.common.by.is_empty() {
            groups = groups.sort(
                self.common
                    .by
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
                SortMultipleOptions::default(),
            )?;
        }
        Ok(Counted {
            rows: counted,
            groups,
            parts,
            quality,
        })
    }

    /// The share per group and part of the period: the group columns,
    /// `period`, `numerator` (persons), `denominator` (population),
    /// `value` (percent) with Wilson limits, `status`, and `confidence`,
    /// `statistic`, `method`.
    ///
    /// # Errors
    /// Missing or mistyped columns; invalid records (unless excluded); a
    /// period the records do not cover; a group of the records, or a year,
    /// without its population; more persons dispensed than the population.
    ///
    /// NSAIDs in March by kommun, each kommun against its own people aged
    /// 75 or more:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{DrugSet, DrugUse};
    /// let d = |day| NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let dispensed = df!(
    ///     "person_id" => ["1", "2", "3", "4"],
    ///     "dispensed" => [d(4), d(12), d(20), d(27)],
    ///     "atc" => ["M01AE01", "M01AE02", "M01AE01", "M01AX05"], // the last: glucosamine
    ///     "age" => [78, 83, 80, 76],
    ///     "kommun" => ["Östersund", "Östersund", "Krokom", "Krokom"],
    /// )?;
    /// let population = df!("kommun" => ["Krokom", "Östersund"], "year" => [2024; 2],
    ///     "age" => ["75+"; 2], "population" => [1_600, 6_400])?;
    /// let nsaids = DrugUse::new(DrugSet::named("nsaids")?, "2024-03".parse()?).as_of(d(31));
    /// let share = nsaids.by(["kommun"]).share(&dispensed, &population)?;
    /// assert_eq!(share.column("kommun")?.str()?.get(0), Some("Krokom"));
    /// assert_eq!(share.column("numerator")?.f64()?.to_vec(), [Some(1.0), Some(2.0)]);
    /// let value = share.column("value")?.f64()?;
    /// assert!((value.get(0).unwrap() - 0.0625).abs() < 1e-12); // 1 / 1 600, in percent
    /// assert!((value.get(1).unwrap() - 0.03125).abs() < 1e-12); // 2 / 6 400
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn share(&self, records: impl IntoFrame, population: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        let population = &population.into_data_frame()?;
        self.share_of(self.count(records)?, population)
    }

    /// [`DrugUse::share`] and [`DrugUse::quality`] from one pass over the
    /// dispensings (the report wants both).
    #[cfg(feature = "report")]
    pub(crate) fn share_and_quality(
        &self,
        records: &DataFrame,
        population: &DataFrame,
    ) -> Result<(DataFrame, DataFrame)> {
        let mut counted = self.count(records)?;
        let quality = std::mem::take(&mut counted.quality).frame()?;
        Ok((self.share_of(counted, population)?, quality))
    }

    fn share_of(&self, counted: Counted, population: &DataFrame) -> Result<DataFrame> {
        require_keys(population.schema(), &self.common.by, "group (population)")?;
        let mut keys = self.common.by.clone();
        keys.push(PERIOD.into());
        let persons = counted
            .rows
            .lazy()
            .group_by(keys.iter().map(|k| col(k.as_str())).collect::<Vec<_>>())
            .agg([col(PERSON).n_unique().cast(DataType::Float64).alias(PERSON)])
            .collect()?;
        // Every group and part, in time order within each group.
        let labels: Vec<String> = counted.parts.iter().map(Period::iso).collect();
        let years: Vec<i32> = counted.parts.iter().map(|p| p.start().year()).collect();
        let parts = DataFrame::new(
            labels.len(),
            vec![
                Column::new(PERIOD.into(), labels),
                Column::new(YEAR.into(), years.clone()),
            ],
        )?;
        let grid = if self.common.by.is_empty() {
            parts
        } else {
            counted
                .groups
                .cross_join(&parts, None, None, MaintainOrderJoin::Left)?
        };
        let (first, last) = (years[0], years[years.len() - 1]);
        let people = people(
            population,
            &self.population_columns,
            &self.common.by,
            (self.min_age, None),
            None,
            first,
            last,
        )?;
        let mut on_year = self.common.by.clone();
        on_year.push(YEAR.into());
        let (with_people, _) = lookup(&grid, &people, &on_year, "population")?;
        let denominators = with_people.column(PEOPLE)?.f64()?.clone();
        if let Some(row) = denominators.iter().position(|p| p.is_none()) {
            let shown = grid.select(on_year.iter().map(String::as_str))?;
            return Err(Error::data(
                &self.population_columns.population,
                "every group of the dispensings needs its population in every year",
                "no population",
                group_label(&shown, row).replace(YEAR, "year"),
            ));
        }
        let (with_persons, _) = lookup(&grid, &persons, &keys, "persons")?;
        let numerators: Vec<f64> = with_persons
            .column(PERSON)?
            .f64()?
            .iter()
            .map(|x| x.unwrap_or(0.0))
            .collect();
        let denominators: Vec<f64> = denominators.iter().map(|p| p.unwrap_or(0.0)).collect();
        // More persons dispensed than people: the population table is not
        // the records' (another area, another age), never a share over 100 %.
        if let Some(row) = (0..numerators.len()).find(|&i| numerators[i] > denominators[i]) {
            let shown = grid.select(keys.iter().map(String::as_str))?;
            return Err(Error::data(
                &self.population_columns.population,
                &format!(
                    "the population aged {}+ must be at least the persons dispensed",
                    self.min_age
                ),
                format!(
                    "{} persons dispensed of a population of {}",
                    numerators[row], denominators[row]
                ),
                group_label(&shown, row),
            ));
        }
        let statistic = format!(
            "share of persons aged {}+ dispensed {} in the {} (percent)",
            self.min_age,
            self.drugs.name(),
            match self.per {
                PeriodKind::Month => "month",
                PeriodKind::Tertial => "tertial",
                PeriodKind::HalfYear => "half-year",
                PeriodKind::Delar => "period",
                PeriodKind::Year => "year",
            }
        );
        let table = percentages(
            grid.select(keys.iter().map(String::as_str))?,
            &numerators,
            &denominators,
            self.common.confidence,
            &statistic,
        );
        table.finish(OutputType::Full)
    }

    /// The data-quality table (`rule`, `count`): dispensings read,
    /// excluded by rule, of the set, to persons of the age, in the period.
    ///
    /// # Errors
    /// As [`DrugUse::share`], without the population's.
    ///
    /// What became of four dispensings: lithium is no antipsychotic here,
    /// and one person is 70:
    ///
    /// ```
    /// use indikator::prelude::*;
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{DrugSet, DrugUse};
    /// let d = |day| NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let dispensed = df!(
    ///     "person_id" => ["1", "2", "3", "4"],
    ///     "dispensed" => [d(4), d(12), d(20), d(27)],
    ///     "atc" => ["N05AH04", "N05AN01", "N05AX08", "N05AH04"],
    ///     "age" => [82, 79, 70, 88],
    /// )?;
    /// let drugs =
    ///     DrugUse::new(DrugSet::named("antipsychotics")?, "2024-03".parse()?).as_of(d(31));
    /// let quality = drugs.quality(&dispensed)?;
    /// let rules = quality.column("rule")?.str()?;
    /// assert_eq!(rules.get(1), Some("dispensings of antipsychotics (N05A, not N05AN01)"));
    /// assert_eq!(rules.get(2), Some("… to persons aged 75+"));
    /// let counts: Vec<u64> = quality.column("count")?.u64()?.into_no_null_iter().collect();
    /// assert_eq!(counts, [4, 3, 2, 2]); // read, of the set, aged 75+, in March
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quality(&self, records: impl IntoFrame) -> Result<DataFrame> {
        let records = &records.into_data_frame()?;
        self.count(records)?.quality.frame()
    }
}

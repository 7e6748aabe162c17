//! The limits of the care guarantee: the law's (0–3–90–90, BUP 30 + 30),
//! by kind of wait and decision date, and the plans' own.

use chrono::NaiveDate;

use crate::care::records::day_number;

/// The national kinds of wait and their codes in the `kind` column.
///
/// The law's limits know each kind: 0–3–90–90, and BUP 30 + 30.
///
/// ```
/// use indikator::chrono::NaiveDate;
/// use indikator::{WaitLimits, WAIT_KINDS};
/// let law = WaitLimits::law();
/// assert_eq!(law.kinds(), WAIT_KINDS);
/// let decided = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap();
/// let days: Vec<Option<u32>> = WAIT_KINDS.iter().map(|k| law.limit(k, decided)).collect();
/// assert_eq!(days, [Some(0), Some(3), Some(90), Some(90), Some(30), Some(30)]);
/// ```
pub const WAIT_KINDS: [&str; 6] = [
    "primary_contact",
    "primary_assessment",
    "first_visit",
    "treatment",
    "bup_assessment",
    "bup_in_depth",
];

/// One rule of a limit: `days` for the decisions from `from` on (`None`: always).
///
/// The law's change of 2019 is one rule; a plan's stricter limit from a
/// date is another:
///
/// ```
/// use indikator::chrono::NaiveDate;
/// use indikator::{LimitRule, WaitLimits};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let law = WaitLimits::law();
/// let change = law.rules().iter().find(|r| r.from.is_some()).unwrap();
/// assert_eq!(change.kind, "primary_assessment");
/// assert_eq!((change.from, change.days), (Some(d(2019, 1, 1)), 3));
/// let first_visit_60 = LimitRule::new("first_visit", 60).starting(d(2025, 1, 1));
/// let limits = law.with_rule(first_visit_60);
/// assert_eq!(limits.limit("first_visit", d(2024, 12, 31)), Some(90));
/// assert_eq!(limits.limit("first_visit", d(2025, 1, 1)), Some(60));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitRule {
    /// The kind of wait (a code of the `kind` column).
    pub kind: String,
    /// The first decision date the rule applies to; `None` for all dates.
    pub from: Option<NaiveDate>,
    /// The limit in calendar days (a wait of exactly this many days is within).
    pub days: u32,
}

impl LimitRule {
    /// A limit of `days` for the waits of `kind`, at every decision date.
    ///
    /// ```
    /// let rule = indikator::LimitRule::new("first_visit", 60);
    /// assert_eq!((rule.kind.as_str(), rule.from, rule.days), ("first_visit", None, 60));
    /// ```
    pub fn new(kind: impl Into<String>, days: u32) -> Self {
        LimitRule {
            kind: kind.into(),
            from: None,
            days,
        }
    }

    /// The same limit for the decisions from `day` on only.
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// let from_2025 = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// let rule = indikator::LimitRule::new("first_visit", 60).starting(from_2025);
    /// assert_eq!(rule.from, Some(from_2025));
    /// ```
    #[must_use]
    pub fn starting(mut self, day: NaiveDate) -> Self {
        self.from = Some(day);
        self
    }
}

/// The limit of each kind of wait, by the date of the decision.
///
/// The default is the law (HSL 9 kap. 1 §, förordning 2010:349): contact
/// with primary care the same day (0), a medical assessment in primary care
/// within 7 days before 2019 and 3 days from 1 January 2019, a first visit
/// in specialised care within 90 days, treatment within 90 days of the
/// decision to treat; and the region's reinforced guarantee for child and
/// adolescent psychiatry (BUP): first assessment within 30 days, in-depth
/// assessment or treatment within a further 30 days.
///
/// ```
/// use indikator::WaitLimits;
/// use indikator::chrono::NaiveDate;
/// let law = WaitLimits::law();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(law.limit("primary_assessment", d(2018, 12, 31)), Some(7));
/// assert_eq!(law.limit("primary_assessment", d(2019, 1, 1)), Some(3));
/// // The plans' 60-day rule for first visits:
/// let plan = WaitLimits::law().with_limit("first_visit", 60);
/// assert_eq!(plan.limit("first_visit", d(2024, 5, 1)), Some(60));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitLimits {
    rules: Vec<LimitRule>,
}

impl Default for WaitLimits {
    fn default() -> Self {
        WaitLimits::law()
    }
}

impl WaitLimits {
    /// The law's limits (see the type's documentation).
    ///
    /// Decisions of spring 2024 under the law, which is also the default of
    /// every [`Waits`](crate::Waits):
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{WaitLimits, Waits};
    /// let law = WaitLimits::law();
    /// let decided = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// assert_eq!(law.limit("primary_contact", decided), Some(0));
    /// assert_eq!(law.limit("treatment", decided), Some(90));
    /// assert_eq!(law.limit("bup_in_depth", decided), Some(30));
    /// assert_eq!(WaitLimits::default(), law);
    /// assert_eq!(Waits::completed("T1 2024".parse()?).limits, law);
    /// # Ok::<(), indikator::Error>(())
    /// ```
    pub fn law() -> Self {
        let always = LimitRule::new;
        let law_of_2019 = NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date");
        WaitLimits {
            rules: vec![
                always("primary_contact", 0),
                always("primary_assessment", 7),
                LimitRule::new("primary_assessment", 3).starting(law_of_2019),
                always("first_visit", 90),
                always("treatment", 90),
                always("bup_assessment", 30),
                always("bup_in_depth", 30),
            ],
        }
    }

    /// Set one limit for `kind` at every date, replacing its rules (a new
    /// kind is added: a custom limit such as the plans' 60-day rule).
    ///
    /// The plans' 60 days for a first visit, and a medical assessment in
    /// primary care within 3 days at every date (the law's 7 days before 2019
    /// gone with its other rule):
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::WaitLimits;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let plan = WaitLimits::law()
    ///     .with_limit("first_visit", 60)
    ///     .with_limit("primary_assessment", 3);
    /// assert_eq!(plan.limit("first_visit", d(2024, 5, 2)), Some(60));
    /// assert_eq!(plan.limit("primary_assessment", d(2018, 6, 1)), Some(3));
    /// // The law's seven rules less one: primary_assessment had two.
    /// assert_eq!(plan.rules().len(), 6);
    /// ```
    pub fn with_limit(mut self, kind: impl Into<String>, days: u32) -> Self {
        let kind = kind.into();
        self.rules.retain(|r| r.kind != kind);
        self.rules.push(LimitRule::new(kind, days));
        self
    }

    /// Add a rule: `days` for the decisions of `kind` from `from` on.
    ///
    /// A stricter limit for treatment decided from 1 July 2024, the law's
    /// before:
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::{LimitRule, WaitLimits};
    /// let july = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
    /// let limits = WaitLimits::law().with_rule(LimitRule::new("treatment", 60).starting(july));
    /// assert_eq!(limits.limit("treatment", july.pred_opt().unwrap()), Some(90));
    /// assert_eq!(limits.limit("treatment", july), Some(60));
    /// assert_eq!(limits.rules().len(), 8); // the law's seven and this one
    /// ```
    pub fn with_rule(mut self, rule: LimitRule) -> Self {
        self.rules.push(rule);
        self
    }

    /// The rules.
    ///
    /// The law's seven: one for each kind, and two for the medical assessment
    /// in primary care (7 days, then 3 from 2019):
    ///
    /// ```
    /// use indikator::WaitLimits;
    /// let law = WaitLimits::law();
    /// assert_eq!(law.rules().len(), 7);
    /// let assessment: Vec<u32> = law.rules().iter()
    ///     .filter(|r| r.kind == "primary_assessment")
    ///     .map(|r| r.days)
    ///     .collect();
    /// assert_eq!(assessment, [7, 3]);
    /// ```
    pub fn rules(&self) -> &[LimitRule] {
        &self.rules
    }

    /// The known kinds, in the order first given.
    ///
    /// The law's are the national kinds; a kind of the region's own records
    /// comes after them:
    ///
    /// ```
    /// use indikator::{WaitLimits, WAIT_KINDS};
    /// assert_eq!(WaitLimits::law().kinds(), WAIT_KINDS);
    /// let own = WaitLimits::law().with_limit("operation", 60);
    /// assert_eq!(own.kinds().len(), 7);
    /// assert_eq!(own.kinds().last(), Some(&"operation"));
    /// ```
    pub fn kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = Vec::new();
        for r in &self.rules {
            if !kinds.contains(&r.kind.as_str()) {
                kinds.push(&r.kind);
            }
        }
        kinds
    }

    /// The limit of `kind` for a decision on `decided`: the rule with the
    /// latest `from` on or before it; `None` for an unknown kind.
    ///
    /// A medical assessment decided the day the law changed and the day
    /// before, and a kind no rule knows:
    ///
    /// ```
    /// use indikator::chrono::NaiveDate;
    /// use indikator::WaitLimits;
    /// let law = WaitLimits::law();
    /// let new_year = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    /// assert_eq!(law.limit("primary_assessment", new_year), Some(3));
    /// assert_eq!(law.limit("primary_assessment", new_year.pred_opt().unwrap()), Some(7));
    /// assert_eq!(law.limit("rehabilitering", new_year), None);
    /// ```
    pub fn limit(&self, kind: &str, decided: NaiveDate) -> Option<u32> {
        let table = self.table();
        table.days(table.kind(kind)?, day_number(decided))
    }

    /// The rules by kind, for looking up millions of records.
    pub(super) fn table(&self) -> LimitTable<'_> {
        let kinds = self.kinds();
        let rules = kinds
            .iter()
            .map(|k| {
                let mut from: Vec<(i32, u32)> = self
                    .rules
                    .iter()
                    .filter(|r| r.kind == *k)
                    .map(|r| (r.from.map_or(i32::MIN, day_number), r.days))
                    .collect();
                // By date; of two rules from the same date the later given wins.
                from.sort_by_key(|(day, _)| *day);
                from
            })
            .collect();
        LimitTable { kinds, rules }
    }
}

/// [`WaitLimits`] as a lookup: a kind's index, and its rules as (first
/// decision day, days) in date order.
pub(super) struct LimitTable<'a> {
    pub(super) kinds: Vec<&'a str>,
    rules: Vec<Vec<(i32, u32)>>,
}

impl LimitTable<'_> {
    /// The index of a known kind.
    pub(super) fn kind(&self, kind: &str) -> Option<usize> {
        self.kinds.iter().position(|k| *k == kind)
    }

    /// The limit of kind `kind` (an index) for a decision on day number `decided`.
    pub(super) fn days(&self, kind: usize, decided: i32) -> Option<u32> {
        self.rules[kind]
            .iter()
            .rev()
            .find(|(from, _)| *from <= decided)
            .map(|(_, days)| *days)
    }
}

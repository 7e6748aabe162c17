//! Which columns of which tables a catalogue's indicators read: what
//! `check` requires of the data, and what the report reads of a table.

use std::collections::{BTreeMap, BTreeSet};

use super::compute::EVENT_DATE;
use crate::care::{
    DeathColumns, DispensingColumns, ListingColumns, PlanColumns, PopulationColumns, RecordColumns,
    StayColumns, VisitColumns, WaitColumns,
};
use crate::catalog::{Catalog, Family};

/// The columns a statistic reads from each of its tables: the defaults of
/// the care layer's column structs, which the report uses.
pub(super) fn needs(family: &Family) -> Vec<(&str, Vec<String>)> {
    let t = family.tables();
    let (deaths, people) = (DeathColumns::default(), PopulationColumns::default());
    let population = vec![people.year, people.age, people.population];
    match family {
        Family::Waits { .. } => {
            let c = WaitColumns::default();
            let mut needed = vec![c.decided, c.completed, c.kind];
            needed.extend(c.pvv.into_iter().chain(c.mov));
            vec![(t[0], needed)]
        }
        Family::Readmission { .. } => {
            let c = StayColumns::default();
            let mut needed = vec![c.patient, c.admitted, c.discharged, c.age, c.acute];
            needed.extend(c.discharge_type);
            vec![(t[0], needed)]
        }
        Family::Sip {
            exclude_statuses, ..
        } => {
            let c = PlanColumns::default();
            let mut needed = vec![c.plan, c.established, c.birth_date];
            if !exclude_statuses.is_empty() {
                needed.push(c.status);
            }
            vec![(t[0], needed)]
        }
        Family::Mortality { .. } => vec![
            (t[0], vec![deaths.year, deaths.age, deaths.cause]),
            (t[1], population),
        ],
        Family::LifeExpectancy { .. } => {
            vec![(t[0], vec![deaths.year, deaths.age]), (t[1], population)]
        }
        // Events are dated; the report gives them the period's year.
        Family::EventRate { date, cause, .. } => vec![
            (
                t[0],
                vec![
                    date.clone().unwrap_or_else(|| EVENT_DATE.to_string()),
                    deaths.age,
                    cause.clone().unwrap_or(deaths.cause),
                ],
            ),
            (t[1], population),
        ],
        Family::EventCount { date, .. } => vec![(t[0], vec![date.clone()])],
        // The age from the birth date, or the `age` column without one.
        Family::Drugs { .. } => {
            let c = DispensingColumns::default();
            vec![
                (t[0], vec![c.person, c.dispensed, c.atc]),
                (t[1], population),
            ]
        }
        Family::Continuity { chronic_codes, .. } => {
            let (v, l) = (VisitColumns::default(), ListingColumns::default());
            let mut visits = vec![v.patient, v.clinician, v.profession, v.unit, v.date];
            if !chronic_codes.is_empty() {
                visits.push(v.diagnosis);
            }
            vec![
                (t[0], vec![l.patient, l.unit, l.from, l.to]),
                (t[1], visits),
            ]
        }
    }
}

/// Every column name of a column struct's roles (the optional ones too).
fn roles<C: RecordColumns>() -> Vec<String> {
    C::default()
        .names()
        .into_iter()
        .filter_map(|(_, name)| name)
        .collect()
}

/// The columns of each table of `family` that its computation may read:
/// every role of its tables' column structs (required or optional).
fn role_columns(family: &Family) -> Vec<Vec<String>> {
    let population = roles::<PopulationColumns>();
    match family {
        Family::Waits { .. } => vec![roles::<WaitColumns>()],
        Family::Readmission { .. } => vec![roles::<StayColumns>()],
        Family::Sip { .. } => vec![roles::<PlanColumns>()],
        Family::EventCount { .. } => vec![Vec::new()],
        Family::Mortality { .. } | Family::LifeExpectancy { .. } | Family::EventRate { .. } => {
            vec![roles::<DeathColumns>(), population]
        }
        Family::Drugs { .. } => vec![roles::<DispensingColumns>(), population],
        Family::Continuity { .. } => vec![roles::<ListingColumns>(), roles::<VisitColumns>()],
    }
}

/// The columns of one table the indicators read.
#[derive(Debug, Clone, Default)]
pub(super) struct TableReads {
    /// Every column some indicator may read (the table is read with these).
    pub readable: BTreeSet<String>,
    /// The columns some indicator cannot do without ([`needs`], the
    /// filters and the breakdowns): when the file lacks one, it is read
    /// whole, so that the error naming it lists every column it has.
    pub required: BTreeSet<String>,
}

/// Per table the indicators of `catalog` read, the columns they read:
/// required, [`needs`], the filters (of the first table) and the
/// breakdowns (of every table); readable, those and the roles of the
/// column structs. A table the indicators do not name is not in the map
/// (all its columns are read).
pub(super) fn readable_columns(catalog: &Catalog) -> BTreeMap<String, TableReads> {
    let mut out: BTreeMap<String, TableReads> = BTreeMap::new();
    for ind in &catalog.indicators {
        let family = &ind.statistic;
        let tables = family.tables();
        let mut add = |table: &str, columns: Vec<String>, required: bool| {
            let reads = out.entry(table.to_string()).or_default();
            if required {
                reads.required.extend(columns.iter().cloned());
            }
            reads.readable.extend(columns);
        };
        for (table, columns) in needs(family) {
            add(table, columns, true);
        }
        for (table, columns) in tables.iter().zip(role_columns(family)) {
            add(table, columns, false);
            add(table, ind.breakdowns.clone(), true);
        }
        add(tables[0], family.filters().keys().cloned().collect(), true);
    }
    out
}

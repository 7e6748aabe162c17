//! Measuring waits: the records checked, each wait measured in days
//! (completed in the period, or still waiting at each snapshot) against the
//! limit of its kind, and what each group's share pools.

use polars::prelude::*;

use super::limits::WAIT_KINDS;
use super::{WaitMeasure, Waits, PERIOD, SNAPSHOT};
use crate::care::records::{
    check_covered, day_number, days, extraction_date, flags, texts, Checks, Quality,
};
use crate::error::{Error, Result};
use crate::measure::{lookup, require_keys};

pub(super) const COMPLETED: &str = "__ik_completed";
pub(super) const MEASURED: &str = "__ik_measured";
pub(super) const WAIT: &str = "__ik_wait";
pub(super) const PVV: &str = "pvv";
pub(super) const MOV: &str = "mov";
pub(super) const COUNTED: &str = "__ik_counted";
pub(super) const WITHIN: &str = "__ik_within";
pub(super) const ONE: &str = "records";
pub(super) const RULE: &str = "__ik_rule";

/// The records of one computation, one row per wait measured.
pub(super) struct Measured {
    pub(super) frame: LazyFrame,
    /// Group columns: `by`, then `snapshot` or `period` when present.
    pub(super) keys: Vec<String>,
    pub(super) quality: Quality,
    /// The (kind, limit in days) pairs measured; the column `RULE` indexes them.
    pub(super) applied: Vec<(String, u32)>,
}

impl Waits {
    /// Validate the records and measure each wait.
    pub(super) fn measure(&self, records: &DataFrame) -> Result<Measured> {
        self.check()?;
        let c = &self.columns;
        let as_of = extraction_date(self.as_of);
        let decided = days(records, &c.decided, "decision date")?;
        let completed = days(records, &c.completed, "completion date")?;
        let kinds = texts(records, &c.kind, "kind of wait")?;
        require_keys(records.schema(), &self.common.by, "group")?;
        let recorded = |name: &Option<String>, role: &str| -> Result<Vec<Option<bool>>> {
            match name {
                Some(name) => flags(records, name, role),
                None => Ok(vec![Some(false); records.height()]),
            }
        };
        let pvv = recorded(&c.pvv, "patient-chosen wait (PVV)")?;
        let mov = recorded(&c.mov, "medically caused wait (MOV)")?;
        let mut quality = Quality::default();
        quality.push("records", records.height());
        let mut checks = Checks::new(records.height(), self.common.invalid, &mut quality);
        checks.present(&c.decided, "decision dates", |i| decided[i].is_none())?;
        for (name, flag, what) in [(&c.pvv, &pvv, "PVV flags"), (&c.mov, &mov, "MOV flags")] {
            if let Some(name) = name {
                checks.present(name, what, |i| flag[i].is_none())?;
            }
        }
        let pvv: Vec<bool> = pvv.iter().map(|f| f.unwrap_or(false)).collect();
        let mov: Vec<bool> = mov.iter().map(|f| f.unwrap_or(false)).collect();
        let table = self.limits.table();
        self.limits_name_known_kinds(&kinds)?;
        let known = table.kinds.join(", ");
        // The limit of each wait in days, or -1 for an unknown or missing
        // kind, and the (kind, limit) it was measured against.
        let mut applied: Vec<(usize, u32)> = Vec::new();
        let (limit, rule): (Vec<i32>, Vec<u32>) = kinds
            .iter()
            .zip(&decided)
            .map(|(kind, day)| {
                let k = kind.and_then(|k| table.kind(k));
                let days = k.and_then(|k| table.days(k, day.unwrap_or(0)));
                match (k, days) {
                    (Some(k), Some(days)) => {
                        let at =
                            applied
                                .iter()
                                .position(|p| *p == (k, days))
                                .unwrap_or_else(|| {
                                    applied.push((k, days));
                                    applied.len() - 1
                                });
                        (days as i32, at as u32)
                    }
                    _ => (-1, u32::MAX),
                }
            })
            .unzip();
        let applied: Vec<(String, u32)> = applied
            .into_iter()
            .map(|(k, days)| (table.kinds[k].to_string(), days))
            .collect();
        checks.rule(
            &c.kind,
            &format!("the kind of wait must be one of {known}"),
            |i| {
                (limit[i] < 0).then(|| {
                    kinds
                        .get(i)
                        .map_or("a missing value".into(), |k| format!("{k:?}"))
                })
            },
        )?;
        checks.ordered(
            &c.completed,
            "the completion must not be before the decision",
            &decided,
            &completed,
        )?;
        checks.not_after(&c.decided, &decided, as_of)?;
        checks.not_after(&c.completed, &completed, as_of)?;
        // The records speak for the days from the first decision to the
        // extraction date; a period outside them has no data (a period in
        // them without completions is a true zero).
        if self.snapshots.is_none() {
            check_covered(&self.period, Some(as_of), &decided, &c.decided)?;
        }
        checks.keys_present(records, &self.common.by)?;
        let kept = checks.kept.clone();
        let excluded: Vec<bool> = pvv
            .iter()
            .zip(&mov)
            .map(|(p, m)| (*p && self.exclude_pvv) || (*m && self.exclude_mov))
            .collect();
        // The flags of every record, the same for every snapshot.
        let flags = [
            Column::new(PVV.into(), &pvv),
            Column::new(MOV.into(), &mov),
            Column::new(
                COUNTED.into(),
                excluded.iter().map(|x| !x).collect::<Vec<_>>(),
            ),
        ];
        // The waits measured: the rows of `measured`, `wait` days long; the
        // frame keeps every row and a mask, so no column is copied.
        let (mut n_pvv, mut n_mov) = (0, 0);
        let mut waits_of = |measured: &dyn Fn(usize) -> bool,
                            wait: &dyn Fn(usize) -> i32|
         -> Result<(LazyFrame, usize)> {
            let rows = records.height();
            let (mut mask, mut days, mut within) = (
                Vec::with_capacity(rows),
                Vec::with_capacity(rows),
                Vec::with_capacity(rows),
            );
            let mut count = 0;
            for i in 0..rows {
                let m = kept[i] && measured(i);
                let w = if m { wait(i) } else { 0 };
                mask.push(m);
                days.push(w);
                within.push(!excluded[i] && w <= limit[i]);
                if m {
                    count += 1;
                    n_pvv += usize::from(pvv[i]);
                    n_mov += usize::from(mov[i]);
                }
            }
            let mut frame = records.select(self.common.by.iter().map(String::as_str))?;
            if self.per.is_some() {
                let on = records.column(&c.completed)?.cast(&DataType::Date)?;
                frame.with_column(on.with_name(COMPLETED.into()))?;
            }
            for column in flags.iter().cloned().chain([
                Column::new(RULE.into(), &rule),
                Column::new(WAIT.into(), days),
                Column::new(WITHIN.into(), within),
                Column::new(MEASURED.into(), mask),
            ]) {
                frame.with_column(column)?;
            }
            let frame = frame.lazy().filter(col(MEASURED)).drop(cols([MEASURED]));
            Ok((frame, count))
        };
        let mut keys = self.common.by.clone();
        let frame = match self.measure {
            WaitMeasure::Completed => {
                let (start, end) = (
                    day_number(self.period.start()),
                    day_number(self.period.end()),
                );
                let (mut frame, count) = waits_of(
                    &|i| completed[i].is_some_and(|d| d >= start && d <= end),
                    &|i| completed[i].unwrap_or(0) - decided[i].unwrap_or(0),
                )?;
                if let Some(kind) = self.per {
                    frame = frame.with_column(
                        crate::period::period_expr(col(COMPLETED), kind, false).alias(PERIOD),
                    );
                    keys.push(PERIOD.into());
                }
                quality.push(format!("records completed in {}", self.period), count);
                frame
            }
            WaitMeasure::Waiting => {
                let mut frames = Vec::new();
                for at in self.snapshot_dates()? {
                    if at > as_of {
                        return Err(Error::argument(
                            "snapshots",
                            &format!(
                                "a snapshot cannot be after the extraction date as_of = {as_of}"
                            ),
                            at,
                        ));
                    }
                    let day = day_number(at);
                    let (frame, count) = waits_of(
                        &|i| {
                            decided[i].is_some_and(|d| d <= day)
                                && completed[i].is_none_or(|done| done > day)
                        },
                        &|i| day - decided[i].unwrap_or(0),
                    )?;
                    quality.push(format!("records waiting on {at}"), count);
                    frames.push(frame.with_column(lit(day).cast(DataType::Date).alias(SNAPSHOT)));
                }
                keys.push(SNAPSHOT.into());
                concat(frames, UnionArgs::default())?
            }
        };
        quality.push(
            if self.exclude_pvv {
                "measured: patient-chosen waits (PVV, left out of the share)"
            } else {
                "measured: patient-chosen waits (PVV, kept in the share)"
            },
            n_pvv,
        );
        quality.push(
            if self.exclude_mov {
                "measured: medically caused waits (MOV, left out of the share)"
            } else {
                "measured: medically caused waits (MOV, kept in the share)"
            },
            n_mov,
        );
        Ok(Measured {
            frame,
            keys,
            quality,
            applied,
        })
    }

    /// Every kind given a limit is a kind of the law or of the records: a
    /// misspelt kind would otherwise leave the law's limit in force unseen.
    fn limits_name_known_kinds(&self, kinds: &StringChunked) -> Result<()> {
        let mut in_records: Vec<&str> = kinds.iter().flatten().collect();
        in_records.sort_unstable();
        in_records.dedup();
        for kind in self.limits.kinds() {
            if !WAIT_KINDS.contains(&kind) && in_records.binary_search(&kind).is_err() {
                return Err(Error::argument(
                    "limits",
                    &format!(
                        "a limit must be for a kind of wait of the law ({}) or of the `{}` \
                         column ({})",
                        WAIT_KINDS.join(", "),
                        self.columns.kind,
                        in_records.join(", ")
                    ),
                    format!("{kind:?}"),
                ));
            }
        }
        Ok(())
    }
}

/// What each group's share pools: its kinds of wait ("first_visit,
/// treatment") and the limit of each in days, in the same order ("90, 90";
/// a kind whose limit changed within the period gives both, "7/3").
pub(super) fn pooled_kinds(
    frame: LazyFrame,
    by: &[String],
    keys: &DataFrame,
    applied: &[(String, u32)],
) -> Result<(Vec<String>, Vec<String>)> {
    let rules = frame.select(
        by.iter()
            .map(|b| col(b.as_str()))
            .chain([col(RULE)])
            .collect::<Vec<_>>(),
    );
    let lists = if by.is_empty() {
        crate::engine::collect(rules.select([col(RULE).unique().implode(false)]))?
    } else {
        let per_group = crate::engine::collect(
            rules
                .group_by(by.iter().map(|b| col(b.as_str())).collect::<Vec<_>>())
                .agg([col(RULE).unique()]),
        )?;
        let on: Vec<String> = by.to_vec();
        lookup(keys, &per_group, &on, "kinds of wait")?.0
    };
    let mut kinds_out = Vec::with_capacity(keys.height().max(1));
    let mut limits_out = Vec::with_capacity(keys.height().max(1));
    for list in lists.column(RULE)?.list()?.amortized_iter() {
        let mut pairs: Vec<&(String, u32)> = match list {
            Some(s) => s
                .as_ref()
                .u32()?
                .iter()
                .flatten()
                .filter_map(|i| applied.get(i as usize))
                .collect(),
            None => Vec::new(),
        };
        pairs.sort();
        let mut kinds: Vec<&str> = Vec::new();
        let mut limits: Vec<String> = Vec::new();
        for (kind, days) in pairs {
            if kinds.last() == Some(&kind.as_str()) {
                if let Some(l) = limits.last_mut() {
                    l.push_str(&format!("/{days}"));
                }
            } else {
                kinds.push(kind);
                limits.push(days.to_string());
            }
        }
        kinds_out.push(kinds.join(", "));
        limits_out.push(limits.join(", "));
    }
    Ok((kinds_out, limits_out))
}

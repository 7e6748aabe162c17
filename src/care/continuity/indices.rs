//! The continuity indices of each eligible patient, from the visits kept:
//! bucketed by patient, counted per clinician, followed in time for SECON.

use polars::prelude::*;

use super::{Continuity, CLINICIAN, P, PATIENT_NO, TIME};
use crate::care::records::bucketed;
use crate::error::Result;
use crate::stats::{ContinuityIndex, ContinuityIndices};

impl Continuity {
    /// The table of the `eligible` patients (their number, a row of
    /// `listed`, and indices), in the order of their ids: the group
    /// columns, the id, `visits`, `clinicians` and the indices.
    pub(super) fn eligible(
        &self,
        eligible: Vec<(IdxSize, ContinuityIndices)>,
        listed: &DataFrame,
    ) -> Result<DataFrame> {
        let rows = IdxCa::from_vec(
            PATIENT_NO.into(),
            eligible.iter().map(|(row, _)| *row).collect(),
        );
        let mut out = listed
            .select(std::iter::once(P).chain(self.group_columns()))?
            .take(&rows)?;
        out.with_column(Column::new(
            "visits".into(),
            eligible.iter().map(|(_, c)| c.visits).collect::<Vec<_>>(),
        ))?;
        out.with_column(Column::new(
            "clinicians".into(),
            eligible
                .iter()
                .map(|(_, c)| c.clinicians)
                .collect::<Vec<_>>(),
        ))?;
        for which in ContinuityIndex::ALL {
            let values: Vec<Option<f64>> = eligible.iter().map(|(_, c)| c.get(which)).collect();
            out.with_column(Column::new(which.name().into(), values))?;
        }
        let mut order: Vec<&str> = self.by.iter().map(String::as_str).collect();
        order.extend([P, "visits", "clinicians"]);
        order.extend(ContinuityIndex::ALL.map(ContinuityIndex::name));
        let mut out = out
            .sort([P], SortMultipleOptions::default())?
            .select(order)?;
        out.rename(P, self.visit_columns.patient.as_str().into())?;
        Ok(out)
    }
}

/// The indices of each patient with at least `min_visits` visits among
/// those `kept` (columns patient number, clinician and, when `sequential`,
/// the time), with the patient number, in the order of the numbers (below
/// `patients`), and how many patients had fewer visits. The visits are
/// bucketed by patient number (a counting sort: the numbers are the listing
/// rows), and each patient's clinicians are counted among their own visits;
/// for SECON the visits are followed in time, visits at the same time (the
/// same day, when dates carry no time) in the order of their clinician ids,
/// so that no index depends on the order of the rows.
pub(super) fn indices_per_patient(
    kept: &DataFrame,
    patients: usize,
    min_visits: usize,
    sequential: bool,
) -> Result<(Vec<(IdxSize, ContinuityIndices)>, usize)> {
    let (starts, order) = bucketed(kept.column(PATIENT_NO)?.idx()?, patients)?;
    let order = IdxCa::from_vec(PATIENT_NO.into(), order);
    let clinicians = kept.column(CLINICIAN)?.str()?.take(&order)?;
    let times = if sequential {
        let times = kept
            .column(TIME)?
            .to_physical_repr()
            .cast(&DataType::Int64)?;
        Some(times.i64()?.take(&order)?)
    } else {
        None
    };
    if clinicians.null_count() > 0 || times.as_ref().is_some_and(|t| t.null_count() > 0) {
        return Err(polars_err!(ComputeError: "a visit kept without a clinician or time").into());
    }
    let mut clinician = clinicians.iter().flatten(); // no nulls: checked above
    let mut time = times.as_ref().map(|t| t.into_no_null_iter());
    let (mut visits, mut in_time) = (Vec::new(), Vec::new());
    let (mut out, mut fewer) = (Vec::new(), 0);
    for p in 0..patients {
        let n = (starts[p + 1] - starts[p]) as usize;
        if n < min_visits {
            fewer += usize::from(n > 0);
            clinician.by_ref().take(n).for_each(drop);
            if let Some(time) = time.as_mut() {
                time.by_ref().take(n).for_each(drop);
            }
            continue;
        }
        visits.clear();
        visits.extend(clinician.by_ref().take(n));
        let same_pairs = time.as_mut().map(|time| {
            in_time.clear();
            in_time.extend(time.by_ref().take(n).zip(visits.iter().copied()));
            in_time.sort_unstable();
            in_time.windows(2).filter(|w| w[0].1 == w[1].1).count() as u64
        });
        out.push((
            p as IdxSize,
            ContinuityIndices::from_clinicians(&mut visits, same_pairs),
        ));
    }
    Ok((out, fewer))
}

//! The visits table at any scale: each visit a 16-byte record, made into
//! frames a range of rows at a time (see `chunks`); the generator in
//! `primary_care` fills it.

use std::ops::Range;

use polars::prelude::*;

use super::chunks::{numbered, RowSource};
use super::columns::{dates, frame, texts, texts_by_index};
use super::home_visits::HOME_VISIT;
use super::primary_care::{CHRONIC, OTHER};
use super::region::CENTRES;

/// The diagnosis code of a visit's `diagnosis` index: [`CHRONIC`]'s first, then [`OTHER`]'s.
fn diagnosis_code(index: u8) -> &'static str {
    let i = usize::from(index);
    CHRONIC
        .get(i)
        .map_or_else(|| OTHER[i - CHRONIC.len()].0, |c| c.0)
}

pub(super) const DOCTOR: u8 = 1;
pub(super) const REMOTE: u8 = 2;
pub(super) const AT_HOME: u8 = 4;

/// One visit, as small as the national scale needs (16 bytes).
#[derive(Debug, Clone, Copy)]
pub(super) struct Visit {
    /// The patient's index (the id is the first id plus it).
    pub patient: u32,
    /// Index into the staff's ids.
    pub clinician: u32,
    /// Day number.
    pub day: i32,
    /// Index into [`CENTRES`].
    pub unit: u8,
    /// See [`diagnosis_code`].
    pub diagnosis: u8,
    /// [`DOCTOR`], [`REMOTE`], [`AT_HOME`].
    pub flags: u8,
}

/// The `visits` table: `patient_id`, `clinician_id`, `profession`, `unit`,
/// `date`, `contact_type`, `diagnosis`, in order of date, made into frames
/// a range of rows at a time.
pub(crate) struct VisitRows {
    pub first_id: usize,
    pub clinicians: Vec<String>,
    pub visits: Vec<Visit>,
}

impl RowSource for VisitRows {
    fn height(&self) -> usize {
        self.visits.len()
    }

    fn frame(&self, rows: Range<usize>) -> crate::Result<DataFrame> {
        let v = &self.visits[rows];
        let is = |flag: u8| move |x: &Visit| x.flags & flag != 0;
        let (doctor, remote, home) = (is(DOCTOR), is(REMOTE), is(AT_HOME));
        frame(vec![
            numbered(
                "patient_id",
                'P',
                6,
                v.iter().map(|x| self.first_id + x.patient as usize),
            ),
            texts_by_index(
                "clinician_id",
                &self.clinicians,
                &v.iter().map(|x| x.clinician).collect::<Vec<_>>(),
            ),
            texts(
                "profession",
                v.iter()
                    .map(|x| {
                        if doctor(x) {
                            "läkare"
                        } else {
                            "sjuksköterska"
                        }
                    })
                    .collect(),
            ),
            texts(
                "unit",
                v.iter()
                    .map(|x| CENTRES[usize::from(x.unit)].name)
                    .collect(),
            ),
            dates("date", v.iter().map(|x| x.day).collect()),
            texts(
                "contact_type",
                v.iter()
                    .map(|x| match (home(x), remote(x)) {
                        (true, _) => HOME_VISIT,
                        (false, true) => "distans",
                        (false, false) => "besök",
                    })
                    .collect(),
            ),
            texts(
                "diagnosis",
                v.iter().map(|x| diagnosis_code(x.diagnosis)).collect(),
            ),
        ])
    }
}

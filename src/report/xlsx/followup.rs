//! The sheet "Framgångsfaktorer": every success factor per perspective and
//! strategic goal, its rating on the three-level scale (symbol, colour and
//! words, on the rating's fill), comment and responsible body, and below it
//! its measures with their answers, statuses, targets and ratings.

use rust_xlsxwriter::Worksheet;

use super::super::style::scale;
use super::{header_row, rating_format, Filled, Formats, Report};

/// The columns of the sheet, with their widths.
const COLUMNS: [(&str, f64); 11] = [
    ("Perspektiv", 16.0),
    ("Strategiskt mål", 34.0),
    ("Framgångsfaktor / mått", 50.0),
    ("Bedömning", 30.0),
    ("Utfall eller svar", 18.0),
    ("Status", 12.0),
    ("Mål", 26.0),
    ("Kommentar", 40.0),
    ("Ansvarig", 28.0),
    ("Rapporterat av", 24.0),
    ("Regel", 50.0),
];

/// One row per success factor, followed by a row per measure.
pub(super) fn factors_sheet(
    sheet: &mut Worksheet,
    report: &Report,
    formats: &Formats,
) -> Filled<()> {
    sheet.set_name("Framgångsfaktorer")?;
    header_row(sheet, &COLUMNS, formats)?;
    let mut row = 0u32;
    for perspective in crate::assess::Perspective::ALL {
        for goal in report
            .followup
            .iter()
            .filter(|g| g.perspective == perspective)
        {
            for factor in &goal.factors {
                row += 1;
                let (symbol, colour_word, meaning) = scale(factor.rating.rating);
                let words = if factor.rating.rating.is_some() {
                    format!("{symbol} {colour_word} – {meaning}")
                } else {
                    format!("{symbol} {}", factor.rating.words)
                };
                sheet.write_string(row, 0, perspective.name())?;
                sheet.write_string_with_format(row, 1, &goal.name_sv, &formats.text)?;
                let mut name = factor.name_sv.clone();
                if let Some(note) = &factor.note {
                    name.push_str(&format!(" ({note})"));
                }
                sheet.write_string_with_format(row, 2, name, &formats.bold)?;
                let fill = rating_format(&factor.rating.colour).set_text_wrap();
                sheet.write_string_with_format(row, 3, words, &fill)?;
                sheet.write_string_with_format(row, 7, &factor.comment, &formats.text)?;
                sheet.write_string_with_format(row, 8, &factor.responsible, &formats.text)?;
                sheet.write_string(row, 9, &factor.reported)?;
                sheet.write_string_with_format(row, 10, &factor.rating.rule, &formats.text)?;
                for m in &factor.measures {
                    row += 1;
                    sheet.write_string(row, 0, perspective.name())?;
                    sheet.write_string_with_format(row, 1, &goal.name_sv, &formats.text)?;
                    let origin = if m.computed {
                        "indikator"
                    } else {
                        "rapporterat"
                    };
                    sheet.write_string_with_format(
                        row,
                        2,
                        format!("   – {} ({origin})", m.name_sv),
                        &formats.text,
                    )?;
                    let fill = rating_format(&m.rating.colour).set_text_wrap();
                    sheet.write_string_with_format(row, 3, &m.rating.words, &fill)?;
                    sheet.write_string_with_format(row, 4, &m.answer, &formats.text)?;
                    if let Some(status) = &m.status {
                        sheet.write_string(row, 5, status)?;
                    }
                    if let Some(target) = &m.target {
                        sheet.write_string_with_format(row, 6, target, &formats.text)?;
                    }
                    sheet.write_string_with_format(row, 7, &m.comment, &formats.text)?;
                    sheet.write_string_with_format(row, 8, &m.responsible, &formats.text)?;
                    sheet.write_string(row, 9, &m.reported)?;
                    sheet.write_string_with_format(row, 10, &m.rating.rule, &formats.text)?;
                }
            }
        }
    }
    if row > 0 {
        sheet.autofilter(0, 0, row, (COLUMNS.len() - 1) as u16)?;
    }
    sheet.set_freeze_panes(1, 3)?;
    Ok(())
}

//! The appendix "Bilaga: alla framgångsfaktorer": every success factor of
//! the catalogue per perspective and strategic goal, its rating on the
//! three-level scale (symbol, colour and words), comment and responsible
//! body, and its measures with their answers, statuses, targets and
//! ratings; computed ones link to their indicator's section.

use super::super::model::{FactorResult, GoalResult, MeasureResult};
use super::super::style::scale;
use super::tables::colour_class;
use super::*;

/// The `id` of the appendix.
pub(super) const FACTORS_ANCHOR: &str = "framgangsfaktorer";

/// Whether the report has success factors to list.
pub(super) fn has_factors(report: &Report) -> bool {
    report.followup.iter().any(|g| !g.factors.is_empty())
}

/// The appendix, empty when the catalogue has no success factors.
pub(super) fn factors_appendix(report: &Report) -> String {
    if !has_factors(report) {
        return String::new();
    }
    let mut out = format!(
        "<section id=\"{FACTORS_ANCHOR}\" class=\"perspective\">\n\
         <h2>Bilaga: alla framgångsfaktorer</h2>\n\
         <p class=\"note\">Varje framgångsfaktor bedöms på regionens tregradiga skala: \
         <strong>✔ grön</strong> – rätt åtgärder är genomförda; <strong>◐ gul</strong> – rätt \
         åtgärder för att nå den under året är planerade eller påbörjade; <strong>✖ röd</strong> \
         – fel eller inga åtgärder. En faktor bedöms av den ansvariga (med kommentar) eller \
         härleds ur sina mått: grön när varje bedömt mått är uppfyllt, röd när inget är \
         uppfyllt eller delvis uppfyllt, annars gul; utan bedömda mått ingen bedömning. \
         Ett mått utan svar är ej rapporterat, aldrig noll. Cirklarna i sammanfattningen \
         räknar faktorerna här.</p>\n"
    );
    for (perspective, counts) in report.pie_counts() {
        let goals: Vec<&GoalResult> = report
            .followup
            .iter()
            .filter(|g| g.perspective == perspective && !g.factors.is_empty())
            .collect();
        if goals.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "<h3 id=\"{FACTORS_ANCHOR}-{}\">Perspektiv {}</h3>\n<p class=\"facts\">{}</p>\n",
            perspective_anchor(perspective).trim_start_matches("perspektiv-"),
            escape(perspective.name()),
            escape(&counts_in_words(&counts, report.counted()))
        ));
        for goal in goals {
            out.push_str(&goal_table(goal));
        }
    }
    out.push_str("</section>\n");
    out
}

fn goal_table(goal: &GoalResult) -> String {
    let en = goal
        .name_en
        .as_ref()
        .map(|e| format!("<span class=\"en\">{}</span>", escape(e)))
        .unwrap_or_default();
    let mut out = format!(
        "<h4>Strategiskt mål: {}{en}</h4>\n<table class=\"factors\">\n<thead><tr>\
         <th scope=\"col\">Framgångsfaktor och mått</th><th scope=\"col\">Bedömning</th>\
         <th scope=\"col\">Utfall eller svar</th><th scope=\"col\">Mål</th>\
         <th scope=\"col\">Kommentar och ansvarig</th></tr></thead>\n<tbody>\n",
        escape(&goal.name_sv)
    );
    for factor in &goal.factors {
        out.push_str(&factor_row(goal, factor));
        for measure in &factor.measures {
            out.push_str(&measure_row(measure));
        }
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// Text and, below it, smaller text (skipped when empty).
fn with_sub(main: &str, sub: &[&str]) -> String {
    let sub: Vec<&str> = sub.iter().copied().filter(|s| !s.is_empty()).collect();
    if sub.is_empty() {
        return main.to_string();
    }
    format!(
        "{main}<span class=\"sub\">{}</span>",
        sub.iter()
            .map(|s| escape(s))
            .collect::<Vec<_>>()
            .join(" · ")
    )
}

fn factor_row(goal: &GoalResult, factor: &FactorResult) -> String {
    let (symbol, colour_word, meaning) = scale(factor.rating.rating);
    let colour = colour_class(&factor.rating.colour);
    let how = if factor.rated_by_hand {
        "bedöms av den ansvariga"
    } else {
        "härledd ur måtten"
    };
    let note = factor.note.as_deref().unwrap_or("");
    let name = with_sub(
        &format!("<strong>{}</strong>", escape(&factor.name_sv)),
        &[factor.name_en.as_deref().unwrap_or(""), note, how],
    );
    let why = if factor.rating.rating.is_some() {
        meaning.to_string()
    } else {
        factor.rating.words.clone()
    };
    let badge = with_sub(
        &format!(
            "<span class=\"badge {colour}\"><span aria-hidden=\"true\">{symbol}</span> \
             {colour_word}</span>"
        ),
        &[&why, &factor.rating.rule],
    );
    let comment = if factor.comment.is_empty() {
        String::new()
    } else {
        escape(&factor.comment)
    };
    format!(
        "<tr class=\"factor\" data-factor=\"{}\" data-perspective=\"{}\" data-rating=\"{}\">\
         <td>{name}</td><td>{badge}</td><td></td><td></td><td>{}</td></tr>\n",
        escape(&factor.id),
        escape(goal.perspective.name()),
        factor.rating.rating.map_or("none", |r| r.label()),
        with_sub(&comment, &[&factor.responsible, &factor.reported]),
    )
}

fn measure_row(measure: &MeasureResult) -> String {
    let name = if measure.computed {
        format!(
            "<a href=\"#{}\">{}</a>",
            indicator_anchor(&measure.id),
            escape(&measure.name_sv)
        )
    } else {
        escape(&measure.name_sv)
    };
    let origin = if measure.computed {
        "indikator, beräknad ur data"
    } else {
        "rapporterat mått"
    };
    let mut facts = vec![origin];
    if let Some(s) = &measure.strategy {
        facts.push(s);
    }
    let priority = measure
        .priority
        .as_ref()
        .map(|p| format!("prioritet {p}"))
        .unwrap_or_default();
    facts.push(&priority);
    let rating = with_sub(
        &format!(
            "<span class=\"dot {}\" aria-hidden=\"true\"></span>{}",
            colour_class(&measure.rating.colour),
            escape(&measure.rating.words)
        ),
        &[&measure.rating.rule],
    );
    let status = measure
        .status
        .as_ref()
        .map(|s| format!("status: {s}"))
        .unwrap_or_default();
    let answer = with_sub(&escape(&measure.answer), &[&status]);
    format!(
        "<tr class=\"measure\" data-measure=\"{}\"><td>{}</td><td>{rating}</td><td>{answer}</td>\
         <td>{}</td><td>{}</td></tr>\n",
        escape(&measure.id),
        with_sub(&name, &facts),
        escape(measure.target.as_deref().unwrap_or("Inget mål")),
        with_sub(
            &escape(&measure.comment),
            &[&measure.responsible, &measure.reported]
        ),
    )
}

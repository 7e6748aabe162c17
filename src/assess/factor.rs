//! A success factor's rating derived from the ratings of its measures, the
//! rule the region's follow-up uses when a factor is not rated by hand.

use super::rating::{Assessment, MissingReason, Rating};

/// The rating of a success factor derived from its measures.
///
/// Each measure comes as its rating, or the reason it has none. The rule:
///
/// - **green** (uppfylld) when every rated measure is fulfilled;
/// - **red** (ej uppfylld) when no rated measure is fulfilled or partly
///   fulfilled, that is every rated measure is not fulfilled;
/// - **yellow** (delvis uppfylld) otherwise: some measures are on their
///   way (partly) or the measures disagree;
/// - measures without a rating are left out; with **no measure rated** the
///   factor has no rating and says why: the measures' common reason when
///   they share one (e.g. "mäts vid årets slut"), else "ej rapporterat",
///   the rule reading "ej bedömd — inga mått rapporterade".
///
/// The rule in words lists the counts ("härledd ur 3 bedömda mått: 2
/// uppfyllda, 1 delvis uppfyllt; 1 mått utan bedömning").
///
/// ```
/// use indikator::{derived_rating, MissingReason, Rating};
/// let a = derived_rating(&[
///     (Some(Rating::Fulfilled), None),
///     (Some(Rating::NotFulfilled), None),
///     (None, Some(MissingReason::NotReported)),
/// ]);
/// assert_eq!(a.rating, Some(Rating::Partly));
/// let none = derived_rating(&[(None, Some(MissingReason::NotReported))]);
/// assert_eq!((none.rating, none.missing), (None, Some(MissingReason::NotReported)));
/// assert_eq!(none.rule, "ej bedömd — inga mått rapporterade (1 mått: ej rapporterat)");
/// ```
pub fn derived_rating(measures: &[(Option<Rating>, Option<MissingReason>)]) -> Assessment {
    let count = |r: Rating| measures.iter().filter(|(x, _)| *x == Some(r)).count();
    let (fulfilled, partly, not) = (
        count(Rating::Fulfilled),
        count(Rating::Partly),
        count(Rating::NotFulfilled),
    );
    let rated = fulfilled + partly + not;
    let unrated = measures.len() - rated;
    if rated == 0 {
        let reasons: Vec<MissingReason> = measures
            .iter()
            .map(|(_, m)| m.unwrap_or(MissingReason::NotReported))
            .collect();
        let common = reasons
            .first()
            .copied()
            .filter(|first| reasons.iter().all(|r| r == first));
        let reason = common.unwrap_or(MissingReason::NotReported);
        let mut rule = "ej bedömd — inga mått rapporterade".to_string();
        if !reasons.is_empty() {
            rule.push_str(&format!(" ({})", reason_counts(&reasons)));
        }
        return Assessment {
            rating: None,
            missing: Some(reason),
            rule,
        };
    }
    let rating = if fulfilled == rated {
        Rating::Fulfilled
    } else if fulfilled + partly == 0 {
        Rating::NotFulfilled
    } else {
        Rating::Partly
    };
    let parts: Vec<String> = [
        (fulfilled, "uppfyllt", "uppfyllda"),
        (partly, "delvis uppfyllt", "delvis uppfyllda"),
        (not, "ej uppfyllt", "ej uppfyllda"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    let mut rule = format!("härledd ur {rated} bedömda mått: {}", parts.join(", "));
    if unrated > 0 {
        rule.push_str(&format!("; {unrated} mått utan bedömning"));
    }
    Assessment {
        rating: Some(rating),
        missing: None,
        rule,
    }
}

/// "2 mått: ej rapporterat, 1 mått: mäts vid årets slut", in first-seen order.
fn reason_counts(reasons: &[MissingReason]) -> String {
    let mut counts: Vec<(MissingReason, usize)> = Vec::new();
    for r in reasons {
        match counts.iter_mut().find(|(x, _)| x == r) {
            Some((_, n)) => *n += 1,
            None => counts.push((*r, 1)),
        }
    }
    counts
        .iter()
        .map(|(r, n)| format!("{n} mått: {}", r.swedish()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    fn rate(ratings: &[Option<Rating>]) -> Option<Rating> {
        let measures: Vec<_> = ratings
            .iter()
            .map(|r| (*r, r.is_none().then_some(MissingReason::NotReported)))
            .collect();
        derived_rating(&measures).rating
    }

    #[test]
    fn the_rule_case_by_case() {
        assert_eq!(rate(&[Some(Fulfilled), Some(Fulfilled)]), Some(Fulfilled));
        assert_eq!(rate(&[Some(Fulfilled), None]), Some(Fulfilled));
        assert_eq!(
            rate(&[Some(NotFulfilled), Some(NotFulfilled)]),
            Some(NotFulfilled)
        );
        assert_eq!(rate(&[Some(NotFulfilled), None]), Some(NotFulfilled));
        assert_eq!(rate(&[Some(Partly), Some(NotFulfilled)]), Some(Partly));
        assert_eq!(rate(&[Some(Partly)]), Some(Partly));
        assert_eq!(rate(&[Some(Fulfilled), Some(NotFulfilled)]), Some(Partly));
        assert_eq!(rate(&[Some(Fulfilled), Some(Partly)]), Some(Partly));
        assert_eq!(rate(&[None, None]), None);
        assert_eq!(rate(&[]), None);
    }

    #[test]
    fn the_rule_in_words_and_the_reason_when_nothing_is_rated() {
        let a = derived_rating(&[
            (Some(Fulfilled), None),
            (Some(Fulfilled), None),
            (Some(Partly), None),
            (None, Some(MissingReason::NotReported)),
        ]);
        assert_eq!(
            a.rule,
            "härledd ur 3 bedömda mått: 2 uppfyllda, 1 delvis uppfyllt; 1 mått utan bedömning"
        );
        let year_end = derived_rating(&[
            (None, Some(MissingReason::MeasuredAtYearEnd)),
            (None, Some(MissingReason::MeasuredAtYearEnd)),
        ]);
        assert_eq!(year_end.missing, Some(MissingReason::MeasuredAtYearEnd));
        assert_eq!(year_end.swedish(), "mäts vid årets slut");
        let mixed = derived_rating(&[
            (None, Some(MissingReason::MeasuredAtYearEnd)),
            (None, Some(MissingReason::NotReported)),
        ]);
        assert_eq!(mixed.missing, Some(MissingReason::NotReported));
        assert_eq!(
            mixed.rule,
            "ej bedömd — inga mått rapporterade (1 mått: mäts vid årets slut, 1 mått: ej rapporterat)"
        );
    }
}

//! Following up last time's actions: then and now with an earlier result
//! that carried the board's actions lists them with the change on the
//! questions each answers, and a status to record (done, in progress, not
//! started, dropped). The statuses then travel with the later result.

use super::{Change, Comparison, Mode};
use crate::actions::{Commitment, MAX_ACTIONS, Status};
use crate::share::{ShareBuildError, SharedResult};

/// The earlier and later entries of a then and now (none in another mode).
fn then_and_now(comparison: &Comparison) -> Option<(usize, usize)> {
    (comparison.mode == Mode::ThenAndNow)
        .then(|| super::then_and_now(comparison).ok())
        .flatten()
}

/// The earlier result's actions, for a then-and-now comparison whose
/// earlier result carried any; empty otherwise.
pub fn earlier_actions(comparison: &Comparison) -> &[Commitment] {
    then_and_now(comparison)
        .and_then(|(then, _)| comparison.entry(then))
        .map_or(&[], |entry| &entry.actions)
}

/// How each question `action` answers changed between the earlier and the
/// later result, in question order (none outside a then and now).
pub fn changes(comparison: &Comparison, action: &Commitment) -> Vec<(usize, Change)> {
    let Some((then, now)) = then_and_now(comparison) else {
        return Vec::new();
    };
    let (Some(then), Some(now)) = (comparison.entry(then), comparison.entry(now)) else {
        return Vec::new();
    };
    action
        .questions
        .iter()
        .map(|&q| (q, Change::between(then.response(q), now.response(q))))
        .collect()
}

/// The earlier actions with the statuses recorded, in their order; an
/// action given no status keeps the one it had.
pub fn with_statuses(actions: &[Commitment], statuses: &[Option<Status>]) -> Vec<Commitment> {
    actions
        .iter()
        .enumerate()
        .map(|(i, action)| Commitment {
            status: statuses.get(i).copied().flatten().or(action.status),
            ..action.clone()
        })
        .collect()
}

/// The later result carrying `followed_up` (the earlier actions with their
/// statuses) after its own actions, for the assessment to take up.
pub fn later_result(
    comparison: &Comparison,
    followed_up: Vec<Commitment>,
) -> Option<Result<SharedResult, ShareBuildError>> {
    let (_, now) = then_and_now(comparison)?;
    let now = comparison.entry(now)?;
    let answers = crate::scoring::Answers {
        notes: vec![String::new(); now.responses.len()],
        responses: now.responses.clone(),
    };
    let label =
        (!now.organisation.is_empty() || now.role != crate::label::Role::Unspecified).then(|| {
            crate::label::Label {
                organisation: now.organisation.clone(),
                role: now.role,
            }
        });
    let result = SharedResult::new(comparison.assessment, answers, label, now.date);
    Some(result.and_then(|result| result.with_actions(merge(&now.actions, &followed_up)?)))
}

/// `own` actions with `followed_up` ones added: an action already there
/// (the same words, lead, date, measure and questions) takes the status
/// recorded, so following up twice does not list it twice. Refused when
/// the list would be longer than [`MAX_ACTIONS`]: nothing is dropped
/// silently.
pub fn merge(
    own: &[Commitment],
    followed_up: &[Commitment],
) -> Result<Vec<Commitment>, ShareBuildError> {
    let same = |a: &Commitment, b: &Commitment| {
        a.what == b.what
            && a.lead == b.lead
            && a.by == b.by
            && a.measure == b.measure
            && a.questions == b.questions
    };
    let mut merged = own.to_vec();
    for action in followed_up {
        match merged.iter_mut().find(|kept| same(kept, action)) {
            Some(kept) => kept.status = action.status,
            None => merged.push(action.clone()),
        }
    }
    if merged.len() > MAX_ACTIONS {
        return Err(ShareBuildError::InvalidActions);
    }
    Ok(merged)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::actions::MonthYear;
    use crate::compare::Entry;
    use crate::content::default_assessment;
    use crate::date::Date;
    use crate::label::Role;
    use crate::model::Level::{Absent, Embedded, Siloed};
    use crate::scoring::Response;

    fn action(what: &str, questions: &[usize]) -> Commitment {
        Commitment {
            what: what.to_owned(),
            lead: "Chief digital officer".to_owned(),
            by: MonthYear::new(2026, 6),
            measure: "Reported to the board quarterly".to_owned(),
            questions: questions.to_vec(),
            status: None,
        }
    }

    fn entry(date: (i32, u32, u32), first: Response, actions: Vec<Commitment>) -> Entry {
        let mut responses =
            vec![Some(Response::Level(Siloed)); default_assessment().question_count()];
        responses[0] = Some(first);
        Entry {
            name: String::new(),
            organisation: "Torbay".to_owned(),
            role: Role::Board,
            date: Date::from_ymd(date.0, date.1, date.2),
            responses,
            actions,
        }
    }

    fn then_and_now_of(then: Entry, now: Entry) -> Comparison {
        Comparison {
            assessment: default_assessment(),
            mode: Mode::ThenAndNow,
            // Added later first: then and now goes by the dates.
            entries: vec![now, then],
        }
    }

    #[test]
    fn last_times_actions_come_with_the_change_on_their_questions() {
        let last_year = vec![
            action("Publish a data strategy", &[0, 1]),
            action("Train the board", &[]),
        ];
        let comparison = then_and_now_of(
            entry((2025, 11, 30), Response::Level(Absent), last_year.clone()),
            entry((2026, 12, 1), Response::Level(Embedded), Vec::new()),
        );
        assert_eq!(earlier_actions(&comparison), last_year.as_slice());
        assert_eq!(
            changes(&comparison, &last_year[0]),
            [(0, Change::Up(2)), (1, Change::Same)]
        );
        assert!(changes(&comparison, &last_year[1]).is_empty());

        // Not a then and now: nothing to follow up.
        let board = Comparison {
            mode: Mode::Board,
            ..comparison.clone()
        };
        assert!(earlier_actions(&board).is_empty());
        assert!(changes(&board, &last_year[0]).is_empty());
    }

    #[test]
    fn statuses_travel_with_the_later_result() {
        let last_year = vec![
            action("Publish a data strategy", &[0]),
            action("Train the board", &[]),
        ];
        let this_year = vec![action("Hire a CCIO", &[2])];
        let comparison = then_and_now_of(
            entry((2025, 11, 30), Response::Level(Absent), last_year.clone()),
            entry((2026, 12, 1), Response::Level(Siloed), this_year.clone()),
        );
        let followed_up = with_statuses(&last_year, &[Some(Status::Done), Some(Status::Dropped)]);
        let later = later_result(&comparison, followed_up).unwrap().unwrap();
        let actions = later.actions();
        assert_eq!(actions.len(), 3);
        assert_eq!(actions[0], this_year[0]);
        assert_eq!(actions[1].status, Some(Status::Done));
        assert_eq!(actions[2].status, Some(Status::Dropped));
        assert_eq!(later.date(), Date::from_ymd(2026, 12, 1));
        assert_eq!(later.label().unwrap().role, Role::Board);
        assert_eq!(later.answers().responses[0], Some(Response::Level(Siloed)));
        // Through a link and back, the statuses are still there.
        let payload = crate::share::encode(&later);
        let back = crate::share::decode(&payload, crate::content::ASSESSMENTS).unwrap();
        assert_eq!(back.actions(), actions);
    }

    #[test]
    fn following_up_twice_updates_and_never_drops_silently() {
        let last_year = vec![action("Publish a data strategy", &[0])];
        let first = with_statuses(&last_year, &[Some(Status::InProgress)]);
        let merged = merge(&[], &first).unwrap();
        let again = merge(&merged, &with_statuses(&last_year, &[Some(Status::Done)])).unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].status, Some(Status::Done));
        // No status recorded: the one it had stays.
        assert_eq!(with_statuses(&again, &[None])[0].status, Some(Status::Done));

        let many: Vec<_> = (0..MAX_ACTIONS)
            .map(|i| action(&format!("Own {i}"), &[]))
            .collect();
        assert_eq!(merge(&many, &first), Err(ShareBuildError::InvalidActions));
    }
}

//! The compare view's reducer. `reduce` is pure: it decides the next state
//! and records the side effects that should follow ([`Effect`]), which the
//! app performs. Every action is matched against every screen: an action
//! that does nothing on a screen says so, so a new action or screen cannot
//! be left out unnoticed.

use std::rc::Rc;
use yew::Reducible;

use super::action::Action;
use super::state::{Effect, Screen, State, Step};
use crate::effects::History;
use digital_board_core::actions::{Commitment, Status};
use digital_board_core::compare::agree::{self, Agreement};
use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::collect::{Collection, Origin};
use digital_board_core::compare::{Entry, MAX_NAME_CHARS, Mode, follow_up, spreads};
use digital_board_core::content::ASSESSMENTS;
use digital_board_core::handover::Handover;
use digital_board_core::share;

impl State {
    /// The effects that follow from going from `before` to `self`, with
    /// those the action asked for (`requested`), recorded in `self`.
    fn with_effects(mut self, before: &State, requested: Vec<Effect>) -> State {
        let mut effects = Vec::new();
        // Once the user leaves a comparison opened from a compare link,
        // its link leaves the address.
        if self.screen == Screen::Gather && before.screen != Screen::Gather {
            effects.push(Effect::ClearCompareFragment);
        }
        // Back and Forward move between screens: a new screen gets an entry
        // of its own, unless the action said how to record it; leaving a
        // damaged link, its entry becomes the new screen's.
        let mut asked = None;
        for effect in requested {
            match effect {
                Effect::RecordScreen(how) => asked = Some(how),
                effect => effects.push(effect),
            }
        }
        if let Some(step) = self.screen.step() {
            let changed = before.screen.step() != Some(step);
            let how = History::for_screen(asked, changed, before.screen.step().is_none());
            effects.extend(how.map(Effect::RecordScreen));
        }
        if self.agreement != before.agreement {
            effects.push(Effect::KeepAgreement(self.agreement.as_ref().map(
                |(comparison, agreement)| agree::draft_text(comparison, agreement),
            )));
        }
        if self.moves != before.moves || self.title() != before.title() {
            effects.push(Effect::ShowPage);
        }
        self.effects = before.effects.request(effects);
        self
    }
}

/// Sets `list[index]` to `value`, if there is such a position.
fn set<T>(list: &mut [T], index: usize, value: T) {
    if let Some(slot) = list.get_mut(index) {
        *slot = value;
    }
}

impl State {
    /// The state with the agreement being recorded changed by `change`.
    fn agreeing(&self, change: impl FnOnce(&mut Agreement)) -> State {
        let mut agreement = self.agreement.clone();
        if let Some((_, agreement)) = &mut agreement {
            change(agreement);
        }
        State {
            agreement,
            ..self.clone()
        }
    }

    /// The statuses recorded for `earlier` (last time's actions), one per
    /// action: none for actions of another comparison.
    pub fn statuses_for(&self, earlier: &[Commitment]) -> Vec<Option<Status>> {
        match &self.statuses {
            Some((actions, statuses)) if actions.as_slice() == earlier => statuses.clone(),
            _ => vec![None; earlier.len()],
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut requested = Vec::new();
        let next = match (action, &self.screen) {
            // A compare link (at load or pasted into the address bar).
            // Anything else in the address belongs to the assessment.
            (Action::OpenFragment(fragment), _) => {
                let Some(payload) = compare_codec::payload_from_fragment(&fragment) else {
                    return self;
                };
                // The browser made the address's entry: it is this screen's.
                requested.push(Effect::RecordScreen(History::Replace));
                match compare_codec::decode_with_change(payload, ASSESSMENTS) {
                    Ok((comparison, change)) => State {
                        collection: Rc::new(Collection::from_compare_link(
                            comparison.clone(),
                            change.as_ref(),
                        )),
                        added: None,
                        ..self.go(Screen::Comparison(Rc::new(comparison)))
                    },
                    Err(error) => self.go(Screen::BadLink(error)),
                }
            }
            // Back or Forward: the entry is recorded again, as the screen
            // shown may not be the one asked for (results no longer ready).
            (Action::ShowScreen(step), screen) if screen.step() != Some(step) => {
                requested.push(Effect::RecordScreen(History::Replace));
                match step {
                    Step::Gather => self.go(Screen::Gather),
                    // What was being recorded is still there.
                    Step::Agree if self.agreement.is_some() => match &self.agreement {
                        Some((comparison, _)) => self.go(Screen::Agree(comparison.clone())),
                        None => return self,
                    },
                    Step::Comparison | Step::Agree => match self
                        .collection
                        .readiness()
                        .map(|()| self.collection.comparison())
                    {
                        Ok(Some(comparison)) => State {
                            added: None,
                            ..self.go(Screen::Comparison(Rc::new(comparison)))
                        },
                        // No error message: the user asked for nothing.
                        _ if *screen == Screen::Gather => (*self).clone(),
                        _ => self.go(Screen::Gather),
                    },
                }
            }
            (Action::ShowScreen(_), _) => return self,
            // "Compare results" from the assessment; from a shared result
            // (its link given) the comparison starts with that result. A
            // result of another assessment than the one gathered so far, or
            // one already added, is left out.
            (Action::Open(shared_link), _) => {
                let mut collection = (*self.collection).clone();
                let shared = shared_link
                    .as_deref()
                    .and_then(share::payload_from_fragment)
                    .and_then(|payload| share::decode(payload, ASSESSMENTS).ok());
                if let Some(shared) = shared {
                    let entry = Entry::from_shared(&shared, "");
                    let same_assessment = collection
                        .assessment
                        .is_none_or(|a| a == shared.assessment());
                    if same_assessment && !collection.entries.iter().any(|e| e.same_result(&entry))
                    {
                        collection.assessment = Some(shared.assessment());
                        collection.entries.push(entry);
                    }
                }
                // Opened by the user: a new entry, even if it was showing
                // this screen when they left it.
                requested.push(Effect::RecordScreen(History::Push));
                self.go(Screen::Gather).with_collection(collection)
            }
            (Action::SetText(text), _) => State {
                text,
                ..(*self).clone()
            },
            // The assessment is another wasm bundle: the page switches.
            (Action::Leave, _) => {
                requested.push(Effect::Leave);
                (*self).clone()
            }

            (Action::Add, Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                let added = collection.add_text(&self.text, Origin::Pasted);
                State {
                    // Keep the text when something was wrong, so nothing
                    // pasted is lost and line numbers still match.
                    text: if collection.problems.is_empty() {
                        String::new()
                    } else {
                        self.text.clone()
                    },
                    added: Some(added),
                    error: None,
                    ..self.with_collection(collection)
                }
            }
            // The box keeps what it had: the paste never went into it.
            (Action::AddLongPaste { start, size }, Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                let added = collection.add_long_paste(&start, size);
                State {
                    added: Some(added),
                    error: None,
                    ..self.with_collection(collection)
                }
            }
            (Action::AddFiles(files), Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                let added = collection.add_files(&files);
                State {
                    added: Some(added),
                    error: None,
                    ..self.with_collection(collection)
                }
            }
            (Action::Remove(index), Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                collection.remove(index);
                collection.problems.clear();
                collection.notices.clear();
                collection.skipped = Default::default();
                State {
                    added: None,
                    ..self.with_collection(collection)
                }
            }
            (Action::SetName(index, name), Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                if let Some(entry) = collection.entries.get_mut(index) {
                    // Trimmed where shown and shared, not here: a space typed
                    // between two words must survive the next key press.
                    entry.name = name.chars().take(MAX_NAME_CHARS).collect();
                }
                self.with_collection(collection)
            }
            (Action::SetRole(index, role), Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                if let Some(entry) = collection.entries.get_mut(index) {
                    entry.role = role;
                }
                self.with_collection(collection)
            }
            (Action::SetMode(mode), Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                collection.chosen_mode = Some(mode);
                State {
                    error: None,
                    ..self.with_collection(collection)
                }
            }
            (Action::ShowComparison, Screen::Gather) => {
                // Ready means at least one result, so there is a comparison.
                match self
                    .collection
                    .readiness()
                    .map(|()| self.collection.comparison())
                {
                    Ok(Some(comparison)) => State {
                        added: None,
                        ..self.go(Screen::Comparison(Rc::new(comparison)))
                    },
                    Ok(None) => return self,
                    Err(reason) => State {
                        error: Some(reason),
                        moves: self.moves + 1,
                        ..(*self).clone()
                    },
                }
            }
            // The results are changed only where they are listed: the
            // comparison shown stays the one asked for.
            (
                Action::Add
                | Action::AddFiles(_)
                | Action::AddLongPaste { .. }
                | Action::Remove(_)
                | Action::SetName(..)
                | Action::SetRole(..)
                | Action::SetMode(_)
                | Action::ShowComparison,
                Screen::Comparison(_) | Screen::BadLink(_) | Screen::Agree(_),
            ) => return self,

            (Action::ChangeComparison, Screen::Comparison(_)) => self.go(Screen::Gather),
            (Action::ChangeComparison, Screen::Gather | Screen::BadLink(_) | Screen::Agree(_)) => {
                return self;
            }

            // The board's agreed answers: what was recorded for this
            // comparison is kept; a new comparison starts from its medians.
            (Action::OpenAgree, Screen::Comparison(comparison))
                if comparison.mode == Mode::Board =>
            {
                let agreement = match &self.agreement {
                    Some((recorded_for, agreement)) if recorded_for == comparison => {
                        agreement.clone()
                    }
                    _ => Agreement::suggested(&spreads(comparison)),
                };
                State {
                    agreement: Some((comparison.clone(), agreement)),
                    ..self.go(Screen::Agree(comparison.clone()))
                }
            }
            (Action::AgreeLevel(index, response), Screen::Agree(_)) => {
                self.agreeing(|agreement| set(&mut agreement.responses, index, Some(response)))
            }
            (Action::AgreeReason(index, text), Screen::Agree(_)) => {
                self.agreeing(|agreement| set(&mut agreement.reasons, index, text))
            }
            (Action::AgreeDissent(index, text), Screen::Agree(_)) => {
                self.agreeing(|agreement| set(&mut agreement.dissent, index, text))
            }
            (Action::SaveAgreed(today), Screen::Agree(comparison)) => {
                let Some((_, agreement)) = &self.agreement else {
                    return self;
                };
                let problems = agreement.problems();
                match agreement.result(comparison, today) {
                    // Taken up by the assessment: nothing is kept here.
                    Ok(result) if problems.is_empty() => {
                        requested.push(Effect::HandOver(Handover::BoardAnswers.to_text(&result)));
                        State {
                            agree_problems: Vec::new(),
                            agreement: None,
                            ..(*self).clone()
                        }
                    }
                    // `problems` says what `result` refused.
                    _ => State {
                        agree_problems: problems,
                        moves: self.moves + 1,
                        ..(*self).clone()
                    },
                }
            }
            (Action::CloseAgree, Screen::Agree(comparison)) => {
                self.go(Screen::Comparison(comparison.clone()))
            }
            (Action::SetStatus(index, status), Screen::Comparison(comparison)) => {
                let earlier = follow_up::earlier_actions(comparison);
                if index >= earlier.len() {
                    return self;
                }
                let mut statuses = self.statuses_for(earlier);
                set(&mut statuses, index, Some(status));
                State {
                    statuses: Some((earlier.to_vec(), statuses)),
                    ..(*self).clone()
                }
            }
            (Action::CarryStatuses, Screen::Comparison(comparison)) => {
                let earlier = follow_up::earlier_actions(comparison);
                if earlier.is_empty() {
                    return self;
                }
                let statuses = self.statuses_for(earlier);
                let missing: Vec<usize> = (0..earlier.len())
                    .filter(|&i| statuses.get(i).copied().flatten().is_none())
                    .collect();
                let later = missing.is_empty().then(|| {
                    follow_up::later_result(
                        comparison,
                        follow_up::with_statuses(earlier, &statuses),
                    )
                });
                match later {
                    Some(Some(Ok(result))) => {
                        requested.push(Effect::HandOver(Handover::FollowUp.to_text(&result)));
                        State {
                            status_problems: Vec::new(),
                            carry_refused: false,
                            ..(*self).clone()
                        }
                    }
                    _ => State {
                        carry_refused: missing.is_empty(),
                        status_problems: missing,
                        moves: self.moves + 1,
                        ..(*self).clone()
                    },
                }
            }
            // After a reload: the comparison and what was typed, or, if the
            // text kept is damaged, nothing (and it is forgotten).
            (Action::RestoreAgreement(text), _) => {
                match agree::from_draft_text(&text, ASSESSMENTS) {
                    Some((comparison, agreement)) => {
                        let comparison = Rc::new(comparison);
                        // The browser made the reloaded page's entry.
                        requested.push(Effect::RecordScreen(History::Replace));
                        State {
                            collection: Rc::new(Collection::from_comparison((*comparison).clone())),
                            agreement: Some((comparison.clone(), agreement)),
                            ..self.go(Screen::Agree(comparison))
                        }
                    }
                    None => {
                        requested.push(Effect::KeepAgreement(None));
                        (*self).clone()
                    }
                }
            }
            // Only on the screens that offer them.
            (
                Action::OpenAgree
                | Action::AgreeLevel(..)
                | Action::AgreeReason(..)
                | Action::AgreeDissent(..)
                | Action::SaveAgreed(_)
                | Action::CloseAgree
                | Action::SetStatus(..)
                | Action::CarryStatuses,
                Screen::Gather | Screen::Comparison(_) | Screen::BadLink(_) | Screen::Agree(_),
            ) => return self,
        };
        Rc::new(next.with_effects(&self, requested))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use digital_board_core::compare::agree::AgreeProblem;
    use digital_board_core::content::default_assessment;
    use digital_board_core::date::Date;
    use digital_board_core::label::{Label, Role};
    use digital_board_core::model::Level;
    use digital_board_core::scoring::{Answers, Response};

    fn run(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(State::default()), |state, action| {
                state.reduce(action)
            })
    }

    /// The effects `action` asks for from `state`, and the state after it.
    fn effects_of(state: &Rc<State>, action: Action) -> (Vec<Effect>, Rc<State>) {
        let next = state.clone().reduce(action);
        (next.effects.since(&state.effects).to_vec(), next)
    }

    /// A share link's fragment for answers all at `level`.
    fn shared_fragment(organisation: &str, level: Level) -> String {
        let assessment = default_assessment();
        let answers = Answers::from_responses(vec![
            Some(Response::Level(level));
            assessment.question_count()
        ]);
        let label = Label {
            organisation: organisation.into(),
            role: Role::Executive,
        };
        let result = share::SharedResult::new(assessment, answers, Some(label), None).unwrap();
        format!("#{}{}", share::FRAGMENT_PREFIX, share::encode(&result))
    }

    #[test]
    fn opening_from_a_shared_result_adds_it_once() {
        let link = shared_fragment("RXX", Level::Siloed);
        let state = run([Action::Open(Some(link.clone())), Action::Open(Some(link))]);
        assert_eq!(state.screen, Screen::Gather);
        assert_eq!(state.collection.entries.len(), 1);
        assert_eq!(state.moves, 2);
    }

    #[test]
    fn pasted_results_survive_leaving_and_coming_back() {
        let pasted = format!(
            "{}\n{}",
            shared_fragment("RXX", Level::Siloed),
            shared_fragment("RYY", Level::Embedded)
        );
        let state = run([
            Action::Open(None),
            Action::SetText(pasted),
            Action::Add,
            Action::Leave,
            Action::Open(None),
        ]);
        assert_eq!(state.collection.entries.len(), 2);
        assert_eq!(state.text, "", "added text leaves the box");
        assert_eq!(state.added, Some(2));
    }

    #[test]
    fn compare_needs_two_results_and_then_shows_the_comparison() {
        let state = run([
            Action::Open(Some(shared_fragment("RXX", Level::Siloed))),
            Action::ShowComparison,
        ]);
        assert_eq!(state.screen, Screen::Gather);
        assert!(state.error.is_some(), "one result is not enough");
        let state = state
            .reduce(Action::SetText(shared_fragment("RYY", Level::Absent)))
            .reduce(Action::Add)
            .reduce(Action::SetMode(Mode::System))
            .reduce(Action::ShowComparison);
        let Screen::Comparison(comparison) = &state.screen else {
            panic!("{:?}", state.screen)
        };
        assert_eq!(
            (comparison.mode, comparison.entries.len()),
            (Mode::System, 2)
        );
        assert_eq!(state.error, None);
        let state = state.reduce(Action::ChangeComparison);
        assert_eq!(state.screen, Screen::Gather);
        assert_eq!(state.collection.chosen_mode, Some(Mode::System));
    }

    #[test]
    fn a_damaged_compare_link_says_why_and_other_fragments_are_ignored() {
        let state = run([Action::OpenFragment("#r=not-ours".into())]);
        assert_eq!(*state, State::default());
        let state = state.reduce(Action::OpenFragment("#c=damaged".into()));
        let Screen::BadLink(error) = &state.screen else {
            panic!("{:?}", state.screen)
        };
        assert!(!error.message().is_empty());
    }

    #[test]
    fn a_compare_link_opens_its_comparison_and_leaving_it_clears_the_address() {
        let board = run([
            Action::Open(None),
            Action::SetText(format!(
                "{}\n{}",
                shared_fragment("RXX", Level::Siloed),
                shared_fragment("RXX", Level::Embedded)
            )),
            Action::Add,
            Action::SetMode(Mode::Board),
            Action::ShowComparison,
        ]);
        let Screen::Comparison(comparison) = &board.screen else {
            panic!("{:?}", board.screen)
        };
        let link = format!(
            "#{}{}",
            compare_codec::FRAGMENT_PREFIX,
            compare_codec::encode(comparison)
        );
        let (effects, opened) = effects_of(&Rc::new(State::default()), Action::OpenFragment(link));
        assert_eq!(opened.screen, board.screen);
        // The browser made the link's history entry: it is the comparison's.
        assert_eq!(
            effects,
            [Effect::RecordScreen(History::Replace), Effect::ShowPage]
        );
        let (effects, changed) = effects_of(&opened, Action::ChangeComparison);
        assert_eq!(changed.screen, Screen::Gather);
        assert_eq!(
            effects,
            [
                Effect::ClearCompareFragment,
                Effect::RecordScreen(History::Push),
                Effect::ShowPage
            ]
        );
    }

    #[test]
    fn leaving_asks_the_page_to_switch_and_keeps_everything() {
        let state = run([Action::Open(None), Action::SetText("half-typed".into())]);
        let (effects, left) = effects_of(&state, Action::Leave);
        assert_eq!(effects, [Effect::Leave]);
        assert_eq!(
            State {
                effects: state.effects.clone(),
                ..(*left).clone()
            },
            *state
        );
    }

    #[test]
    fn an_error_shows_the_page_and_clearing_it_changes_the_title() {
        let state = run([Action::Open(None)]);
        let (effects, failed) = effects_of(&state, Action::ShowComparison);
        assert!(failed.error.is_some());
        assert_eq!(effects, [Effect::ShowPage]);
        // Choosing a mode clears the error, and with it the title's "Error: ".
        let (effects, _) = effects_of(&failed, Action::SetMode(Mode::Board));
        assert_eq!(effects, [Effect::ShowPage]);
        // Typing changes neither.
        let (effects, _) = effects_of(&failed, Action::SetText("x".into()));
        assert_eq!(effects, []);
    }

    /// A share link's fragment: `levels` for the first questions (Siloed
    /// after), with `organisation`, `role`, a date and `actions`.
    fn member_fragment(
        organisation: &str,
        role: Role,
        date: Option<Date>,
        levels: &[Level],
        actions: Vec<Commitment>,
    ) -> String {
        let assessment = default_assessment();
        let mut responses = vec![Some(Response::Level(Level::Siloed)); assessment.question_count()];
        for (slot, level) in responses.iter_mut().zip(levels) {
            *slot = Some(Response::Level(*level));
        }
        let label = Label {
            organisation: organisation.into(),
            role,
        };
        let result = share::SharedResult::new(
            assessment,
            Answers::from_responses(responses),
            Some(label),
            date,
        )
        .unwrap()
        .with_actions(actions)
        .unwrap();
        format!("#{}{}", share::FRAGMENT_PREFIX, share::encode(&result))
    }

    fn compared(fragments: &[String], mode: Mode) -> Rc<State> {
        run([
            Action::SetText(fragments.join("\n")),
            Action::Add,
            Action::SetMode(mode),
            Action::ShowComparison,
        ])
    }

    /// The result a hand-over effect carries.
    fn handed_over(effects: &[Effect]) -> (Handover, share::SharedResult) {
        let text = effects
            .iter()
            .find_map(|effect| match effect {
                Effect::HandOver(text) => Some(text.clone()),
                _ => None,
            })
            .expect("a hand-over");
        Handover::from_text(&text, digital_board_core::content::ASSESSMENTS).unwrap()
    }

    #[test]
    fn the_boards_agreed_answers_start_from_the_median_and_are_handed_over() {
        use Level::{Absent, Embedded, Siloed};
        let members: Vec<String> = [
            (Role::Executive, [Absent, Absent]),
            (Role::Executive, [Siloed, Embedded]),
            (Role::NonExecutive, [Embedded, Embedded]),
            (Role::NonExecutive, [Siloed, Absent]),
            (Role::Unspecified, [Embedded, Absent]),
        ]
        .into_iter()
        .map(|(role, levels)| member_fragment("RR8", role, None, &levels, Vec::new()))
        .collect();
        let state = compared(&members, Mode::Board).reduce(Action::OpenAgree);
        let Screen::Agree(comparison) = &state.screen else {
            panic!("{:?}", state.screen)
        };
        assert_eq!(comparison.entries.len(), 5);
        let (_, agreement) = state.agreement.clone().unwrap();
        // A, S, S, E, E → Siloed; A, A, A, E, E → Absent; the rest all Siloed.
        assert_eq!(agreement.responses[0], Some(Response::Level(Siloed)));
        assert_eq!(agreement.responses[1], Some(Response::Level(Absent)));
        assert!(state.title().contains("Record the board"));

        // The chair changes one level and records why, and a dissent.
        let state = state
            .reduce(Action::AgreeLevel(1, Response::Level(Siloed)))
            .reduce(Action::AgreeReason(1, "Pilots in two divisions.".into()))
            .reduce(Action::AgreeDissent(1, "The CNIO says Absent.".into()));
        // What is typed is kept in the tab, and a reload brings it back.
        let (effects, typed) = effects_of(
            &state,
            Action::AgreeReason(2, "Agreed without dissent.".into()),
        );
        let kept = effects
            .iter()
            .find_map(|effect| match effect {
                Effect::KeepAgreement(Some(text)) => Some(text.clone()),
                _ => None,
            })
            .expect("the agreement kept");
        let reloaded = run([Action::RestoreAgreement(kept)]);
        assert!(matches!(reloaded.screen, Screen::Agree(_)));
        assert_eq!(
            reloaded.agreement.as_ref().map(|(_, a)| a),
            typed.agreement.as_ref().map(|(_, a)| a)
        );
        // Damaged text is forgotten, and nothing else changes.
        let (effects, damaged) = effects_of(
            &Rc::new(State::default()),
            Action::RestoreAgreement("dba-agreement 1\n???".into()),
        );
        assert_eq!(effects, [Effect::KeepAgreement(None)]);
        assert_eq!(damaged.screen, Screen::Gather);

        // Back to the comparison and in again: nothing typed is lost.
        let state = state.reduce(Action::CloseAgree).reduce(Action::OpenAgree);
        let today = Date::from_ymd(2026, 12, 7);
        let (effects, saved) = effects_of(&state, Action::SaveAgreed(today));
        assert!(saved.agree_problems.is_empty());
        // Taken up: nothing is kept in the tab any more.
        assert!(effects.contains(&Effect::KeepAgreement(None)));
        let (handover, result) = handed_over(&effects);
        assert_eq!(handover, Handover::BoardAnswers);
        assert_eq!(
            result.label(),
            Some(&Label {
                organisation: "RR8".into(),
                role: Role::Board
            })
        );
        assert_eq!(result.date(), today);
        assert_eq!(result.answers().responses[1], Some(Response::Level(Siloed)));
        assert_eq!(
            result.answers().notes[1],
            "Pilots in two divisions.\n\nDissent: The CNIO says Absent."
        );
    }

    #[test]
    fn a_split_question_must_be_decided_before_saving() {
        let members = [
            member_fragment("", Role::Executive, None, &[Level::Absent], Vec::new()),
            member_fragment("", Role::NonExecutive, None, &[Level::Embedded], Vec::new()),
        ];
        let state = compared(&members, Mode::Board).reduce(Action::OpenAgree);
        let (effects, refused) = effects_of(&state, Action::SaveAgreed(None));
        assert!(!effects.iter().any(|e| matches!(e, Effect::HandOver(_))));
        assert_eq!(refused.agree_problems, [(0, AgreeProblem::NoLevel)]);
        assert!(refused.shows_errors());
        assert!(
            effects.contains(&Effect::ShowPage),
            "focus goes to the errors"
        );
        let decided = refused.reduce(Action::AgreeLevel(0, Response::DontKnow));
        let (effects, _) = effects_of(&decided, Action::SaveAgreed(None));
        assert_eq!(
            handed_over(&effects).1.answers().responses[0],
            Some(Response::DontKnow)
        );
    }

    #[test]
    fn agreeing_is_offered_for_a_board_only_and_forward_returns_to_it() {
        let trusts = [
            shared_fragment("RXX", Level::Siloed),
            shared_fragment("RYY", Level::Absent),
        ];
        let system = compared(&trusts, Mode::System);
        assert!(Rc::ptr_eq(
            &system.clone().reduce(Action::OpenAgree),
            &system
        ));

        let board = compared(&trusts, Mode::Board).reduce(Action::OpenAgree);
        assert!(matches!(board.screen, Screen::Agree(_)));
        let back = board.reduce(Action::ShowScreen(Step::Comparison));
        assert!(matches!(back.screen, Screen::Comparison(_)));
        let forward = back.reduce(Action::ShowScreen(Step::Agree));
        assert!(matches!(forward.screen, Screen::Agree(_)));
    }

    fn commitment(what: &str, questions: &[usize]) -> Commitment {
        Commitment {
            what: what.into(),
            lead: "Chief digital officer".into(),
            by: digital_board_core::actions::MonthYear::new(2026, 3),
            measure: "Reported to the board".into(),
            questions: questions.to_vec(),
            status: None,
        }
    }

    #[test]
    fn last_times_actions_need_a_status_each_and_travel_with_the_later_result() {
        let last_year = vec![
            commitment("Publish a data strategy", &[0]),
            commitment("Train the board", &[]),
        ];
        let results = [
            member_fragment(
                "Torbay",
                Role::Board,
                Date::from_ymd(2025, 11, 30),
                &[Level::Absent],
                last_year.clone(),
            ),
            member_fragment(
                "Torbay",
                Role::Board,
                Date::from_ymd(2026, 12, 1),
                &[Level::Embedded],
                Vec::new(),
            ),
        ];
        let state = compared(&results, Mode::ThenAndNow);
        assert!(matches!(state.screen, Screen::Comparison(_)));
        let state = state.reduce(Action::SetStatus(0, Status::Done));
        let (effects, refused) = effects_of(&state, Action::CarryStatuses);
        assert!(!effects.iter().any(|e| matches!(e, Effect::HandOver(_))));
        assert_eq!(refused.status_problems, [1]);
        // An action that is not there is ignored.
        let refused = refused.reduce(Action::SetStatus(7, Status::Done));
        let state = refused.reduce(Action::SetStatus(1, Status::Dropped));
        let (effects, _) = effects_of(&state, Action::CarryStatuses);
        let (handover, later) = handed_over(&effects);
        assert_eq!(handover, Handover::FollowUp);
        assert_eq!(later.date(), Date::from_ymd(2026, 12, 1));
        let statuses: Vec<_> = later.actions().iter().map(|a| a.status).collect();
        assert_eq!(statuses, [Some(Status::Done), Some(Status::Dropped)]);

        // Statuses belong to the actions they were recorded for.
        let state = state
            .reduce(Action::ChangeComparison)
            .reduce(Action::ShowComparison);
        let Screen::Comparison(comparison) = &state.screen else {
            panic!()
        };
        assert_eq!(
            state.statuses_for(follow_up::earlier_actions(comparison)),
            [Some(Status::Done), Some(Status::Dropped)]
        );
        assert_eq!(state.statuses_for(&[commitment("Other", &[])]), [None]);
    }

    #[test]
    fn steps_have_keys_for_the_history() {
        for step in [Step::Gather, Step::Comparison, Step::Agree] {
            assert_eq!(Step::from_key(step.key()), Some(step));
        }
        assert_eq!(Step::from_key("results"), None);
    }

    #[test]
    fn opening_the_view_adds_a_history_entry_even_on_the_same_screen() {
        let state = run([Action::Open(None)]);
        let (effects, again) = effects_of(&state, Action::Open(None));
        assert_eq!(again.screen, Screen::Gather);
        assert_eq!(
            effects,
            [Effect::RecordScreen(History::Push), Effect::ShowPage]
        );
    }

    #[test]
    fn back_and_forward_between_gathering_and_the_comparison() {
        let gathered = run([
            Action::Open(None),
            Action::SetText(format!(
                "{}\n{}",
                shared_fragment("RXX", Level::Siloed),
                shared_fragment("RYY", Level::Embedded)
            )),
            Action::Add,
        ]);
        let (effects, compared) = effects_of(&gathered, Action::ShowComparison);
        assert!(matches!(compared.screen, Screen::Comparison(_)));
        assert_eq!(
            effects,
            [Effect::RecordScreen(History::Push), Effect::ShowPage]
        );
        let (effects, back) = effects_of(&compared, Action::ShowScreen(Step::Gather));
        assert_eq!(back.screen, Screen::Gather);
        assert_eq!(
            effects,
            [
                Effect::ClearCompareFragment,
                Effect::RecordScreen(History::Replace),
                Effect::ShowPage
            ]
        );
        let forward = back.reduce(Action::ShowScreen(Step::Comparison));
        assert_eq!(forward.screen, compared.screen);

        // Forward to a comparison the results no longer make: the gather
        // screen stays, with no error (the user asked for nothing), and
        // the entry says so.
        let one = run([Action::Open(Some(shared_fragment("RXX", Level::Siloed)))]);
        let (effects, stayed) = effects_of(&one, Action::ShowScreen(Step::Comparison));
        assert_eq!((&stayed.screen, &stayed.error), (&Screen::Gather, &None));
        assert_eq!(effects, [Effect::RecordScreen(History::Replace)]);
    }
}

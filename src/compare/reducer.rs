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
use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::collect::{Collection, Origin};
use digital_board_core::compare::{Entry, MAX_NAME_CHARS};
use digital_board_core::content::ASSESSMENTS;
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
        if self.moves != before.moves || self.title() != before.title() {
            effects.push(Effect::ShowPage);
        }
        self.effects = before.effects.request(effects);
        self
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
                match compare_codec::decode(payload, ASSESSMENTS) {
                    Ok(comparison) => State {
                        collection: Rc::new(Collection::from_comparison(comparison.clone())),
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
                    Step::Comparison => match self
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
            (Action::AddFiles(files), Screen::Gather) => {
                let mut collection = (*self.collection).clone();
                let mut problems = Vec::new();
                let mut added = 0;
                for (name, text) in &files {
                    added += collection.add_text(text, Origin::File(name));
                    problems.append(&mut collection.problems);
                }
                collection.problems = problems;
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
                | Action::Remove(_)
                | Action::SetName(..)
                | Action::SetRole(..)
                | Action::SetMode(_)
                | Action::ShowComparison,
                Screen::Comparison(_) | Screen::BadLink(_),
            ) => return self,

            (Action::ChangeComparison, Screen::Comparison(_)) => self.go(Screen::Gather),
            (Action::ChangeComparison, Screen::Gather | Screen::BadLink(_)) => return self,
        };
        Rc::new(next.with_effects(&self, requested))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use digital_board_core::compare::Mode;
    use digital_board_core::content::default_assessment;
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

    #[test]
    fn steps_have_keys_for_the_history() {
        for step in [Step::Gather, Step::Comparison] {
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

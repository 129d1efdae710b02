//! State and reducer of the compare view (its own wasm bundle, see
//! `mount_compare`): the results gathered, the paste box and which of its
//! three screens is showing. Pure, like `state`: leaving the view and
//! clearing the address happen in `compare_app`.

use std::rc::Rc;
use yew::Reducible;

use super::state::Action;
use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::collect::{Collection, Origin};
use digital_board_core::compare::{Entry, MAX_NAME_CHARS};
use digital_board_core::content::ASSESSMENTS;
use digital_board_core::share;

/// Which screen of the compare view is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareScreen {
    /// Gathering results to compare: paste links or choose files.
    Gather,
    /// Results side by side.
    Comparison,
    /// A compare link that could not be read.
    BadLink,
}

/// Everything the compare view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareState {
    /// The current screen.
    pub screen: CompareScreen,
    /// Results gathered (never saved: they are other people's answers; the
    /// compare link keeps them). Kept while the user goes back to their own
    /// assessment, so nothing pasted is lost.
    pub collection: Rc<Collection>,
    /// The text in the paste box.
    pub text: String,
    /// How many results the last "Add results" added.
    pub added: Option<usize>,
    /// Why the comparison cannot be shown yet, on [`CompareScreen::Gather`].
    pub error: Option<String>,
    /// Why the compare link could not be read, on [`CompareScreen::BadLink`].
    pub link_error: Option<String>,
    /// Counts screen changes and error displays, so the app knows when to
    /// move focus (never on first load).
    pub moves: u32,
}

impl Default for CompareState {
    fn default() -> Self {
        CompareState {
            screen: CompareScreen::Gather,
            collection: Rc::default(),
            text: String::new(),
            added: None,
            error: None,
            link_error: None,
            moves: 0,
        }
    }
}

impl CompareState {
    fn go(&self, screen: CompareScreen) -> Self {
        CompareState {
            screen,
            error: None,
            moves: self.moves + 1,
            ..self.clone()
        }
    }

    fn with_collection(&self, collection: Collection) -> Self {
        CompareState {
            collection: Rc::new(collection),
            ..self.clone()
        }
    }
}

impl Reducible for CompareState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match (action, self.screen) {
            // A compare link (at load or pasted into the address bar).
            // Anything else in the address belongs to the assessment.
            (Action::OpenFragment(fragment), _) => {
                let Some(payload) = compare_codec::payload_from_fragment(&fragment) else {
                    return self;
                };
                match compare_codec::decode(payload, ASSESSMENTS) {
                    Ok(comparison) => CompareState {
                        collection: Rc::new(Collection::from_comparison(comparison)),
                        added: None,
                        link_error: None,
                        ..self.go(CompareScreen::Comparison)
                    },
                    Err(error) => CompareState {
                        link_error: Some(error.message()),
                        ..self.go(CompareScreen::BadLink)
                    },
                }
            }
            // "Compare results" from the assessment; from a shared result
            // (its link given) the comparison starts with that result. A
            // result of another assessment than the one gathered so far, or
            // one already added, is left out.
            (Action::OpenCompare(shared_link), _) => {
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
                CompareState {
                    link_error: None,
                    ..self.go(CompareScreen::Gather).with_collection(collection)
                }
            }
            (Action::CompareText(text), _) => CompareState {
                text,
                ..(*self).clone()
            },
            (Action::CompareAdd, CompareScreen::Gather) => {
                let mut collection = (*self.collection).clone();
                let added = collection.add_text(&self.text, Origin::Pasted);
                CompareState {
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
            (Action::CompareFiles(files), CompareScreen::Gather) => {
                let mut collection = (*self.collection).clone();
                let mut problems = Vec::new();
                let mut added = 0;
                for (name, text) in &files {
                    added += collection.add_text(text, Origin::File(name));
                    problems.append(&mut collection.problems);
                }
                collection.problems = problems;
                CompareState {
                    added: Some(added),
                    error: None,
                    ..self.with_collection(collection)
                }
            }
            (Action::CompareRemove(index), _) => {
                let mut collection = (*self.collection).clone();
                collection.remove(index);
                collection.problems.clear();
                CompareState {
                    added: None,
                    ..self.with_collection(collection)
                }
            }
            (Action::CompareName(index, name), _) => {
                let mut collection = (*self.collection).clone();
                if let Some(entry) = collection.entries.get_mut(index) {
                    // Trimmed where shown and shared, not here: a space typed
                    // between two words must survive the next key press.
                    entry.name = name.chars().take(MAX_NAME_CHARS).collect();
                }
                self.with_collection(collection)
            }
            (Action::CompareRole(index, role), _) => {
                let mut collection = (*self.collection).clone();
                if let Some(entry) = collection.entries.get_mut(index) {
                    entry.role = role;
                }
                self.with_collection(collection)
            }
            (Action::CompareMode(mode), _) => {
                let mut collection = (*self.collection).clone();
                collection.chosen_mode = Some(mode);
                CompareState {
                    error: None,
                    ..self.with_collection(collection)
                }
            }
            (Action::ShowComparison, CompareScreen::Gather) => match self.collection.readiness() {
                Ok(()) => CompareState {
                    added: None,
                    ..self.go(CompareScreen::Comparison)
                },
                Err(reason) => CompareState {
                    error: Some(reason),
                    moves: self.moves + 1,
                    ..(*self).clone()
                },
            },
            (Action::ChangeComparison, CompareScreen::Comparison) => self.go(CompareScreen::Gather),
            // Actions that do not apply to the current screen change nothing.
            _ => return self,
        };
        Rc::new(next)
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

    fn run(actions: impl IntoIterator<Item = Action>) -> Rc<CompareState> {
        actions
            .into_iter()
            .fold(Rc::new(CompareState::default()), |state, action| {
                state.reduce(action)
            })
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
        let state = run([
            Action::OpenCompare(Some(link.clone())),
            Action::OpenCompare(Some(link)),
        ]);
        assert_eq!(state.screen, CompareScreen::Gather);
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
            Action::OpenCompare(None),
            Action::CompareText(pasted),
            Action::CompareAdd,
            Action::OpenCompare(None),
        ]);
        assert_eq!(state.collection.entries.len(), 2);
        assert_eq!(state.text, "", "added text leaves the box");
        assert_eq!(state.added, Some(2));
    }

    #[test]
    fn compare_needs_two_results_and_then_shows_the_comparison() {
        let state = run([
            Action::OpenCompare(Some(shared_fragment("RXX", Level::Siloed))),
            Action::ShowComparison,
        ]);
        assert_eq!(state.screen, CompareScreen::Gather);
        assert!(state.error.is_some(), "one result is not enough");
        let state = state
            .reduce(Action::CompareText(shared_fragment("RYY", Level::Absent)))
            .reduce(Action::CompareAdd)
            .reduce(Action::CompareMode(Mode::System))
            .reduce(Action::ShowComparison);
        assert_eq!(state.screen, CompareScreen::Comparison);
        assert_eq!(state.error, None);
        let state = state.reduce(Action::ChangeComparison);
        assert_eq!(state.screen, CompareScreen::Gather);
        assert_eq!(state.collection.chosen_mode, Some(Mode::System));
    }

    #[test]
    fn a_damaged_compare_link_says_why_and_other_fragments_are_ignored() {
        let state = run([Action::OpenFragment("#r=not-ours".into())]);
        assert_eq!(*state, CompareState::default());
        let state = state.reduce(Action::OpenFragment("#c=damaged".into()));
        assert_eq!(state.screen, CompareScreen::BadLink);
        assert!(state.link_error.as_deref().is_some_and(|m| !m.is_empty()));
    }
}

//! The assessment's state and the reducer that changes it. `reduce` is
//! pure: titles, focus and anything else touching the page happen in `app`.
//! [`Action`] is shared with the compare view's reducer (`compare_state`),
//! so the pages of both send the same actions; each reducer ignores the
//! others'.

use std::rc::Rc;
use yew::Reducible;

use digital_board_core::compare::Mode;
use digital_board_core::compare::codec as compare_codec;
use digital_board_core::content::ASSESSMENTS;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Assessment;
use digital_board_core::saved;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::share::{self, SharedResult};

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// What this is and a "Start now" button.
    Start,
    /// One question, by position.
    Question(usize),
    /// Every answer with Change links.
    CheckAnswers,
    /// Scores, chart and discussion points.
    Results,
    /// Someone else's results, opened from a share link (read-only).
    Shared,
    /// A share link that could not be read.
    BadLink,
    /// "Start again" or "Clear my answers", asking before this browser's
    /// answers are deleted; "Keep my answers" goes back to the page named.
    ConfirmStartAgain(ReturnTo),
    /// "Edit a copy" of a shared result, asking before it replaces the
    /// answers this browser already has.
    ConfirmEditCopy,
}

/// The page a question asked before deleting answers goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnTo {
    /// The start page ("Clear my answers").
    Start,
    /// The results page ("Start again").
    Results,
}

/// Everything the widget shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The assessment being answered.
    pub assessment: &'static Assessment,
    /// The current screen.
    pub page: Page,
    /// Answers so far.
    pub answers: Answers,
    /// Whether the current question was submitted without an answer.
    pub show_error: bool,
    /// Whether Continue should go back to Check your answers (after Change).
    pub returning_to_check: bool,
    /// Counts page changes and error displays, so the app knows when to
    /// move focus (never on first load, so an embedding page keeps focus).
    pub moves: u32,
    /// Answers saved in this browser earlier, offered on the start page.
    pub resume: Option<Answers>,
    /// A message about saving, shown until the next page change.
    pub notice: Option<&'static str>,
    /// Whether saving has failed (so it is said once, and not retried).
    pub storage_failed: bool,
    /// Counts requests to clear stored answers, for the app's effect.
    pub clears: u32,
    /// The result opened from a share link, shown on [`Page::Shared`].
    pub shared: Option<Rc<SharedResult>>,
    /// Why the share link could not be read, shown on [`Page::BadLink`].
    pub link_error: Option<String>,
    /// Organisation and role to put in share links and exports.
    pub label: Label,
    /// Whether share links carry the notes.
    pub include_notes: bool,
}

/// Said once when the browser will not let the widget save.
pub const CANNOT_SAVE: &str = "Your answers cannot be saved in this browser, because storage is blocked or full. You can still finish the assessment, but if you close or reload this page your answers will be lost.";

/// Said on the start page once answers have been deleted.
pub const ANSWERS_DELETED: &str = "Your answers have been deleted from this browser.";

/// Something the user did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// "Start now".
    Start,
    /// A radio was chosen for a question.
    Choose(usize, Response),
    /// The notes for a question changed.
    Note(usize, String),
    /// "Continue" on a question page.
    Continue,
    /// The "Back" link.
    Back,
    /// A "Change" link on Check your answers.
    Change(usize),
    /// "See your results" on Check your answers.
    ShowResults,
    /// "Change your answers" from the results page.
    ReviewAnswers,
    /// "Start again" or "Clear my answers": ask before deleting anything.
    StartAgain,
    /// "Delete my answers": forget every answer, here and in storage.
    ConfirmStartAgain,
    /// "Keep my answers": back from a question asked before deleting or
    /// replacing answers.
    KeepAnswers,
    /// "Continue where you left off" with answers saved earlier.
    Resume,
    /// Saving to the browser failed.
    StorageFailed,
    /// The page's URL fragment (at load or after a change): a share link
    /// opens its results; anything else is left alone.
    OpenFragment(String),
    /// "Start your own assessment" from a shared result or a bad link.
    StartOwn,
    /// "Edit a copy" of a shared result: its answers become this
    /// browser's (after asking, if this browser has answers of its own).
    EditCopy,
    /// "Replace my answers" with the copy of a shared result.
    ConfirmEditCopy,
    /// The organisation name or ODS code typed for sharing.
    SetOrganisation(String),
    /// The role chosen for sharing.
    SetRole(Role),
    /// Whether to include notes in the share link.
    IncludeNotes(bool),
    /// "Compare results": open the compare view, which is its own wasm
    /// bundle (`compare_app`), starting with the shared result whose link
    /// (fragment) is given. The assessment's app hands it to the page.
    OpenCompare(Option<String>),
    /// The text in the compare page's paste box changed.
    CompareText(String),
    /// "Add results" with the pasted text.
    CompareAdd,
    /// Files chosen for comparing, as (name, text).
    CompareFiles(Vec<(String, String)>),
    /// "Remove" on a result.
    CompareRemove(usize),
    /// The name typed for a result.
    CompareName(usize, String),
    /// The role chosen for a result.
    CompareRole(usize, Role),
    /// The kind of comparison chosen.
    CompareMode(Mode),
    /// "Compare": show the comparison if it can be shown.
    ShowComparison,
    /// "Change the results" from the comparison.
    ChangeComparison,
    /// "Back" from the compare page, or "Leave the comparison".
    LeaveCompare,
}

impl State {
    /// A fresh start page for an assessment.
    pub fn new(assessment: &'static Assessment) -> Self {
        State {
            assessment,
            page: Page::Start,
            answers: Answers::empty(assessment.question_count()),
            show_error: false,
            returning_to_check: false,
            moves: 0,
            resume: None,
            notice: None,
            storage_failed: false,
            clears: 0,
            shared: None,
            link_error: None,
            label: Label::default(),
            include_notes: false,
        }
    }

    /// The start page, offering `resume` if earlier answers were found and
    /// showing `notice` if saved answers could not be read.
    pub fn opened(
        assessment: &'static Assessment,
        resume: Option<Answers>,
        notice: Option<&'static str>,
    ) -> Self {
        State {
            resume,
            notice,
            ..State::new(assessment)
        }
    }

    fn go(&self, page: Page) -> Self {
        State {
            page,
            show_error: false,
            notice: None,
            moves: self.moves + 1,
            ..self.clone()
        }
    }

    /// The answers this browser holds, in the page or saved earlier, if
    /// there is anything in them to lose.
    pub fn own_answers(&self) -> Option<&Answers> {
        if saved::has_progress(&self.answers) {
            Some(&self.answers)
        } else {
            self.resume
                .as_ref()
                .filter(|answers| saved::has_progress(answers))
        }
    }

    fn last_question(&self) -> usize {
        self.assessment.question_count() - 1
    }

    /// Where an answered question leads: the next question, or Check your
    /// answers at the end or when changing an answer.
    fn after_question(&self, index: usize) -> Page {
        if self.returning_to_check || index >= self.last_question() {
            match self.answers.first_unanswered() {
                // Changing an answer must not skip a question never answered.
                Some(missing) if !self.returning_to_check => Page::Question(missing),
                _ => Page::CheckAnswers,
            }
        } else {
            Page::Question(index + 1)
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match (action, self.page) {
            (Action::Start, _) => State {
                returning_to_check: false,
                ..self.go(Page::Question(0))
            },
            (Action::Choose(index, response), _) => {
                let mut next = (*self).clone();
                if let Some(slot) = next.answers.responses.get_mut(index) {
                    *slot = Some(response);
                }
                next
            }
            (Action::Note(index, text), _) => {
                let mut next = (*self).clone();
                if let Some(slot) = next.answers.notes.get_mut(index) {
                    *slot = text;
                }
                next
            }
            (Action::Continue, Page::Question(index)) => {
                if self.answers.response(index).is_some() {
                    // Answering ends any Change: the next page is decided now.
                    State {
                        returning_to_check: false,
                        ..self.go(self.after_question(index))
                    }
                } else {
                    State {
                        show_error: true,
                        moves: self.moves + 1,
                        ..(*self).clone()
                    }
                }
            }
            (Action::Back, Page::Question(_)) if self.returning_to_check => State {
                returning_to_check: false,
                ..self.go(Page::CheckAnswers)
            },
            (Action::Back, Page::Question(0)) => self.go(Page::Start),
            (Action::Back, Page::Question(index)) => self.go(Page::Question(index - 1)),
            (Action::Back, Page::CheckAnswers) => self.go(Page::Question(self.last_question())),
            (Action::Back, Page::Results) | (Action::ReviewAnswers, _) => {
                self.go(Page::CheckAnswers)
            }
            (Action::Change(index), _) if index <= self.last_question() => State {
                returning_to_check: true,
                ..self.go(Page::Question(index))
            },
            (Action::ShowResults, _) => match self.answers.first_unanswered() {
                None => self.go(Page::Results),
                Some(missing) => State {
                    show_error: true,
                    returning_to_check: false,
                    ..self.go(Page::Question(missing))
                },
            },
            (Action::StartAgain, Page::Start | Page::Results) if self.own_answers().is_some() => {
                self.go(Page::ConfirmStartAgain(if self.page == Page::Results {
                    ReturnTo::Results
                } else {
                    ReturnTo::Start
                }))
            }
            (Action::ConfirmStartAgain, Page::ConfirmStartAgain(_)) => State {
                moves: self.moves + 1,
                clears: self.clears + 1,
                storage_failed: self.storage_failed,
                notice: Some(ANSWERS_DELETED),
                ..State::new(self.assessment)
            },
            (Action::KeepAnswers, Page::ConfirmStartAgain(ReturnTo::Start)) => self.go(Page::Start),
            (Action::KeepAnswers, Page::ConfirmStartAgain(ReturnTo::Results)) => {
                self.go(Page::Results)
            }
            (Action::KeepAnswers, Page::ConfirmEditCopy) => self.go(Page::Shared),
            (Action::Resume, Page::Start) => match &self.resume {
                Some(saved) => {
                    let page = saved
                        .first_unanswered()
                        .map_or(Page::CheckAnswers, Page::Question);
                    State {
                        answers: saved.clone(),
                        resume: None,
                        ..self.go(page)
                    }
                }
                None => return self,
            },
            (Action::OpenFragment(fragment), _) => {
                // A compare link is the compare view's (`compare_app`).
                if compare_codec::payload_from_fragment(&fragment).is_some() {
                    return self;
                }
                let Some(payload) = share::payload_from_fragment(&fragment) else {
                    // Leaving a shared result by the browser's Back button
                    // takes the link away: return to the start.
                    return if matches!(
                        self.page,
                        Page::Shared | Page::BadLink | Page::ConfirmEditCopy
                    ) {
                        State {
                            shared: None,
                            link_error: None,
                            ..self.go(Page::Start)
                        }
                        .into()
                    } else {
                        self
                    };
                };
                match share::decode(payload, ASSESSMENTS) {
                    Ok(result) => State {
                        shared: Some(Rc::new(result)),
                        link_error: None,
                        ..self.go(Page::Shared)
                    },
                    Err(error) => State {
                        shared: None,
                        link_error: Some(error.message()),
                        ..self.go(Page::BadLink)
                    },
                }
            }
            (Action::StartOwn, Page::Shared | Page::BadLink) => State {
                shared: None,
                link_error: None,
                ..self.go(Page::Start)
            },
            (Action::EditCopy, Page::Shared) if self.own_answers().is_some() => {
                self.go(Page::ConfirmEditCopy)
            }
            (Action::EditCopy, Page::Shared) | (Action::ConfirmEditCopy, Page::ConfirmEditCopy) => {
                match &self.shared {
                    Some(result) => State {
                        assessment: result.assessment(),
                        answers: result.answers().clone(),
                        label: result.label().cloned().unwrap_or_default(),
                        resume: None,
                        shared: None,
                        ..self.go(Page::CheckAnswers)
                    },
                    _ => return self,
                }
            }
            (Action::SetOrganisation(organisation), _) => State {
                label: Label {
                    organisation,
                    role: self.label.role,
                },
                ..(*self).clone()
            },
            (Action::SetRole(role), _) => State {
                label: Label {
                    role,
                    ..self.label.clone()
                },
                ..(*self).clone()
            },
            (Action::IncludeNotes(include_notes), _) => State {
                include_notes,
                ..(*self).clone()
            },
            (Action::StorageFailed, _) if !self.storage_failed => State {
                storage_failed: true,
                notice: Some(CANNOT_SAVE),
                ..(*self).clone()
            },
            // Actions that do not apply to the current page change nothing.
            _ => return self,
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use digital_board_core::content::default_assessment;
    use digital_board_core::model::Level;

    fn run(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions.into_iter().fold(
            Rc::new(State::new(default_assessment())),
            |state, action| state.reduce(action),
        )
    }

    fn answer_all() -> Vec<Action> {
        let count = default_assessment().question_count();
        let mut actions = vec![Action::Start];
        for i in 0..count {
            actions.push(Action::Choose(i, Response::Level(Level::Siloed)));
            actions.push(Action::Continue);
        }
        actions
    }

    #[test]
    fn continuing_without_an_answer_shows_an_error_and_stays() {
        let state = run([Action::Start, Action::Continue]);
        assert_eq!(state.page, Page::Question(0));
        assert!(state.show_error);
        let state = state
            .reduce(Action::Choose(0, Response::DontKnow))
            .reduce(Action::Continue);
        assert_eq!(state.page, Page::Question(1));
        assert!(!state.show_error);
    }

    #[test]
    fn answering_every_question_leads_to_check_your_answers() {
        let state = run(answer_all());
        assert_eq!(state.page, Page::CheckAnswers);
        assert!(state.answers.is_complete());
        assert_eq!(state.reduce(Action::ShowResults).page, Page::Results);
    }

    #[test]
    fn change_returns_to_check_your_answers() {
        let mut actions = answer_all();
        actions.extend([
            Action::Change(4),
            Action::Choose(4, Response::DontKnow),
            Action::Continue,
        ]);
        let state = run(actions);
        assert_eq!(state.page, Page::CheckAnswers);
        assert_eq!(state.answers.response(4), Some(Response::DontKnow));
        assert!(!state.returning_to_check);
    }

    #[test]
    fn back_walks_to_the_start_and_from_a_change_to_check_your_answers() {
        let state = run([
            Action::Start,
            Action::Choose(0, Response::DontKnow),
            Action::Continue,
            Action::Back,
        ]);
        assert_eq!(state.page, Page::Question(0));
        assert_eq!(state.reduce(Action::Back).page, Page::Start);
        let mut actions = answer_all();
        actions.extend([Action::Change(2), Action::Back]);
        assert_eq!(run(actions).page, Page::CheckAnswers);
    }

    #[test]
    fn results_are_refused_until_every_question_is_answered() {
        let state = run([
            Action::Start,
            Action::Choose(0, Response::DontKnow),
            Action::ShowResults,
        ]);
        assert_eq!(state.page, Page::Question(1));
        assert!(state.show_error);
    }

    #[test]
    fn start_again_forgets_everything() {
        let mut actions = answer_all();
        actions.extend([
            Action::Note(0, "evidence".into()),
            Action::ShowResults,
            Action::StartAgain,
        ]);
        let asked = run(actions);
        assert_eq!(asked.page, Page::ConfirmStartAgain(ReturnTo::Results));
        assert!(asked.answers.is_complete(), "nothing deleted before Yes");
        assert_eq!(asked.clears, 0);
        let state = asked.reduce(Action::ConfirmStartAgain);
        assert_eq!(state.page, Page::Start);
        assert_eq!(
            state.answers,
            Answers::empty(default_assessment().question_count())
        );
        assert_eq!(state.clears, 1);
        assert_eq!(state.notice, Some(ANSWERS_DELETED));
        assert_eq!(state.reduce(Action::Start).notice, None);
    }

    #[test]
    fn keep_my_answers_goes_back_with_nothing_deleted() {
        let mut actions = answer_all();
        actions.extend([Action::ShowResults, Action::StartAgain, Action::KeepAnswers]);
        let state = run(actions);
        assert_eq!(state.page, Page::Results);
        assert!(state.answers.is_complete());
        assert_eq!(state.clears, 0);

        let mut saved = Answers::empty(13);
        saved.notes[4] = "evidence".into();
        let start = Rc::new(State::opened(
            default_assessment(),
            Some(saved.clone()),
            None,
        ));
        let asked = start.reduce(Action::StartAgain);
        assert_eq!(asked.page, Page::ConfirmStartAgain(ReturnTo::Start));
        let kept = asked.clone().reduce(Action::KeepAnswers);
        assert_eq!(
            (kept.page, kept.resume.as_ref(), kept.clears),
            (Page::Start, Some(&saved), 0)
        );
        let cleared = kept
            .reduce(Action::StartAgain)
            .reduce(Action::ConfirmStartAgain);
        assert_eq!((cleared.resume.as_ref(), cleared.clears), (None, 1));
    }

    #[test]
    fn resume_restores_saved_answers_at_the_first_unanswered_question() {
        let mut saved = Answers::empty(default_assessment().question_count());
        saved.responses[0] = Some(Response::DontKnow);
        saved.responses[1] = Some(Response::DontKnow);
        let state = Rc::new(State::opened(
            default_assessment(),
            Some(saved.clone()),
            None,
        ))
        .reduce(Action::Resume);
        assert_eq!(state.page, Page::Question(2));
        assert_eq!(state.answers, saved);
        assert_eq!(state.resume, None);
    }

    #[test]
    fn storage_failure_is_said_once_and_the_notice_goes_on_the_next_page() {
        let state = run([
            Action::Start,
            Action::Choose(0, Response::DontKnow),
            Action::StorageFailed,
        ]);
        assert_eq!(state.notice, Some(CANNOT_SAVE));
        let state = state.reduce(Action::Continue);
        assert_eq!(state.notice, None);
        assert!(state.storage_failed);
        assert_eq!(state.reduce(Action::StorageFailed).notice, None);
    }

    #[test]
    fn start_again_is_only_offered_where_it_has_a_button() {
        // A question page has no Start again: nothing happens.
        let state = run([
            Action::Start,
            Action::Choose(0, Response::DontKnow),
            Action::StartAgain,
        ]);
        assert_eq!((state.page, state.clears), (Page::Question(0), 0));
        // Nor does "Delete my answers" do anything unless it was asked.
        assert_eq!(state.reduce(Action::ConfirmStartAgain).clears, 0);
    }

    fn shared_fragment(organisation: &str) -> String {
        let a = default_assessment();
        let answers = Answers::from_responses(vec![
            Some(Response::Level(Level::Embedded));
            a.question_count()
        ]);
        let label = Label {
            organisation: organisation.into(),
            role: Role::NonExecutive,
        };
        let result = SharedResult::new(a, answers, Some(label), None).unwrap();
        format!("#{}{}", share::FRAGMENT_PREFIX, share::encode(&result))
    }

    #[test]
    fn a_share_link_opens_read_only_results_and_edit_a_copy_takes_its_answers() {
        let state = run([Action::OpenFragment(shared_fragment("RXX"))]);
        assert_eq!(state.page, Page::Shared);
        let shared_answers = state.shared.as_ref().unwrap().answers().clone();
        assert_eq!(state.answers, Answers::empty(13), "own answers untouched");
        let copy = state.reduce(Action::EditCopy);
        assert_eq!(copy.page, Page::CheckAnswers);
        assert_eq!(copy.answers, shared_answers);
        assert_eq!(copy.label.organisation, "RXX");
        assert!(copy.shared.is_none());
    }

    /// The start page of a browser holding one saved answer, and that answer.
    fn opened_with_saved_answers() -> (Rc<State>, Answers) {
        let mut saved = Answers::empty(13);
        saved.responses[0] = Some(Response::DontKnow);
        let state = State::opened(default_assessment(), Some(saved.clone()), None);
        (Rc::new(state), saved)
    }

    #[test]
    fn edit_a_copy_asks_before_replacing_answers_saved_here() {
        let (state, saved) = opened_with_saved_answers();
        let state = state.reduce(Action::OpenFragment(shared_fragment("RXX")));
        let asked = state.reduce(Action::EditCopy);
        assert_eq!(asked.page, Page::ConfirmEditCopy);
        assert_eq!(asked.resume.as_ref(), Some(&saved));
        assert!(asked.shared.is_some());
        // Keep: back to the shared result, own answers untouched.
        let kept = asked.clone().reduce(Action::KeepAnswers);
        assert_eq!(
            (kept.page, kept.resume.as_ref()),
            (Page::Shared, Some(&saved))
        );
        // The browser's Back button while asking leaves the link too.
        assert_eq!(
            asked
                .clone()
                .reduce(Action::OpenFragment(String::new()))
                .page,
            Page::Start
        );
        // Replace: the copy's answers, the saved ones gone.
        let copy = asked.reduce(Action::ConfirmEditCopy);
        assert_eq!(copy.page, Page::CheckAnswers);
        assert_eq!(
            copy.answers.response(0),
            Some(Response::Level(Level::Embedded))
        );
        assert_eq!(copy.resume, None);
    }

    #[test]
    fn a_bad_link_says_why_and_leaves_saved_answers_alone() {
        let (state, saved) = opened_with_saved_answers();
        let mut truncated = shared_fragment("RXX");
        truncated.truncate(truncated.len() - 3);
        let state = state.reduce(Action::OpenFragment(truncated));
        assert_eq!(state.page, Page::BadLink);
        assert!(
            state.link_error.as_deref().unwrap().contains("cut off"),
            "{:?}",
            state.link_error
        );
        assert_eq!(state.resume.as_ref(), Some(&saved));
        let state = state.reduce(Action::StartOwn);
        assert_eq!(
            (state.page, state.resume.as_ref()),
            (Page::Start, Some(&saved))
        );
    }

    #[test]
    fn going_back_past_a_share_link_returns_to_the_start() {
        let state = run([
            Action::OpenFragment(shared_fragment("RXX")),
            Action::OpenFragment(String::new()),
        ]);
        assert_eq!(state.page, Page::Start);
        assert!(state.shared.is_none());
    }

    #[test]
    fn other_fragments_are_ignored() {
        let state = run([
            Action::OpenFragment("#maincontent".into()),
            Action::OpenFragment(String::new()),
        ]);
        assert_eq!(state.page, Page::Start);
        assert_eq!(state.moves, 0);
    }

    #[test]
    fn share_choices_are_kept() {
        let state = run([
            Action::SetOrganisation("Leeds".into()),
            Action::SetRole(Role::Executive),
            Action::IncludeNotes(true),
        ]);
        assert_eq!(
            state.label,
            Label {
                organisation: "Leeds".into(),
                role: Role::Executive
            }
        );
        assert!(state.include_notes);
    }

    #[test]
    fn moves_count_every_page_change_but_not_typing() {
        let state = run([Action::Start]);
        assert_eq!(state.moves, 1);
        assert_eq!(state.reduce(Action::Note(0, "x".into())).moves, 1);
    }
}

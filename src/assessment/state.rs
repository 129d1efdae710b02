//! The assessment's state: the page showing (with what it shows), the
//! answers, and the side effects the reducer (`reducer.rs`) has asked for.

use std::rc::Rc;

use crate::effects::{Effects, History};
use digital_board_core::actions::{Commitment, Draft, DraftError};
use digital_board_core::handover::Handover;
use digital_board_core::label::Label;
use digital_board_core::model::Assessment;
use digital_board_core::report::{page_title, progress_label};
use digital_board_core::saved::{self, Record};
use digital_board_core::scoring::Answers;
use digital_board_core::share::{ShareError, SharedResult};
use digital_board_core::text::actions::Phrase as ActionPhrase;
use digital_board_core::text::assessment::{Phrase, Sentence};

/// Which screen is showing, with what only it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    Shared(Rc<SharedResult>),
    /// A share link that could not be read, and why.
    BadLink(ShareError),
    /// "Start again" or "Clear my answers", asking before this browser's
    /// answers are deleted; "Keep my answers" goes back to the page named.
    ConfirmStartAgain(ReturnTo),
    /// "Edit a copy" of this shared result (`None`), or taking up a result
    /// the compare view handed over, asking before it replaces the answers
    /// this browser already has.
    ConfirmEditCopy(Rc<SharedResult>, Option<Handover>),
    /// "Agree actions": the board's actions after its results.
    Actions,
    /// The form adding an action (`None`) or changing action N.
    ActionForm(Option<usize>),
}

impl Page {
    /// Whether the page is about the share link in the address (the
    /// result, its bad link, or replacing answers with its copy): leaving
    /// these pages takes the link off the address.
    pub fn is_about_share_link(&self) -> bool {
        matches!(
            self,
            Page::Shared(_) | Page::BadLink(_) | Page::ConfirmEditCopy(..)
        )
    }

    /// Whether the page is drawn by the late module (`super::late`): all
    /// but the start page and the questions, which the first load draws.
    pub fn is_late(&self) -> bool {
        !matches!(self, Page::Start | Page::Question(_))
    }
}

/// A screen the browser's Back and Forward buttons move between: the pages
/// of the user's own assessment. Pages about a share link in the address
/// have none (the link's entry is the browser's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The start page.
    Start,
    /// A question, by position.
    Question(usize),
    /// Check your answers.
    CheckAnswers,
    /// The results.
    Results,
    /// Asking before deleting answers.
    ConfirmStartAgain(ReturnTo),
    /// Agree actions.
    Actions,
    /// The action form: adding (`None`) or changing action N.
    ActionForm(Option<usize>),
}

impl Screen {
    /// The key www/start.js keeps in the history entry (e.g. `question-2`
    /// for the second question): plain text, read back by [`Screen::from_key`].
    pub fn key(self) -> String {
        match self {
            Screen::Start => "start".into(),
            Screen::Question(index) => format!("question-{}", index + 1),
            Screen::CheckAnswers => "check".into(),
            Screen::Results => "results".into(),
            Screen::ConfirmStartAgain(ReturnTo::Start) => "delete-from-start".into(),
            Screen::ConfirmStartAgain(ReturnTo::Results) => "delete-from-results".into(),
            Screen::Actions => "actions".into(),
            Screen::ActionForm(None) => "add-action".into(),
            Screen::ActionForm(Some(index)) => format!("change-action-{}", index + 1),
        }
    }

    /// The screen a key names; `None` for anything else (a history entry
    /// is the page's to write, so it is not trusted).
    pub fn from_key(key: &str) -> Option<Screen> {
        Some(match key {
            "start" => Screen::Start,
            "check" => Screen::CheckAnswers,
            "results" => Screen::Results,
            "delete-from-start" => Screen::ConfirmStartAgain(ReturnTo::Start),
            "delete-from-results" => Screen::ConfirmStartAgain(ReturnTo::Results),
            "actions" => Screen::Actions,
            "add-action" => Screen::ActionForm(None),
            _ if key.starts_with("change-action-") => {
                let number: usize = key.strip_prefix("change-action-")?.parse().ok()?;
                Screen::ActionForm(Some(number.checked_sub(1)?))
            }
            _ => {
                let number: usize = key.strip_prefix("question-")?.parse().ok()?;
                Screen::Question(number.checked_sub(1)?)
            }
        })
    }
}

impl Page {
    /// The screen this page is, for the session history (`None` for the
    /// pages about a share link).
    pub fn screen(&self) -> Option<Screen> {
        match *self {
            Page::Start => Some(Screen::Start),
            Page::Question(index) => Some(Screen::Question(index)),
            Page::CheckAnswers => Some(Screen::CheckAnswers),
            Page::Results => Some(Screen::Results),
            Page::ConfirmStartAgain(return_to) => Some(Screen::ConfirmStartAgain(return_to)),
            Page::Actions => Some(Screen::Actions),
            Page::ActionForm(target) => Some(Screen::ActionForm(target)),
            Page::Shared(_) | Page::BadLink(_) | Page::ConfirmEditCopy(..) => None,
        }
    }
}

/// The page a question asked before deleting answers goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnTo {
    /// The start page ("Clear my answers").
    Start,
    /// The results page ("Start again").
    Results,
}

/// A side effect the reducer asks for; the app performs it after rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the answers and the label (the state's, when performed).
    SaveAnswers,
    /// Delete the answers saved in this browser.
    ClearStorage,
    /// Take a share link off the address: the user has left its result.
    ClearShareFragment,
    /// Ask the page to switch to the compare view (its own wasm bundle),
    /// starting with the shared result whose link is given.
    OpenCompare(Option<String>),
    /// Record the screen now showing in the browser's session history.
    RecordScreen(History),
    /// Set the title of the page now showing and move focus to it.
    ShowPage,
    /// Copy the record that could not be read ([`State::unreadable`]) to a
    /// key of its own, before anything is saved beside it.
    SetAside,
    /// "Keep these answers": save them over another tab's.
    SaveOver,
    /// Fetch the module of a result's pages ([`super::late`]): as the view
    /// starts, and again on "Try again".
    LoadLatePages,
}

/// A saved record this page could not read (damaged, or from a newer
/// version): never written over, set aside before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The record as it was found.
    pub text: Rc<str>,
    /// Why it could not be read, to say.
    pub message: &'static str,
    /// Where it was set aside; `None` while it is still under the
    /// answers' own key.
    pub aside: Option<Rc<str>>,
}

/// What another tab or window saved over answers this page has, while
/// this page asks which to keep (and saves nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherTab {
    /// The other tab's record; `None` if it deleted the answers.
    pub theirs: Option<Record>,
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
    /// Organisation and role to put in share links and exports.
    pub label: Label,
    /// The board's actions, saved with the answers.
    pub actions: Vec<Commitment>,
    /// An action being added (`None`) or changed, as typed so far: kept
    /// until it is saved or cancelled, whatever page shows.
    pub draft: Option<(Option<usize>, Draft)>,
    /// What to fix in the draft, after "Save action".
    pub draft_errors: Vec<DraftError>,
    /// Whether share links carry the board's actions.
    pub include_actions: bool,
    /// Whether share links carry the notes.
    pub include_notes: bool,
    /// Side effects asked for, for the app to perform.
    pub effects: Effects<Effect>,
    /// A saved record that could not be read, kept.
    pub unreadable: Option<Rc<Unreadable>>,
    /// Whether to say, on this page, what happened to the record that
    /// could not be read (always on the start page).
    pub show_unreadable: bool,
    /// Another tab's save this page asks about before saving again.
    pub other_tab: Option<Rc<OtherTab>>,
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
            label: Label::default(),
            actions: Vec::new(),
            draft: None,
            draft_errors: Vec::new(),
            include_actions: false,
            include_notes: false,
            effects: Effects::default(),
            unreadable: None,
            show_unreadable: false,
            other_tab: None,
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

    /// The state on `page`, counted as a move (for focus), with any error
    /// or notice of the page left behind gone.
    pub(super) fn go(&self, page: Page) -> Self {
        State {
            page,
            show_error: false,
            notice: None,
            show_unreadable: false,
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

    /// What this page would save: its answers (or those on offer from
    /// earlier) with the label, actions and draft; `None` if there is
    /// nothing worth saving.
    pub fn own_record(&self) -> Option<Record> {
        Some(Record {
            answers: self.own_answers()?.clone(),
            label: self.label.clone(),
            actions: self.actions.clone(),
            draft: self.draft.clone(),
        })
    }

    pub(super) fn last_question(&self) -> usize {
        self.assessment.question_count() - 1
    }

    /// Where an answered question leads: the next question, or Check your
    /// answers at the end or when changing an answer.
    pub(super) fn after_question(&self, index: usize) -> Page {
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

    /// The title of the page being shown.
    pub fn title(&self) -> String {
        // The product is the assessment: its title names every page.
        let product = self.assessment.title;
        match self.page {
            Page::Start => product.to_owned(),
            Page::Question(index) => {
                let question = self
                    .assessment
                    .question(index)
                    .map_or("", |p| p.question.text);
                let title = Sentence::QuestionTitle {
                    progress: &progress_label(index, self.assessment),
                    question,
                };
                page_title(product, &title.text(), self.show_error)
            }
            Page::CheckAnswers => page_title(product, Phrase::CheckYourAnswers.text(), false),
            Page::Results => page_title(product, Phrase::YourResults.text(), false),
            Page::Shared(_) => page_title(product, Phrase::SharedResults.text(), false),
            Page::BadLink(_) => page_title(product, Phrase::BrokenShareLink.text(), true),
            Page::ConfirmStartAgain(_) => {
                page_title(product, Phrase::DeleteYourAnswers.text(), false)
            }
            Page::ConfirmEditCopy(..) => {
                page_title(product, Phrase::ReplaceYourAnswers.text(), false)
            }
            Page::Actions => page_title(product, ActionPhrase::AgreeActions.text(), false),
            Page::ActionForm(target) => page_title(
                product,
                if target.is_some() {
                    ActionPhrase::ChangeHeading.text()
                } else {
                    ActionPhrase::AddHeading.text()
                },
                self.show_error,
            ),
        }
    }
}

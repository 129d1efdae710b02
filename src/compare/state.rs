//! The compare view's state: the screen showing (with what it shows), the
//! results gathered, the paste box, and the side effects the reducer
//! (`reducer.rs`) has asked for.

use std::rc::Rc;

use crate::effects::{Effects, History};
use digital_board_core::actions::{Commitment, Status};
use digital_board_core::compare::agree::{AgreeProblem, Agreement};
use digital_board_core::compare::collect::Collection;
use digital_board_core::compare::{CompareError, Comparison};
use digital_board_core::content::default_assessment;
use digital_board_core::report::page_title;
use digital_board_core::share::ShareError;
use digital_board_core::text::agree::Phrase as AgreePhrase;
use digital_board_core::text::compare::Phrase;

/// Which screen of the compare view is showing, with what only it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Gathering results to compare: paste links or choose files.
    Gather,
    /// These results side by side (ready: [`Comparison::readiness`] was
    /// `Ok`, or they came whole from a compare link).
    Comparison(Rc<Comparison>),
    /// A compare link that could not be read, and why.
    BadLink(ShareError),
    /// Recording the board's agreed answers after comparing its members'
    /// (a board comparison; [`State::agreement`] holds what is recorded).
    Agree(Rc<Comparison>),
}

impl Screen {
    /// The step this screen is, for the session history (`None` for a
    /// compare link that could not be read: its entry stays the browser's).
    pub fn step(&self) -> Option<Step> {
        match self {
            Screen::Gather => Some(Step::Gather),
            Screen::Comparison(_) => Some(Step::Comparison),
            Screen::BadLink(_) => None,
            Screen::Agree(_) => Some(Step::Agree),
        }
    }
}

/// A screen of the compare view the browser's Back and Forward buttons
/// move between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Gathering results.
    Gather,
    /// The comparison of the results gathered.
    Comparison,
    /// Recording the board's agreed answers.
    Agree,
}

impl Step {
    /// The key www/start.js keeps in the history entry, read back by
    /// [`Step::from_key`].
    pub fn key(self) -> &'static str {
        match self {
            Step::Gather => "gather",
            Step::Comparison => "comparison",
            Step::Agree => "agree",
        }
    }

    /// The step a key names; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "gather" => Some(Step::Gather),
            "comparison" => Some(Step::Comparison),
            "agree" => Some(Step::Agree),
            _ => None,
        }
    }
}

/// A side effect the reducer asks for; the app performs it after rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Take a compare link off the address: the user has left its
    /// comparison, so a reload does not bring it back.
    ClearCompareFragment,
    /// Ask the page to switch back to the assessment (another wasm
    /// bundle), taking any compare link off the address first.
    Leave,
    /// Record the screen now showing in the browser's session history.
    RecordScreen(History),
    /// Keep the agreement being recorded in the tab's session storage
    /// (the text to keep), or forget it (`None`): a reload loses nothing
    /// typed, and closing the tab leaves nothing behind.
    KeepAgreement(Option<String>),
    /// Ask the page to switch to the assessment, handing it a result to
    /// take up as this browser's own ([`digital_board_core::handover`]).
    HandOver(String),
    /// Set the title of the screen now showing and move focus to it.
    ShowPage,
}

/// Everything the compare view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The current screen.
    pub screen: Screen,
    /// Results gathered (never saved: they are other people's answers; the
    /// compare link keeps them). Kept while the user goes back to their own
    /// assessment, so nothing pasted is lost.
    pub collection: Rc<Collection>,
    /// The text in the paste box.
    pub text: String,
    /// How many results the last "Add results" added.
    pub added: Option<usize>,
    /// Why the comparison cannot be shown yet, on [`Screen::Gather`].
    pub error: Option<CompareError>,
    /// Counts screen changes and error displays, so the app knows when to
    /// move focus (never on first load).
    pub moves: u32,
    /// The board's agreed answers being recorded, with the comparison they
    /// were started from (kept while the user looks back at it).
    pub agreement: Option<(Rc<Comparison>, Agreement)>,
    /// What stops the agreed answers being saved, after "Save".
    pub agree_problems: Vec<(usize, AgreeProblem)>,
    /// The statuses recorded for last time's actions (then and now): the
    /// earlier result's actions they are for, and one status per action.
    pub statuses: Option<(Vec<Commitment>, Vec<Option<Status>>)>,
    /// Last time's actions with no status, after "Save the statuses"
    /// (positions from 0).
    pub status_problems: Vec<usize>,
    /// The later result could not take last time's actions: too many.
    pub carry_refused: bool,
    /// Side effects asked for, for the app to perform.
    pub effects: Effects<Effect>,
}

impl Default for State {
    fn default() -> Self {
        State {
            screen: Screen::Gather,
            collection: Rc::default(),
            text: String::new(),
            added: None,
            error: None,
            moves: 0,
            agreement: None,
            agree_problems: Vec::new(),
            statuses: None,
            status_problems: Vec::new(),
            carry_refused: false,
            effects: Effects::default(),
        }
    }
}

impl State {
    /// The state on `screen`, counted as a move (for focus), with any
    /// error left behind gone.
    pub(super) fn go(&self, screen: Screen) -> Self {
        State {
            screen,
            error: None,
            agree_problems: Vec::new(),
            status_problems: Vec::new(),
            carry_refused: false,
            moves: self.moves + 1,
            ..self.clone()
        }
    }

    /// Whether the screen shows an error summary (focus goes to it).
    pub fn shows_errors(&self) -> bool {
        self.error.is_some()
            || !self.agree_problems.is_empty()
            || !self.status_problems.is_empty()
            || self.carry_refused
    }

    pub(super) fn with_collection(&self, collection: Collection) -> Self {
        State {
            collection: Rc::new(collection),
            ..self.clone()
        }
    }

    /// The title of the screen being shown.
    pub fn title(&self) -> String {
        // The product is the assessment compared (before any result is
        // added, the default one).
        let product = self
            .collection
            .assessment
            .unwrap_or_else(default_assessment)
            .title;
        match &self.screen {
            Screen::Gather => {
                page_title(product, Phrase::CompareResults.text(), self.error.is_some())
            }
            Screen::Comparison(comparison) => page_title(product, comparison.mode.heading(), false),
            Screen::BadLink(_) => page_title(product, Phrase::BrokenLink.text(), true),
            Screen::Agree(_) => page_title(
                product,
                AgreePhrase::RecordAgreed.text(),
                !self.agree_problems.is_empty(),
            ),
        }
    }
}

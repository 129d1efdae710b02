//! The reducer's part for the board's actions: adding, changing and
//! removing them, and the form's draft (pure, like `reducer.rs`).

use super::state::{Page, State};
use digital_board_core::actions::{self, Draft, MAX_ACTIONS};
use digital_board_core::text::actions::Phrase;

impl State {
    /// "Agree actions": only with complete answers (the results' page).
    pub(super) fn open_actions(&self) -> State {
        if self.answers.first_unanswered().is_some() {
            self.go(Page::CheckAnswers)
        } else {
            self.go(Page::Actions)
        }
    }

    /// "Add an action", linked to `question` if given. A new action being
    /// typed is carried on (nothing typed is lost); the question is added.
    pub(super) fn add_action(&self, question: Option<usize>) -> State {
        if self.actions.len() >= MAX_ACTIONS || self.answers.first_unanswered().is_some() {
            return self.open_actions();
        }
        let mut draft = match &self.draft {
            Some((None, draft)) => draft.clone(),
            _ => Draft::default(),
        };
        if let Some(question) = question.filter(|q| !draft.questions.contains(q)) {
            draft.questions.push(question);
        }
        State {
            draft: Some((None, draft)),
            ..self.go(Page::ActionForm(None))
        }
    }

    /// "Change" action `index`: its draft if one is being typed, else the
    /// action as saved.
    pub(super) fn change_action(&self, index: usize) -> State {
        let Some(action) = self.actions.get(index) else {
            return self.open_actions();
        };
        let draft = match &self.draft {
            Some((Some(target), draft)) if *target == index => draft.clone(),
            _ => Draft::of(action),
        };
        State {
            draft: Some((Some(index), draft)),
            draft_errors: Vec::new(),
            ..self.go(Page::ActionForm(Some(index)))
        }
    }

    /// "Remove" action `index`, saying so; a draft of it goes too.
    pub(super) fn remove_action(&self, index: usize) -> State {
        if index >= self.actions.len() {
            return self.go(Page::Actions);
        }
        let mut actions = self.actions.clone();
        actions.remove(index);
        // A draft changing a later action now changes the one before it.
        let draft = match &self.draft {
            Some((Some(target), _)) if *target == index => None,
            Some((Some(target), draft)) if *target > index => {
                Some((Some(target - 1), draft.clone()))
            }
            other => other.clone(),
        };
        State {
            actions,
            draft,
            notice: Some(Phrase::Removed.text()),
            ..self.go(Page::Actions)
        }
    }

    /// The form's fields as typed.
    pub(super) fn edit_draft(&self, target: Option<usize>, draft: Draft) -> State {
        State {
            draft: Some((target, draft)),
            ..self.clone()
        }
    }

    /// "Save action": the action added or changed, or what to fix.
    pub(super) fn save_action(&self, target: Option<usize>) -> State {
        let draft = match &self.draft {
            Some((t, draft)) if *t == target => draft.clone(),
            _ => Draft::default(),
        };
        match actions::check(&draft) {
            Ok(mut action) => {
                let mut list = self.actions.clone();
                let room = list.len() < MAX_ACTIONS;
                match target.and_then(|i| list.get_mut(i)) {
                    Some(slot) => {
                        // Its follow-up status stays with it.
                        action.status = slot.status;
                        *slot = action;
                    }
                    None if room => list.push(action),
                    None => {}
                }
                State {
                    actions: list,
                    draft: None,
                    draft_errors: Vec::new(),
                    notice: Some(Phrase::Saved.text()),
                    ..self.go(Page::Actions)
                }
            }
            Err(errors) => State {
                draft: Some((target, draft)),
                draft_errors: errors,
                show_error: true,
                moves: self.moves + 1,
                ..self.clone()
            },
        }
    }

    /// "Cancel": what was typed is dropped.
    pub(super) fn cancel_action(&self) -> State {
        State {
            draft: None,
            draft_errors: Vec::new(),
            ..self.go(Page::Actions)
        }
    }

    /// The form page for the browser's Back or Forward: only while its
    /// draft is kept, else the actions page.
    pub(super) fn action_form_page(&self, target: Option<usize>) -> Page {
        match &self.draft {
            Some((t, _)) if *t == target => Page::ActionForm(target),
            _ => Page::Actions,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::Reducible;

    use super::super::state::{Effect, Screen};
    use super::super::{Action, Page, State};
    use crate::effects::History;
    use digital_board_core::actions::{DraftError, MonthYear, Status};
    use digital_board_core::content::default_assessment;
    use digital_board_core::model::Level;
    use digital_board_core::scoring::Response;

    fn results() -> Rc<State> {
        let count = default_assessment().question_count();
        let mut state = Rc::new(State::new(default_assessment())).reduce(Action::Start);
        for i in 0..count {
            state = state
                .reduce(Action::Choose(i, Response::Level(Level::Siloed)))
                .reduce(Action::Continue);
        }
        state.reduce(Action::ShowResults)
    }

    fn typed(state: Rc<State>, what: &str, lead: &str, month: &str, year: &str) -> Rc<State> {
        let mut draft = state.draft.clone().map(|(_, d)| d).unwrap_or_default();
        draft.what = what.into();
        draft.lead = lead.into();
        draft.month = month.into();
        draft.year = year.into();
        state.reduce(Action::EditDraft(draft))
    }

    #[test]
    fn an_action_is_added_from_a_discussion_item_checked_and_saved() {
        let state = results().reduce(Action::AddAction(Some(4)));
        assert_eq!(state.page, Page::ActionForm(None));
        assert_eq!(state.draft.as_ref().unwrap().1.questions, vec![4]);
        // Saving nothing says what to fix, and stays.
        let before = state.effects.clone();
        let state = state.reduce(Action::SaveAction);
        assert_eq!(state.page, Page::ActionForm(None));
        assert_eq!(
            state.draft_errors,
            vec![DraftError::WhatMissing, DraftError::LeadMissing]
        );
        assert!(state.show_error);
        assert_eq!(state.effects.since(&before), [Effect::ShowPage]);
        // Typed and saved: listed, saved with the answers, the draft gone.
        let state = typed(state, "Publish the strategy", "CDO", "3", "2027");
        let before = state.effects.clone();
        let state = state.reduce(Action::SaveAction);
        assert_eq!(state.page, Page::Actions);
        assert_eq!(state.actions.len(), 1);
        assert_eq!(state.actions[0].by, MonthYear::new(2027, 3));
        assert_eq!(state.actions[0].questions, vec![4]);
        assert_eq!(state.draft, None);
        let effects = state.effects.since(&before);
        assert!(effects.contains(&Effect::SaveAnswers), "{effects:?}");
        assert!(effects.contains(&Effect::RecordScreen(History::Push)));
    }

    #[test]
    fn what_was_typed_survives_back_and_forward_but_not_cancel() {
        let state = typed(
            results()
                .reduce(Action::OpenActions)
                .reduce(Action::AddAction(None)),
            "Half",
            "",
            "",
            "",
        );
        // Back: the actions page; Forward: the form with the draft.
        let back = state.clone().reduce(Action::Back);
        assert_eq!(back.page, Page::Actions);
        let forward = back
            .clone()
            .reduce(Action::ShowScreen(Screen::ActionForm(None)));
        assert_eq!(forward.page, Page::ActionForm(None));
        assert_eq!(forward.draft.as_ref().unwrap().1.what, "Half");
        // "Add an action" again carries the draft on.
        let again = back.reduce(Action::AddAction(None));
        assert_eq!(again.draft.as_ref().unwrap().1.what, "Half");
        // Cancel forgets it; Forward to the form then shows the list.
        let cancelled = again.reduce(Action::CancelAction);
        assert_eq!(cancelled.draft, None);
        assert_eq!(
            cancelled
                .reduce(Action::ShowScreen(Screen::ActionForm(None)))
                .page,
            Page::Actions
        );
    }

    #[test]
    fn changing_keeps_the_status_and_removing_says_so() {
        let mut state = results().reduce(Action::AddAction(None));
        state = typed(state, "One", "CEO", "", "").reduce(Action::SaveAction);
        state = typed(state.reduce(Action::AddAction(None)), "Two", "CFO", "", "")
            .reduce(Action::SaveAction);
        let mut with_status = (*state).clone();
        with_status.actions[1].status = Some(Status::Done);
        let state = Rc::new(with_status).reduce(Action::ChangeAction(1));
        assert_eq!(state.page, Page::ActionForm(Some(1)));
        assert_eq!(state.draft.as_ref().unwrap().1.what, "Two");
        let state = typed(state, "Two, sooner", "CFO", "1", "2027").reduce(Action::SaveAction);
        assert_eq!(state.actions[1].what, "Two, sooner");
        assert_eq!(
            state.actions[1].status,
            Some(Status::Done),
            "follow-up kept"
        );
        let state = state.reduce(Action::RemoveAction(0));
        assert_eq!(state.actions.len(), 1);
        assert_eq!(state.actions[0].what, "Two, sooner");
        assert!(state.notice.is_some());
        // Out of range and from other pages: nothing happens.
        assert_eq!(
            state.clone().reduce(Action::RemoveAction(7)).actions.len(),
            1
        );
        let start = Rc::new(State::new(default_assessment()));
        assert!(Rc::ptr_eq(
            &start.clone().reduce(Action::AddAction(None)),
            &start
        ));
    }

    #[test]
    fn actions_need_complete_answers() {
        let state =
            Rc::new(State::new(default_assessment())).reduce(Action::ShowScreen(Screen::Actions));
        assert_ne!(state.page, Page::Actions);
    }
}

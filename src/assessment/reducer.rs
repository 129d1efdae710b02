//! The assessment's reducer. `reduce` is pure: it decides the next state
//! and records the side effects that should follow ([`Effect`]), which the
//! app performs. Every action is matched against every page: an action
//! that does nothing on a page says so, so a new action or page cannot be
//! left out unnoticed.

use std::rc::Rc;
use yew::Reducible;

use super::action::Action;
use super::state::{Effect, Page, ReturnTo, Screen, State};
use crate::effects::History;
use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::follow_up;
use digital_board_core::content::ASSESSMENTS;
use digital_board_core::handover::Handover;
use digital_board_core::label::{Label, Role};
use digital_board_core::saved;
use digital_board_core::share::{self, SharedResult};
use digital_board_core::text::agree::Phrase as AgreePhrase;
use digital_board_core::text::assessment::Phrase;

impl State {
    /// "Edit a copy": the shared result's answers and label become this
    /// browser's, on Check your answers.
    fn edit_copy(&self, result: &SharedResult) -> State {
        State {
            assessment: result.assessment(),
            answers: result.answers().clone(),
            // The sender's organisation is kept (the copy is usually for the
            // same trust); their role is not: the user's own is chosen when
            // they share, and the shared page says so. The board's agreed
            // answers stay the board's.
            label: Label {
                organisation: result
                    .label()
                    .map(|label| label.organisation.clone())
                    .unwrap_or_default(),
                role: match result.label() {
                    Some(Label {
                        role: Role::Board, ..
                    }) => Role::Board,
                    _ => Role::Unspecified,
                },
            },
            // The copy's actions come with its answers.
            actions: result.actions().to_vec(),
            draft: None,
            draft_errors: Vec::new(),
            resume: None,
            ..self.go(Page::CheckAnswers)
        }
    }

    /// Takes up a result the compare view handed over. Last time's actions
    /// for the result this browser already holds join its own actions;
    /// anything else replaces this browser's answers as "Edit a copy" does
    /// (asking first if there are answers to lose).
    fn take_up(&self, handover: Handover, result: Rc<SharedResult>) -> State {
        let own = self.own_answers().cloned();
        let same_result = result.assessment() == self.assessment
            && own
                .as_ref()
                .is_some_and(|own| own.responses == result.answers().responses);
        match (handover, own) {
            (Handover::FollowUp, Some(own)) if same_result => {
                match follow_up::merge(&self.actions, result.actions()) {
                    Ok(actions) => State {
                        answers: own,
                        resume: None,
                        actions,
                        notice: Some(AgreePhrase::FollowUpTakenUp.text()),
                        ..self.go(Page::Actions)
                    },
                    // Nothing is dropped: the user makes room first.
                    Err(_) => State {
                        answers: own,
                        resume: None,
                        notice: Some(AgreePhrase::TooManyToCarry.text()),
                        ..self.go(Page::Actions)
                    },
                }
            }
            (_, Some(_)) => self.go(Page::ConfirmEditCopy(result, Some(handover))),
            (_, None) => self.edit_copy(&result).taken_up(Some(handover)),
        }
    }

    /// After a handed-over result was taken up: says so.
    fn taken_up(self, handover: Option<Handover>) -> State {
        let notice = match handover {
            Some(Handover::BoardAnswers) => Some(AgreePhrase::BoardTakenUp.text()),
            Some(Handover::FollowUp) => Some(AgreePhrase::FollowUpTakenUp.text()),
            None => self.notice,
        };
        State { notice, ..self }
    }

    /// The page the browser's Back or Forward asked for, or the nearest one
    /// these answers allow. After a reload the saved answers are still on
    /// offer ("Continue where you left off"): going back into the
    /// assessment takes them up, as Continue would.
    pub(super) fn show_screen(&self, screen: Screen) -> State {
        let state = match &self.resume {
            Some(saved) if screen != Screen::Start => State {
                answers: saved.clone(),
                resume: None,
                ..self.clone()
            },
            _ => self.clone(),
        };
        let complete = state.answers.first_unanswered().is_none();
        let page = match screen {
            Screen::Question(index) if index <= state.last_question() => Page::Question(index),
            Screen::CheckAnswers => Page::CheckAnswers,
            Screen::Results if complete => Page::Results,
            Screen::Results => Page::CheckAnswers,
            // Asking again only while there is something to delete.
            Screen::ConfirmStartAgain(return_to) if state.own_answers().is_some() => {
                Page::ConfirmStartAgain(return_to)
            }
            Screen::ConfirmStartAgain(ReturnTo::Results) if complete => Page::Results,
            Screen::Actions if complete => Page::Actions,
            Screen::ActionForm(target) if complete => state.action_form_page(target),
            Screen::Actions | Screen::ActionForm(_) => Page::CheckAnswers,
            Screen::Start | Screen::Question(_) | Screen::ConfirmStartAgain(_) => Page::Start,
        };
        State {
            returning_to_check: false,
            ..state.go(page)
        }
    }

    /// The effects that follow from going from `before` to `self`, with
    /// those the action asked for (`requested`), recorded in `self`.
    fn with_effects(mut self, before: &State, requested: Vec<Effect>) -> State {
        let mut effects = Vec::new();
        // Once the user leaves a shared result, its link leaves the address.
        if self.page != before.page && !self.page.is_about_share_link() {
            effects.push(Effect::ClearShareFragment);
        }
        // Save as the user goes; once saving has failed it is not retried.
        if (self.answers != before.answers
            || self.label != before.label
            || self.actions != before.actions
            || self.draft != before.draft)
            && !self.storage_failed
            && self.other_tab.is_none()
            && saved::has_progress(&self.answers)
        {
            // A record that could not be read is set aside first, never
            // saved over (the app saves nothing if setting aside fails).
            if self.unreadable.as_ref().is_some_and(|u| u.aside.is_none()) {
                effects.push(Effect::SetAside);
            }
            effects.push(Effect::SaveAnswers);
        }
        // Back and Forward move between screens: a new screen gets an entry
        // of its own, unless the action said how to record it. Leaving a
        // shared result, its entry becomes the new screen's, as its link
        // leaves the address.
        // A page about a share link has no screen: the link's entry stays
        // the browser's.
        let mut asked = None;
        for effect in requested {
            match effect {
                Effect::RecordScreen(how) => asked = Some(how),
                effect => effects.push(effect),
            }
        }
        if let Some(screen) = self.page.screen() {
            let changed = before.page.screen() != Some(screen);
            let how = History::for_screen(asked, changed, before.page.is_about_share_link());
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
        // Set when the state's record is the one stored already.
        let mut already_saved = false;
        // The page is cloned (cheap: its data is shared) so arms can move
        // its data and still `return self`.
        let next = match (action, self.page.clone()) {
            // On any page. The pages of a result arrived (or did not): a
            // page of theirs is drawn again, its title and focus set again.
            // Anywhere else nothing changes: focus stays where the member is
            // (on a question's answers, say).
            (Action::LatePagesSettled, page) if page.is_late() => {
                requested.push(Effect::ShowPage);
                (*self).clone()
            }
            (Action::LatePagesSettled, _) => return self,
            (Action::RetryLatePages, _) => {
                requested.push(Effect::LoadLatePages);
                (*self).clone()
            }
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
                notice: Some(Phrase::CannotSave.text()),
                ..(*self).clone()
            },
            (Action::StorageFailed, _) => return self,
            // Saved records changed elsewhere (another tab), and records
            // that cannot be read: `tabs_reducer.rs`. Following or taking
            // up another tab's record saves nothing: it is saved already.
            (Action::StoredElsewhere(change), _) => {
                match self.stored_elsewhere(&change, &mut requested) {
                    Some(next) => {
                        already_saved = true;
                        next
                    }
                    None => return self,
                }
            }
            (Action::UseOtherTab, _) => match self.use_other_tab(&mut requested) {
                Some(next) => {
                    already_saved = true;
                    next
                }
                None => return self,
            },
            (Action::KeepThisTab, _) => match self.keep_this_tab(&mut requested) {
                Some(next) => next,
                None => return self,
            },
            (Action::AsideKept(key), _) => match self.aside_kept(key) {
                Some(next) => next,
                None => return self,
            },
            (Action::AsideFailed, _) => match self.aside_failed() {
                Some(next) => next,
                None => return self,
            },
            (Action::ReviewAnswers, _) => self.go(Page::CheckAnswers),
            (Action::Change(index), _) if index <= self.last_question() => State {
                returning_to_check: true,
                ..self.go(Page::Question(index))
            },
            (Action::Change(_), _) => return self,
            (Action::ShowResults, _) => match self.answers.first_unanswered() {
                None => self.go(Page::Results),
                Some(missing) => State {
                    show_error: true,
                    returning_to_check: false,
                    ..self.go(Page::Question(missing))
                },
            },
            // Back or Forward: the entry is recorded again, as the page
            // shown may not be the one asked for.
            (Action::ShowScreen(screen), page) if page.screen() != Some(screen) => {
                requested.push(Effect::RecordScreen(History::Replace));
                self.show_screen(screen)
            }
            (Action::ShowScreen(_), _) => return self,
            // The compare view is another wasm bundle: the page switches.
            (Action::OpenCompare(shared_link), _) => {
                requested.push(Effect::OpenCompare(shared_link));
                (*self).clone()
            }
            (Action::TakeUp(text), _) => match Handover::from_text(&text, ASSESSMENTS) {
                Some((handover, result)) => self.take_up(handover, Rc::new(result)),
                // Only www/start.js sends it, with what the compare view made.
                None => return self,
            },
            (Action::IncludeActions(include_actions), _) => State {
                include_actions,
                ..(*self).clone()
            },
            (Action::OpenActions, Page::Results | Page::ActionForm(_)) => self.open_actions(),
            (Action::AddAction(question), Page::Results | Page::Actions) => {
                self.add_action(question)
            }
            (Action::ChangeAction(index), Page::Actions | Page::Results) => {
                self.change_action(index)
            }
            (Action::RemoveAction(index), Page::Actions) => self.remove_action(index),
            (Action::EditDraft(draft), Page::ActionForm(target)) => self.edit_draft(target, draft),
            (Action::SaveAction, Page::ActionForm(target)) => self.save_action(target),
            (Action::CancelAction, Page::ActionForm(_)) => self.cancel_action(),
            // Only from the pages that offer them.
            (
                Action::OpenActions
                | Action::AddAction(_)
                | Action::ChangeAction(_)
                | Action::RemoveAction(_)
                | Action::EditDraft(_)
                | Action::SaveAction
                | Action::CancelAction,
                Page::Start
                | Page::Question(_)
                | Page::CheckAnswers
                | Page::Results
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::ConfirmStartAgain(_)
                | Page::ConfirmEditCopy(..)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,
            (Action::OpenFragment(fragment), page) => {
                // A compare link is the compare view's (`crate::compare`).
                if compare_codec::payload_from_fragment(&fragment).is_some() {
                    return self;
                }
                let next = match share::payload_from_fragment(&fragment) {
                    Some(payload) => match share::decode(payload, ASSESSMENTS) {
                        Ok(result) => self.go(Page::Shared(Rc::new(result))),
                        Err(error) => self.go(Page::BadLink(error)),
                    },
                    // Leaving a shared result by the browser's Back button
                    // takes the link away: return to the start.
                    None if page.is_about_share_link() => self.go(Page::Start),
                    None => return self,
                };
                // The browser made the address's entry: it is this page's.
                requested.push(Effect::RecordScreen(History::Replace));
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
            (
                Action::Continue,
                Page::Start
                | Page::CheckAnswers
                | Page::Results
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::ConfirmStartAgain(_)
                | Page::ConfirmEditCopy(..)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,

            (Action::Back, Page::Question(_)) if self.returning_to_check => State {
                returning_to_check: false,
                ..self.go(Page::CheckAnswers)
            },
            (Action::Back, Page::Question(0)) => self.go(Page::Start),
            (Action::Back, Page::Question(index)) => self.go(Page::Question(index - 1)),
            (Action::Back, Page::CheckAnswers) => self.go(Page::Question(self.last_question())),
            (Action::Back, Page::Results) => self.go(Page::CheckAnswers),
            (Action::Back, Page::Actions) => self.go(Page::Results),
            // The draft is kept: Forward, or Add or Change, brings it back.
            (Action::Back, Page::ActionForm(_)) => self.go(Page::Actions),
            (
                Action::Back,
                Page::Start
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::ConfirmStartAgain(_)
                | Page::ConfirmEditCopy(..),
            ) => return self,

            (Action::StartAgain, Page::Start) if self.own_answers().is_some() => {
                self.go(Page::ConfirmStartAgain(ReturnTo::Start))
            }
            (Action::StartAgain, Page::Results) if self.own_answers().is_some() => {
                self.go(Page::ConfirmStartAgain(ReturnTo::Results))
            }
            // Nothing to delete, or no Start again on the page.
            (
                Action::StartAgain,
                Page::Start
                | Page::Results
                | Page::Question(_)
                | Page::CheckAnswers
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::ConfirmStartAgain(_)
                | Page::ConfirmEditCopy(..)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,

            (Action::ConfirmStartAgain, Page::ConfirmStartAgain(_)) => {
                requested.push(Effect::ClearStorage);
                State {
                    moves: self.moves + 1,
                    storage_failed: self.storage_failed,
                    notice: Some(Phrase::AnswersDeleted.text()),
                    ..State::new(self.assessment)
                }
            }
            // Nothing is deleted unless it was asked.
            (
                Action::ConfirmStartAgain,
                Page::Start
                | Page::Question(_)
                | Page::CheckAnswers
                | Page::Results
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::ConfirmEditCopy(..)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,

            (Action::KeepAnswers, Page::ConfirmStartAgain(ReturnTo::Start)) => self.go(Page::Start),
            (Action::KeepAnswers, Page::ConfirmStartAgain(ReturnTo::Results)) => {
                self.go(Page::Results)
            }
            (Action::KeepAnswers, Page::ConfirmEditCopy(result, _)) => {
                self.go(Page::Shared(result))
            }
            (
                Action::KeepAnswers,
                Page::Start
                | Page::Question(_)
                | Page::CheckAnswers
                | Page::Results
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,

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
            (
                Action::Resume,
                Page::Question(_)
                | Page::CheckAnswers
                | Page::Results
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::ConfirmStartAgain(_)
                | Page::ConfirmEditCopy(..)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,

            (Action::StartOwn, Page::Shared(_) | Page::BadLink(_)) => self.go(Page::Start),
            (
                Action::StartOwn,
                Page::Start
                | Page::Question(_)
                | Page::CheckAnswers
                | Page::Results
                | Page::ConfirmStartAgain(_)
                | Page::ConfirmEditCopy(..)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,

            // Ask first if this browser has answers of its own.
            (Action::EditCopy, Page::Shared(result)) if self.own_answers().is_some() => {
                self.go(Page::ConfirmEditCopy(result, None))
            }
            (Action::EditCopy, Page::Shared(result)) => self.edit_copy(&result),
            (
                Action::EditCopy,
                Page::Start
                | Page::Question(_)
                | Page::CheckAnswers
                | Page::Results
                | Page::BadLink(_)
                | Page::ConfirmStartAgain(_)
                | Page::ConfirmEditCopy(..)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,

            (Action::ConfirmEditCopy, Page::ConfirmEditCopy(result, handover)) => {
                self.edit_copy(&result).taken_up(handover)
            }
            (
                Action::ConfirmEditCopy,
                Page::Start
                | Page::Question(_)
                | Page::CheckAnswers
                | Page::Results
                | Page::Shared(_)
                | Page::BadLink(_)
                | Page::ConfirmStartAgain(_)
                | Page::Actions
                | Page::ActionForm(_),
            ) => return self,
        };
        let mut next = next.with_effects(&self, requested);
        if already_saved {
            let effects = next.effects.since(&self.effects).iter();
            let effects = effects.filter(|e| **e != Effect::SaveAnswers).cloned();
            next.effects = self.effects.request(effects.collect());
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::effects::Effects;
    use digital_board_core::actions::{Commitment, MAX_ACTIONS, Status};
    use digital_board_core::content::default_assessment;
    use digital_board_core::label::Role;
    use digital_board_core::model::Level;
    use digital_board_core::scoring::{Answers, Response};

    fn run(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions.into_iter().fold(
            Rc::new(State::new(default_assessment())),
            |state, action| state.reduce(action),
        )
    }

    /// The effects `action` asks for from `state`, and the state after it.
    fn effects_of(state: &Rc<State>, action: Action) -> (Vec<Effect>, Rc<State>) {
        let next = state.clone().reduce(action);
        (next.effects.since(&state.effects).to_vec(), next)
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
    fn the_late_pages_arriving_redraws_only_a_page_of_theirs() {
        // On a question (or the start page), the member's focus stays put.
        let on_question = run([Action::Start, Action::Choose(0, Response::DontKnow)]);
        let (effects, after) = effects_of(&on_question, Action::LatePagesSettled);
        assert!(effects.is_empty(), "{effects:?}");
        assert!(Rc::ptr_eq(&after, &on_question), "nothing changes");
        let (effects, _) = effects_of(
            &Rc::new(State::new(default_assessment())),
            Action::LatePagesSettled,
        );
        assert!(effects.is_empty(), "{effects:?}");
        // Check your answers, shown as "Loading…" until now: drawn, with its
        // title and focus.
        let checking = run(answer_all());
        assert!(checking.page.is_late());
        let (effects, after) = effects_of(&checking, Action::LatePagesSettled);
        assert_eq!(effects, [Effect::ShowPage]);
        assert_eq!(after.page, Page::CheckAnswers);
        // "Try again" asks for the module again, and nothing else.
        let (effects, after) = effects_of(&checking, Action::RetryLatePages);
        assert_eq!(effects, [Effect::LoadLatePages]);
        assert_eq!(after.page, Page::CheckAnswers);
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
        assert!(!asked.effects.list().contains(&Effect::ClearStorage));
        let (effects, state) = effects_of(&asked, Action::ConfirmStartAgain);
        assert_eq!(state.page, Page::Start);
        assert_eq!(
            state.answers,
            Answers::empty(default_assessment().question_count())
        );
        assert!(effects.contains(&Effect::ClearStorage), "{effects:?}");
        assert_eq!(state.notice, Some(Phrase::AnswersDeleted.text()));
        assert_eq!(state.reduce(Action::Start).notice, None);
    }

    #[test]
    fn keep_my_answers_goes_back_with_nothing_deleted() {
        let mut actions = answer_all();
        actions.extend([Action::ShowResults, Action::StartAgain]);
        let (effects, state) = effects_of(&run(actions), Action::KeepAnswers);
        assert_eq!(state.page, Page::Results);
        assert!(state.answers.is_complete());
        assert!(!effects.contains(&Effect::ClearStorage));

        let mut saved = Answers::empty(13);
        saved.notes[4] = "evidence".into();
        let start = Rc::new(State::opened(
            default_assessment(),
            Some(saved.clone()),
            None,
        ));
        let asked = start.reduce(Action::StartAgain);
        assert_eq!(asked.page, Page::ConfirmStartAgain(ReturnTo::Start));
        let (effects, kept) = effects_of(&asked, Action::KeepAnswers);
        assert_eq!(
            (&kept.page, kept.resume.as_ref()),
            (&Page::Start, Some(&saved))
        );
        assert!(!effects.contains(&Effect::ClearStorage));
        let asked = kept.reduce(Action::StartAgain);
        let (effects, cleared) = effects_of(&asked, Action::ConfirmStartAgain);
        assert_eq!(cleared.resume, None);
        assert!(effects.contains(&Effect::ClearStorage));
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
        assert_eq!(state.notice, Some(Phrase::CannotSave.text()));
        let state = state.reduce(Action::Continue);
        assert_eq!(state.notice, None);
        assert!(state.storage_failed);
        assert_eq!(state.reduce(Action::StorageFailed).notice, None);
    }

    #[test]
    fn start_again_is_only_offered_where_it_has_a_button() {
        // A question page has no Start again: nothing happens.
        let before = run([Action::Start, Action::Choose(0, Response::DontKnow)]);
        let (effects, state) = effects_of(&before, Action::StartAgain);
        assert_eq!(
            (&state.page, effects.as_slice()),
            (&Page::Question(0), &[][..])
        );
        // Nor does "Delete my answers" do anything unless it was asked.
        let (effects, _) = effects_of(&state, Action::ConfirmStartAgain);
        assert_eq!(effects, []);
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

    /// The shared result on a page that shows one.
    fn shared_result(page: &Page) -> &SharedResult {
        match page {
            Page::Shared(result) | Page::ConfirmEditCopy(result, _) => result,
            page => panic!("no shared result on {page:?}"),
        }
    }

    #[test]
    fn a_share_link_opens_read_only_results_and_edit_a_copy_takes_its_answers() {
        let state = run([Action::OpenFragment(shared_fragment("RXX"))]);
        assert!(matches!(state.page, Page::Shared(_)), "{:?}", state.page);
        let shared_answers = shared_result(&state.page).answers().clone();
        assert_eq!(state.answers, Answers::empty(13), "own answers untouched");
        let (effects, copy) = effects_of(&state, Action::EditCopy);
        assert_eq!(copy.page, Page::CheckAnswers);
        assert_eq!(copy.answers, shared_answers);
        assert_eq!(copy.label.organisation, "RXX");
        // The sender was a non-executive; the copy's role is left for the
        // user to choose.
        assert_eq!(
            shared_result(&state.page).label().map(|l| l.role),
            Some(Role::NonExecutive)
        );
        assert_eq!(copy.label.role, Role::Unspecified);
        // The copy is saved, and its link leaves the address; the shared
        // result's history entry becomes Check your answers'.
        assert_eq!(
            effects,
            [
                Effect::ClearShareFragment,
                Effect::SaveAnswers,
                Effect::RecordScreen(History::Replace),
                Effect::ShowPage
            ]
        );
    }

    /// The text the compare view hands over: a result with every answer
    /// at `level`, a note on the first, `role` and `actions`.
    fn handover_text(
        handover: Handover,
        level: Level,
        role: Role,
        actions: Vec<Commitment>,
    ) -> String {
        let a = default_assessment();
        let mut answers =
            Answers::from_responses(vec![Some(Response::Level(level)); a.question_count()]);
        answers.notes[0] = "Agreed after discussion.\n\nDissent: the CIO.".into();
        let label = Label {
            organisation: "RR8".into(),
            role,
        };
        let result = SharedResult::new(a, answers, Some(label), None)
            .unwrap()
            .with_actions(actions)
            .unwrap();
        handover.to_text(&result)
    }

    fn commitment(what: &str, status: Option<Status>) -> Commitment {
        Commitment {
            what: what.into(),
            lead: "Chair".into(),
            by: None,
            measure: String::new(),
            questions: vec![0],
            status,
        }
    }

    #[test]
    fn the_boards_agreed_answers_are_taken_up_as_the_boards() {
        let text = handover_text(
            Handover::BoardAnswers,
            Level::Embedded,
            Role::Board,
            Vec::new(),
        );
        // Nothing of its own here: taken up at once, saved, and said so.
        let (effects, state) = effects_of(&run([]), Action::TakeUp(text.clone()));
        assert_eq!(state.page, Page::CheckAnswers);
        assert_eq!(state.label.role, Role::Board);
        assert_eq!(state.label.organisation, "RR8");
        assert_eq!(
            state.answers.note(0),
            "Agreed after discussion.\n\nDissent: the CIO."
        );
        assert_eq!(state.notice, Some(AgreePhrase::BoardTakenUp.text()));
        assert!(effects.contains(&Effect::SaveAnswers));

        // A member's own answers are never replaced without asking.
        let own = run(answer_all());
        let asked = own.clone().reduce(Action::TakeUp(text.clone()));
        assert!(matches!(
            asked.page,
            Page::ConfirmEditCopy(_, Some(Handover::BoardAnswers))
        ));
        assert_eq!(asked.answers, own.answers);
        // "Keep my answers": the board's result is shown, nothing replaced.
        let kept = asked.clone().reduce(Action::KeepAnswers);
        assert!(matches!(kept.page, Page::Shared(_)));
        assert_eq!(kept.answers, own.answers);
        let replaced = asked.reduce(Action::ConfirmEditCopy);
        assert_eq!(replaced.label.role, Role::Board);
        assert_eq!(
            replaced.answers.response(3),
            Some(Response::Level(Level::Embedded))
        );
        // Garbage is ignored (only the page sends this).
        let same = run([]);
        assert!(Rc::ptr_eq(
            &same.clone().reduce(Action::TakeUp("board:???".into())),
            &same
        ));
    }

    #[test]
    fn last_times_actions_join_this_browsers_own_result() {
        // This browser's result is the later one (all Siloed) with one
        // action of its own.
        let own = run(answer_all());
        let own = State {
            actions: vec![commitment("Hire a CCIO", None)],
            ..(*own).clone()
        };
        let own = Rc::new(own);
        let carried = vec![
            commitment("Hire a CCIO", None),
            commitment("Publish a data strategy", Some(Status::Done)),
        ];
        let text = handover_text(Handover::FollowUp, Level::Siloed, Role::Board, carried);
        let (effects, state) = effects_of(&own, Action::TakeUp(text));
        assert_eq!(state.page, Page::Actions);
        assert_eq!(state.answers, own.answers, "answers and notes kept");
        let listed: Vec<_> = state
            .actions
            .iter()
            .map(|a| (a.what.as_str(), a.status))
            .collect();
        assert_eq!(
            listed,
            [
                ("Hire a CCIO", None),
                ("Publish a data strategy", Some(Status::Done))
            ]
        );
        assert_eq!(state.notice, Some(AgreePhrase::FollowUpTakenUp.text()));
        assert!(effects.contains(&Effect::SaveAnswers));

        // Too many to add: nothing changes, and the page says why.
        let full = State {
            actions: (0..MAX_ACTIONS)
                .map(|i| commitment(&format!("Own {i}"), None))
                .collect(),
            ..(*own).clone()
        };
        let text = handover_text(
            Handover::FollowUp,
            Level::Siloed,
            Role::Board,
            vec![commitment("Publish a data strategy", Some(Status::Done))],
        );
        let state = Rc::new(full.clone()).reduce(Action::TakeUp(text));
        assert_eq!(state.actions, full.actions);
        assert_eq!(state.notice, Some(AgreePhrase::TooManyToCarry.text()));

        // A later result that is not this browser's: asked, as for the board.
        let other = handover_text(Handover::FollowUp, Level::Absent, Role::Board, Vec::new());
        let asked = own.reduce(Action::TakeUp(other));
        assert!(matches!(
            asked.page,
            Page::ConfirmEditCopy(_, Some(Handover::FollowUp))
        ));
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
        let (effects, asked) = effects_of(&state, Action::EditCopy);
        assert!(matches!(asked.page, Page::ConfirmEditCopy(..)));
        assert_eq!(shared_result(&asked.page), shared_result(&state.page));
        assert_eq!(asked.resume.as_ref(), Some(&saved));
        // Asking leaves the link in the address and saves nothing.
        assert_eq!(effects, [Effect::ShowPage]);
        // Keep: back to the shared result, own answers untouched.
        let kept = asked.clone().reduce(Action::KeepAnswers);
        assert_eq!(kept.page, state.page);
        assert_eq!(kept.resume.as_ref(), Some(&saved));
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
        let Page::BadLink(error) = &state.page else {
            panic!("{:?}", state.page)
        };
        assert!(error.message().contains("cut off"), "{error:?}");
        assert_eq!(state.resume.as_ref(), Some(&saved));
        let (effects, state) = effects_of(&state, Action::StartOwn);
        assert_eq!(
            (&state.page, state.resume.as_ref()),
            (&Page::Start, Some(&saved))
        );
        assert_eq!(
            effects,
            [
                Effect::ClearShareFragment,
                Effect::RecordScreen(History::Replace),
                Effect::ShowPage
            ]
        );
    }

    #[test]
    fn going_back_past_a_share_link_returns_to_the_start() {
        let state = run([
            Action::OpenFragment(shared_fragment("RXX")),
            Action::OpenFragment(String::new()),
        ]);
        assert_eq!(state.page, Page::Start);
    }

    #[test]
    fn other_fragments_are_ignored() {
        let state = run([
            Action::OpenFragment("#maincontent".into()),
            Action::OpenFragment(String::new()),
        ]);
        assert_eq!(state.page, Page::Start);
        assert_eq!(state.moves, 0);
        assert_eq!(state.effects, Effects::default());
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

    #[test]
    fn answers_are_saved_as_they_change_once_there_is_progress() {
        let state = run([Action::Start]);
        // The label alone is not worth saving.
        let (effects, state) = effects_of(&state, Action::SetOrganisation("Leeds".into()));
        assert_eq!(effects, []);
        let (effects, state) = effects_of(&state, Action::Choose(0, Response::DontKnow));
        assert_eq!(effects, [Effect::SaveAnswers]);
        let (effects, state) = effects_of(&state, Action::Note(0, "evidence".into()));
        assert_eq!(effects, [Effect::SaveAnswers]);
        let (effects, state) = effects_of(&state, Action::SetRole(Role::Executive));
        assert_eq!(effects, [Effect::SaveAnswers]);
        // Not once saving has failed.
        let state = state.reduce(Action::StorageFailed);
        let (effects, _) = effects_of(&state, Action::Choose(0, Response::DontKnow));
        assert_eq!(effects, []);
    }

    #[test]
    fn every_page_change_and_error_shows_the_page() {
        let state = run([Action::Start]);
        assert_eq!(
            state.effects.list(),
            [
                Effect::ClearShareFragment,
                Effect::RecordScreen(History::Push),
                Effect::ShowPage
            ]
        );
        let (effects, state) = effects_of(&state, Action::Continue);
        assert!(state.show_error);
        assert_eq!(effects, [Effect::ShowPage]);
        let (effects, state) = effects_of(&state, Action::Choose(0, Response::DontKnow));
        assert_eq!(
            effects,
            [Effect::SaveAnswers],
            "typing is not a page change"
        );
        let (effects, _) = effects_of(&state, Action::Continue);
        assert_eq!(
            effects,
            [
                Effect::ClearShareFragment,
                Effect::RecordScreen(History::Push),
                Effect::ShowPage
            ]
        );
    }

    #[test]
    fn compare_results_asks_the_page_to_switch_and_changes_nothing_else() {
        let state = run(answer_all()).reduce(Action::ShowResults);
        let (effects, next) = effects_of(&state, Action::OpenCompare(None));
        assert_eq!(effects, [Effect::OpenCompare(None)]);
        assert_eq!(
            State {
                effects: state.effects.clone(),
                ..(*next).clone()
            },
            *state
        );
        // From a shared result: its link goes with it.
        let link = shared_fragment("RXX");
        let shared = run([Action::OpenFragment(link.clone())]);
        let (effects, next) = effects_of(&shared, Action::OpenCompare(Some(link.clone())));
        assert_eq!(effects, [Effect::OpenCompare(Some(link))]);
        assert_eq!(next.page, shared.page);
    }

    #[test]
    fn opening_a_share_link_leaves_it_in_the_address() {
        let (effects, _) = effects_of(
            &Rc::new(State::new(default_assessment())),
            Action::OpenFragment(shared_fragment("RXX")),
        );
        assert_eq!(effects, [Effect::ShowPage]);
    }

    #[test]
    fn screens_have_keys_for_the_history_and_odd_keys_are_refused() {
        let a = default_assessment();
        let mut screens = vec![
            Screen::Start,
            Screen::CheckAnswers,
            Screen::Results,
            Screen::ConfirmStartAgain(ReturnTo::Start),
            Screen::ConfirmStartAgain(ReturnTo::Results),
        ];
        screens.extend((0..a.question_count()).map(Screen::Question));
        for screen in screens {
            assert_eq!(Screen::from_key(&screen.key()), Some(screen));
        }
        assert_eq!(Screen::Question(1).key(), "question-2");
        for odd in [
            "",
            "question-0",
            "question-",
            "question-x",
            "Results",
            "shared",
        ] {
            assert_eq!(Screen::from_key(odd), None, "{odd:?}");
        }
        // Pages about a share link have no screen: their entry is the link's.
        let shared = run([Action::OpenFragment(shared_fragment("RXX"))]);
        assert_eq!(shared.page.screen(), None);
    }

    #[test]
    fn back_and_forward_show_the_screen_asked_for_and_record_it_in_place() {
        let state = run([
            Action::Start,
            Action::Choose(0, Response::DontKnow),
            Action::Continue,
        ]);
        let (effects, back) = effects_of(&state, Action::ShowScreen(Screen::Question(0)));
        assert_eq!(back.page, Page::Question(0));
        assert_eq!(back.moves, state.moves + 1, "focus moves to the heading");
        assert_eq!(
            effects,
            [
                Effect::ClearShareFragment,
                Effect::RecordScreen(History::Replace),
                Effect::ShowPage
            ]
        );
        assert_eq!(
            back.clone().reduce(Action::ShowScreen(Screen::Start)).page,
            Page::Start
        );
        // The screen already showing: nothing to do.
        let (effects, same) = effects_of(&back, Action::ShowScreen(Screen::Question(0)));
        assert_eq!(
            (effects.as_slice(), same.page.clone()),
            (&[][..], Page::Question(0))
        );
        // Moving on by the widget's own buttons adds an entry.
        let (effects, _) = effects_of(&back, Action::Continue);
        assert!(effects.contains(&Effect::RecordScreen(History::Push)));
        // No results before every question is answered; no question that
        // does not exist.
        let forward = back.clone().reduce(Action::ShowScreen(Screen::Results));
        assert_eq!(forward.page, Page::CheckAnswers);
        let odd = back.reduce(Action::ShowScreen(Screen::Question(99)));
        assert_eq!(odd.page, Page::Start);
    }

    #[test]
    fn back_and_forward_through_a_whole_assessment() {
        let done = run(answer_all()).reduce(Action::ShowResults);
        assert_eq!(done.page, Page::Results);
        let check = done.reduce(Action::ShowScreen(Screen::CheckAnswers));
        assert_eq!(check.page, Page::CheckAnswers);
        let last = check.reduce(Action::ShowScreen(Screen::Question(12)));
        assert_eq!(last.page, Page::Question(12));
        // Continue from there goes on as usual: to Check your answers.
        assert_eq!(
            last.clone().reduce(Action::Continue).page,
            Page::CheckAnswers
        );
        let results = last.reduce(Action::ShowScreen(Screen::Results));
        assert_eq!(results.page, Page::Results);
        // "Delete your answers?" again only while there are answers.
        let asked = results.reduce(Action::ShowScreen(Screen::ConfirmStartAgain(
            ReturnTo::Results,
        )));
        assert_eq!(asked.page, Page::ConfirmStartAgain(ReturnTo::Results));
        let deleted = asked.reduce(Action::ConfirmStartAgain);
        let again = deleted.reduce(Action::ShowScreen(Screen::ConfirmStartAgain(
            ReturnTo::Results,
        )));
        assert_eq!(again.page, Page::Start);
        assert!(
            again
                .effects
                .list()
                .contains(&Effect::RecordScreen(History::Replace))
        );
    }

    #[test]
    fn after_a_reload_going_back_into_the_assessment_takes_up_the_saved_answers() {
        let (state, saved) = opened_with_saved_answers();
        let (effects, back) = effects_of(&state, Action::ShowScreen(Screen::Question(1)));
        assert_eq!(back.page, Page::Question(1));
        assert_eq!((&back.answers, back.resume.as_ref()), (&saved, None));
        assert!(effects.contains(&Effect::RecordScreen(History::Replace)));
        // The start page itself keeps offering them.
        let (state, _) = opened_with_saved_answers();
        let start = state.reduce(Action::ShowScreen(Screen::Start));
        assert_eq!(start.resume.as_ref(), Some(&saved));
    }

    #[test]
    fn back_from_a_shared_result_to_an_own_screen() {
        let state = run(answer_all())
            .reduce(Action::ShowResults)
            .reduce(Action::OpenFragment(shared_fragment("RXX")));
        assert!(matches!(state.page, Page::Shared(_)));
        let (effects, back) = effects_of(&state, Action::ShowScreen(Screen::Results));
        assert_eq!(back.page, Page::Results);
        assert_eq!(
            effects,
            [
                Effect::ClearShareFragment,
                Effect::RecordScreen(History::Replace),
                Effect::ShowPage
            ]
        );
    }
}

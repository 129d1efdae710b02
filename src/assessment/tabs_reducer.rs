//! The reducer's part for saved records changed elsewhere: another tab or
//! window of this browser saving or deleting answers, and records this
//! page cannot read. Pure, as `reducer.rs` is.
//!
//! What a board member expects: nothing typed in either tab is lost
//! without being asked.
//! - A page with nothing typed of its own that the other tab's save would
//!   replace (on the start page, or its answers are what was saved before
//!   the change) follows the other tab: it shows the new answers on the
//!   same page (or the nearest one they allow) and says so in a notice.
//!   Deleting in the other tab is followed the same way, to the start page.
//! - A page whose answers the other tab's save would replace (both typed at
//!   once, or the other tab chose "Keep these answers" over this one's)
//!   stops saving and asks: "Use the answers from the other tab" or "Keep
//!   these answers". Keeping saves this page's answers over the other's,
//!   noting what they replaced, so the other tab asks the same question.
//! - A record this page cannot read (damaged, or saved by a newer version)
//!   is never written over: it is set aside under its own key before the
//!   first save, and the page says so and offers it as a download. If it
//!   cannot be set aside, nothing is saved and the page says that.

use std::rc::Rc;

use super::action::StoredChange;
use super::state::{Effect, OtherTab, Page, Screen, State, Unreadable};
use crate::effects::History;
use digital_board_core::label::Label;
use digital_board_core::saved::{self, Record};
use digital_board_core::scoring::Answers;
use digital_board_core::text::assessment::Phrase;

impl State {
    /// A record with progress read from `text`; `Ok(None)` for none (or
    /// one with nothing in it), `Err` for one this page cannot read.
    fn read_stored(&self, text: Option<&str>) -> Result<Option<Record>, saved::SavedError> {
        Ok(text
            .map(|text| saved::from_text(self.assessment, text))
            .transpose()?
            .filter(|record| saved::has_progress(&record.answers)))
    }

    /// A saved record changed elsewhere: follow it, ask, or keep a record
    /// that cannot be read. `None` if it changes nothing here.
    pub(super) fn stored_elsewhere(
        &self,
        change: &StoredChange,
        requested: &mut Vec<Effect>,
    ) -> Option<State> {
        if change
            .key
            .as_ref()
            .is_some_and(|key| *key != saved::storage_key(self.assessment))
        {
            return None;
        }
        let new = match self.read_stored(change.new.as_deref()) {
            Ok(new) => new,
            // Another version's record, or a damaged one: kept, set aside
            // before this page saves again.
            Err(error) => {
                return Some(State {
                    unreadable: Some(Rc::new(Unreadable {
                        text: change.new.as_deref().unwrap_or_default().into(),
                        message: error.message(),
                        aside: None,
                    })),
                    show_unreadable: true,
                    ..self.clone()
                });
            }
        };
        if self.own_record() == new {
            // Nothing differs (any question asked is settled).
            return self.other_tab.is_some().then(|| State {
                other_tab: None,
                ..self.clone()
            });
        }
        // Answers typed here (not just offered from earlier).
        let typed = self
            .own_record()
            .filter(|_| saved::has_progress(&self.answers));
        let old = self.read_stored(change.old.as_deref()).ok().flatten();
        // "Keep these answers" in the other tab saved over exactly these.
        let kept_over = change.replaced.is_some() && change.replaced == change.old;
        let follow = match &typed {
            None => true,
            Some(_) => typed == old && !kept_over && self.other_tab.is_none(),
        };
        Some(if follow {
            let notice = if new.is_some() {
                Phrase::ChangedInOtherTab
            } else {
                Phrase::DeletedInOtherTab
            };
            State {
                notice: Some(notice.text()),
                ..self.adopt(new, requested)
            }
        } else {
            State {
                other_tab: Some(Rc::new(OtherTab { theirs: new })),
                ..self.clone()
            }
        })
    }

    /// "Use the answers from the other tab" (or "Delete these answers too").
    pub(super) fn use_other_tab(&self, requested: &mut Vec<Effect>) -> Option<State> {
        let theirs = self.other_tab.as_ref()?.theirs.clone();
        Some(self.adopt(theirs, requested))
    }

    /// "Keep these answers": saved over the other tab's, which then asks.
    pub(super) fn keep_this_tab(&self, requested: &mut Vec<Effect>) -> Option<State> {
        self.other_tab.as_ref()?;
        requested.push(Effect::SaveOver);
        Some(State {
            other_tab: None,
            ..self.clone()
        })
    }

    /// The record that could not be read is safe under `key`.
    pub(super) fn aside_kept(&self, key: Rc<str>) -> Option<State> {
        let unreadable = self.unreadable.as_ref()?;
        Some(State {
            unreadable: Some(Rc::new(Unreadable {
                aside: Some(key),
                ..(**unreadable).clone()
            })),
            show_unreadable: true,
            ..self.clone()
        })
    }

    /// The record that could not be read could not be set aside: nothing
    /// is saved (it would be written over), and the page says so once.
    pub(super) fn aside_failed(&self) -> Option<State> {
        (!self.storage_failed).then(|| State {
            storage_failed: true,
            notice: Some(Phrase::CannotSetAside.text()),
            ..self.clone()
        })
    }

    /// This page with another tab's record (`None`: deleted there), on the
    /// same page if the answers allow it, or the nearest page they do.
    fn adopt(&self, record: Option<Record>, requested: &mut Vec<Effect>) -> State {
        let empty = Answers::empty(self.assessment.question_count());
        let deleted = record.is_none();
        let (answers, label, actions, draft) = match record {
            Some(record) => (record.answers, record.label, record.actions, record.draft),
            None => (empty.clone(), Label::default(), Vec::new(), None),
        };
        // Answers not yet taken up here stay on offer ("Continue where you
        // left off"); answers being worked on are replaced.
        let on_offer = matches!(self.page.screen(), None | Some(Screen::Start))
            && !saved::has_progress(&self.answers);
        let (answers, resume) = if on_offer {
            (empty, Some(answers).filter(saved::has_progress))
        } else {
            (answers, None)
        };
        let had_answers = self.own_answers().is_some();
        let next = State {
            answers,
            resume,
            label,
            actions,
            draft,
            draft_errors: Vec::new(),
            other_tab: None,
            ..self.clone()
        };
        let page = match next.page.screen() {
            None | Some(Screen::Start) => return next,
            Some(_) if deleted && had_answers => Page::Start,
            Some(screen) => next.show_screen(screen).page,
        };
        if page == next.page {
            next
        } else {
            // The entry of the page left is this page's now.
            requested.push(Effect::RecordScreen(History::Replace));
            next.go(page)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::Reducible;

    use super::super::action::StoredChange;
    use super::super::state::{Effect, Page, State, Unreadable};
    use super::super::{Action, ReturnTo};
    use crate::effects::History;
    use digital_board_core::content::default_assessment;
    use digital_board_core::label::Label;
    use digital_board_core::model::Level;
    use digital_board_core::saved::{self, to_text};
    use digital_board_core::scoring::{Answers, Response};
    use digital_board_core::text::assessment::Phrase;

    fn answers(pattern: &[Response]) -> Answers {
        let mut answers = Answers::empty(default_assessment().question_count());
        for (slot, response) in answers.responses.iter_mut().zip(pattern) {
            *slot = Some(*response);
        }
        answers
    }

    const D: Response = Response::DontKnow;
    const E: Response = Response::Level(Level::Embedded);

    fn text(answers: &Answers) -> String {
        to_text(default_assessment(), answers, &Label::default(), &[])
    }

    fn key() -> Option<String> {
        Some(saved::storage_key(default_assessment()))
    }

    /// Another tab saved `new` over `old`.
    fn saved_elsewhere(old: Option<&Answers>, new: Option<&Answers>) -> Action {
        Action::StoredElsewhere(Rc::new(StoredChange {
            key: key(),
            old: old.map(text),
            new: new.map(text),
            replaced: None,
        }))
    }

    fn effects_of(state: &Rc<State>, action: Action) -> (Vec<Effect>, Rc<State>) {
        let next = state.clone().reduce(action);
        (next.effects.since(&state.effects).to_vec(), next)
    }

    /// A page on question 2 with the first answer given (and saved).
    fn on_question_two() -> Rc<State> {
        [Action::Start, Action::Choose(0, D), Action::Continue]
            .into_iter()
            .fold(Rc::new(State::new(default_assessment())), |s, a| {
                s.reduce(a)
            })
    }

    #[test]
    fn a_page_with_nothing_of_its_own_follows_the_other_tab() {
        // On the start page, answers on offer from earlier: the new ones
        // are offered instead, and nothing is saved here.
        let earlier = answers(&[D]);
        let start = Rc::new(State::opened(
            default_assessment(),
            Some(earlier.clone()),
            None,
        ));
        let theirs = answers(&[D, E]);
        let (effects, next) = effects_of(&start, saved_elsewhere(Some(&earlier), Some(&theirs)));
        assert_eq!(next.page, Page::Start);
        assert_eq!(next.resume.as_ref(), Some(&theirs));
        assert_eq!(next.notice, Some(Phrase::ChangedInOtherTab.text()));
        assert!(!effects.contains(&Effect::SaveAnswers), "{effects:?}");
        // A page whose answers are what was saved before: shows the new
        // answers on the same page, without saving them back.
        let page = on_question_two();
        let (effects, next) =
            effects_of(&page, saved_elsewhere(Some(&page.answers), Some(&theirs)));
        assert_eq!((&next.page, &next.answers), (&Page::Question(1), &theirs));
        assert_eq!(next.other_tab, None);
        assert_eq!(effects, []);
        // The same save heard twice (as the page saves, then by the event)
        // changes nothing more.
        let (effects, again) =
            effects_of(&next, saved_elsewhere(Some(&page.answers), Some(&theirs)));
        assert_eq!((effects, &again.answers), (vec![], &theirs));
    }

    #[test]
    fn deleting_in_the_other_tab_is_followed_to_the_start_page() {
        let page = on_question_two();
        let (effects, next) = effects_of(&page, saved_elsewhere(Some(&page.answers), None));
        assert_eq!(next.page, Page::Start);
        assert_eq!(next.own_answers(), None);
        assert_eq!(next.notice, Some(Phrase::DeletedInOtherTab.text()));
        assert!(effects.contains(&Effect::RecordScreen(History::Replace)));
        assert!(!effects.contains(&Effect::SaveAnswers));
    }

    #[test]
    fn answers_typed_here_are_never_replaced_without_asking() {
        let page = on_question_two();
        let ours = page.answers.clone();
        let theirs = answers(&[E, E]);
        // The other tab saved over something this page never saw (both
        // typed at once): ask, and save nothing meanwhile.
        let (effects, asked) = effects_of(&page, saved_elsewhere(None, Some(&theirs)));
        assert_eq!(asked.answers, ours, "nothing replaced");
        assert_eq!(
            asked
                .other_tab
                .as_ref()
                .map(|o| o.theirs.as_ref().map(|r| &r.answers)),
            Some(Some(&theirs))
        );
        assert_eq!(effects, []);
        let (effects, typing) = effects_of(&asked, Action::Choose(1, E));
        assert_eq!(effects, [], "no saving over the other tab while asking");
        // Keep these answers: saved over the other tab's.
        let (effects, kept) = effects_of(&typing, Action::KeepThisTab);
        assert_eq!(effects, [Effect::SaveOver]);
        assert_eq!(
            (kept.other_tab.as_ref(), &kept.answers),
            (None, &typing.answers)
        );
        let (effects, _) = effects_of(&kept, Action::Choose(2, D));
        assert_eq!(effects, [Effect::SaveAnswers], "saving again");
        // Or use the other tab's: this page's answers become theirs, on
        // the same page, saved already.
        let (effects, used) = effects_of(&typing, Action::UseOtherTab);
        assert_eq!((&used.page, &used.answers), (&Page::Question(1), &theirs));
        assert_eq!((used.other_tab.as_ref(), effects), (None, vec![]));
    }

    #[test]
    fn the_tab_whose_answers_were_kept_over_asks_too() {
        let page = on_question_two();
        let ours = page.answers.clone();
        let theirs = answers(&[E, E, E]);
        // The other tab chose "Keep these answers" over exactly these.
        let change = StoredChange {
            key: key(),
            old: Some(text(&ours)),
            new: Some(text(&theirs)),
            replaced: Some(text(&ours)),
        };
        let asked = page.reduce(Action::StoredElsewhere(Rc::new(change)));
        assert_eq!(asked.answers, ours);
        assert!(asked.other_tab.is_some());
        // Deleted there while this page has answers: asked too, and
        // "Delete these answers too" follows.
        let page = on_question_two();
        let change = StoredChange {
            key: key(),
            old: Some(text(&answers(&[E]))),
            new: None,
            replaced: None,
        };
        let asked = page.reduce(Action::StoredElsewhere(Rc::new(change)));
        assert_eq!(
            asked.other_tab.as_ref().map(|o| o.theirs.is_none()),
            Some(true)
        );
        let deleted = asked.reduce(Action::UseOtherTab);
        assert_eq!(
            (deleted.page.clone(), deleted.own_answers()),
            (Page::Start, None)
        );
    }

    #[test]
    fn following_keeps_a_sensible_page() {
        // On the results, answers with gaps: Check your answers.
        let mut all = vec![Action::Start];
        for i in 0..13 {
            all.extend([Action::Choose(i, D), Action::Continue]);
        }
        all.push(Action::ShowResults);
        let results = all
            .into_iter()
            .fold(Rc::new(State::new(default_assessment())), |s, a| {
                s.reduce(a)
            });
        assert_eq!(results.page, Page::Results);
        let theirs = answers(&[E]);
        let (effects, next) = effects_of(
            &results,
            saved_elsewhere(Some(&results.answers), Some(&theirs)),
        );
        assert_eq!(next.page, Page::CheckAnswers);
        assert!(effects.contains(&Effect::RecordScreen(History::Replace)));
        // Asked before deleting: still asked while there are answers.
        let asking = results.clone().reduce(Action::StartAgain);
        let next = asking.reduce(saved_elsewhere(Some(&results.answers), Some(&theirs)));
        assert_eq!(next.page, Page::ConfirmStartAgain(ReturnTo::Results));
    }

    #[test]
    fn other_assessments_and_other_keys_are_ignored() {
        let page = on_question_two();
        let change = StoredChange {
            key: Some("digital-board-assessment:another".into()),
            old: None,
            new: Some(text(&answers(&[E]))),
            replaced: None,
        };
        let next = page
            .clone()
            .reduce(Action::StoredElsewhere(Rc::new(change)));
        assert!(Rc::ptr_eq(&page, &next));
    }

    fn opened_with_unreadable() -> Rc<State> {
        Rc::new(State {
            unreadable: Some(Rc::new(Unreadable {
                text: "dba-saved 9\nfrom a newer version".into(),
                message: "could not be read",
                aside: None,
            })),
            ..State::new(default_assessment())
        })
    }

    #[test]
    fn a_record_that_cannot_be_read_is_set_aside_before_the_first_save() {
        let state = opened_with_unreadable().reduce(Action::Start);
        let (effects, state) = effects_of(&state, Action::Choose(0, D));
        assert_eq!(effects, [Effect::SetAside, Effect::SaveAnswers]);
        let (effects, kept) = effects_of(&state, Action::AsideKept("key.unreadable".into()));
        assert_eq!(effects, []);
        assert!(kept.show_unreadable, "said on this page");
        assert_eq!(
            kept.unreadable.as_ref().and_then(|u| u.aside.as_deref()),
            Some("key.unreadable")
        );
        let (effects, _) = effects_of(&kept, Action::Choose(1, D));
        assert_eq!(effects, [Effect::SaveAnswers], "set aside once");
        assert!(!kept.reduce(Action::Continue).show_unreadable);
    }

    #[test]
    fn a_record_that_cannot_be_set_aside_stops_all_saving() {
        let state = opened_with_unreadable()
            .reduce(Action::Start)
            .reduce(Action::Choose(0, D));
        let (effects, failed) = effects_of(&state, Action::AsideFailed);
        assert_eq!(effects, []);
        assert_eq!(failed.notice, Some(Phrase::CannotSetAside.text()));
        let (effects, _) = effects_of(&failed, Action::Choose(1, D));
        assert_eq!(effects, []);
    }

    #[test]
    fn another_tab_s_record_that_cannot_be_read_is_kept_too() {
        let page = on_question_two();
        let change = StoredChange {
            key: key(),
            old: Some(text(&page.answers)),
            new: Some("dba-saved 9\nnewer".into()),
            replaced: None,
        };
        let kept = page.reduce(Action::StoredElsewhere(Rc::new(change)));
        assert_eq!(
            kept.unreadable.as_ref().map(|u| &*u.text),
            Some("dba-saved 9\nnewer")
        );
        let (effects, _) = effects_of(&kept, Action::Choose(1, D));
        assert_eq!(effects, [Effect::SetAside, Effect::SaveAnswers]);
    }
}

//! The side effects a view's reducer asks for. `reduce` stays pure: it
//! records what should happen (save, clear the address, tell the page,
//! set the title and move focus) in the state, and the view's root
//! component performs it in one effect after rendering.

/// The effects requested by the latest action that requested any, with a
/// count of requests: the app performs the list whenever [`Effects::seq`]
/// changes, so each request is performed once. An action that requests
/// nothing leaves both as they are. Yew renders (and so performs the
/// effects) after each browser event, and no event handler dispatches two
/// actions that request effects, so no request is overwritten before it
/// is performed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effects<E> {
    seq: u32,
    list: Vec<E>,
}

impl<E> Default for Effects<E> {
    fn default() -> Self {
        Effects {
            seq: 0,
            list: Vec::new(),
        }
    }
}

impl<E: Clone> Effects<E> {
    /// These effects after a request for `effects` (unchanged if empty).
    pub fn request(&self, effects: Vec<E>) -> Self {
        if effects.is_empty() {
            self.clone()
        } else {
            Effects {
                seq: self.seq.wrapping_add(1),
                list: effects,
            }
        }
    }
}

impl<E> Effects<E> {
    /// Counts requests; the app's effect runs when it changes.
    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// The effects of the latest request, in the order to perform them.
    pub fn list(&self) -> &[E] {
        &self.list
    }

    /// What was requested since `earlier` (for tests: nothing if no
    /// request was made).
    pub fn since(&self, earlier: &Effects<E>) -> &[E] {
        if self.seq == earlier.seq {
            &[]
        } else {
            &self.list
        }
    }
}

/// How a view records the screen it now shows in the browser's session
/// history, so that the browser's Back and Forward buttons move between the
/// widget's screens. The app asks the page (www/start.js) to do it, which
/// keeps the entries (same address, the host page's own state kept); see
/// `crate::dom::record_screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry after the current one: the user moved to another screen.
    Push,
    /// The current entry: the screen shown at load, from a link in the
    /// address (the browser made its entry), after leaving a shared result
    /// (its entry becomes the new screen's) or by Back or Forward (the
    /// screen shown may differ from the one the entry asked for).
    Replace,
}

impl History {
    /// How a view records the screen it now shows: as the action asked
    /// (`asked`), else, if the screen `changed`, a new entry, or the current
    /// one when the page left had no entry of its own (`from_unrecorded`: a
    /// link's page, whose entry the browser made).
    pub fn for_screen(
        asked: Option<History>,
        changed: bool,
        from_unrecorded: bool,
    ) -> Option<History> {
        asked.or(changed.then_some(if from_unrecorded {
            History::Replace
        } else {
            History::Push
        }))
    }
}

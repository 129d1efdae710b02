//! Words of a result made with another content version of the
//! assessment ([`crate::model::VersionChange`]): what happened to its
//! answers when it was read into this version's questions.

use super::edition;
use crate::model::VersionChange;

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence<'a> {
    /// What happened to a result made with an earlier version: questions
    /// added since, removed, or reworded with a change of meaning.
    MadeWithEarlier(&'a VersionChange),
}

impl Sentence<'_> {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::versions::sentence(self, &mut out);
        out
    }
}

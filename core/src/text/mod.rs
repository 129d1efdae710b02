//! Every sentence a user reads, in one place, keyed by typed messages.
//!
//! The keys are Rust types: the enums in [`common`] (shared by every
//! screen), [`assessment`] (the assessment view), [`report`] (a result's
//! page and paper), [`compare`] (the compare view and its exports), [`paper`]
//! (the Word board paper and its button), [`versions`] (a result made
//! with an earlier content version) and the
//! core's error enums ([`crate::share::ShareError`],
//! [`crate::share::ShareBuildError`], [`crate::saved::SavedError`],
//! [`crate::compare::CompareError`],
//! [`crate::compare::collect::CollectProblem`]). Their wording lives in one
//! edition folder, [`en`] (British English, NHS style), which matches every
//! key exhaustively: a key without wording does not compile.
//!
//! A Welsh or plain-English edition is a copy of `en/` with the sentences
//! changed, named in `use … as edition` below; no other file changes. The
//! questions, levels, hints and credit are content, in `assessments/*.toml`.
//!
//! Fixed words are a `Phrase`, read with `Phrase::X.text()`; words with
//! values are a `Sentence`, read with `.text()`. Both are inlined where
//! they are read and neither implements `Display`, so each wasm bundle
//! carries only the words its screens show.

pub mod actions;
pub mod agree;
pub mod assessment;
pub mod common;
pub mod compare;
pub mod en;
pub mod paper;
pub mod report;
pub mod versions;

/// The edition built in.
pub(crate) use en as edition;

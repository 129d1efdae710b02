//! The pure core of the widget: everything but the browser, tested
//! natively (`cargo test -p digital-board-core`). Cargo keeps it so: this
//! crate has no Yew or web-sys dependency.
//!
//! - [`model`] and [`content`]: assessments, built from `assessments/*.toml`
//!   at compile time (`build.rs` checks each file).
//! - [`scoring`]: answers, tallies, stages, consistency flags.
//! - [`report`]: what the results say and in which order.
//! - [`actions`]: the board's actions, checked against the guide's signs
//!   of a good commitment.
//! - [`label`] and [`date`]: who a result is from, and when.
//! - [`saved`]: answers kept in the browser between visits.
//! - [`share`]: the share link (`#r=`), its codec and envelope.
//! - [`export`]: a result as Markdown, CSV and JSON.
//! - [`paper`]: a result or a comparison as a board paper, for the Word
//!   download.
//! - [`compare`]: comparing results (board, system, then and now), reading
//!   them from links and files, the compare link (`#c=`) and its exports.
//! - [`text`]: every sentence a user reads, keyed by typed messages.

pub mod actions;
pub mod bidi;
pub mod compare;
pub mod content;
pub mod date;
pub mod export;
pub mod handover;
pub mod label;
pub mod model;
pub mod paper;
pub mod report;
pub mod saved;
pub mod scoring;
pub mod share;
pub mod text;

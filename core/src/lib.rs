//! The pure core: assessment model, content, scoring and report text.
//!
//! Nothing here imports yew or web-sys, so all of it is tested natively with
//! `cargo test`.

pub mod compare;
pub mod content;
pub mod date;
pub mod export;
pub mod label;
pub mod model;
pub mod report;
pub mod saved;
pub mod scoring;
pub mod share;
pub mod text;

//! NHS board digital-strategy self-assessment widget.
pub mod core;

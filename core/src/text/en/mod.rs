//! British English, in NHS style: the edition built in. Every key of
//! [`crate::text`] is matched here; a new edition copies this folder.

pub mod actions;
pub mod agree;
pub mod assessment;
pub mod common;
pub mod compare;
pub mod errors;
pub mod paper;
pub mod report;
pub mod versions;

/// "1 question" / "2 questions": English plurals need only the count.
pub fn plural(count: u32, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

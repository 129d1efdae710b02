//! The assessments compiled from `assessments/*.toml` by `build.rs`.

use super::model::{
    Assessment, CommitmentSign, Commitments, ConsistencyCheck, Question, Section, Source,
};

include!(concat!(env!("OUT_DIR"), "/assessments.rs"));

/// The assessment the widget opens with (validated at build time: exactly one).
pub fn default_assessment() -> &'static Assessment {
    ASSESSMENTS
        .iter()
        .find(|a| a.is_default)
        .unwrap_or(&ASSESSMENTS[0])
}

/// The assessment with this id, if it is built in.
pub fn find(id: &str) -> Option<&'static Assessment> {
    ASSESSMENTS.iter().find(|a| a.id == id)
}

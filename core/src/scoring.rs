//! Scoring: points per level, section and overall tallies, stages,
//! assurance gaps and consistency flags.
//!
//! The method (also shown to users under "How we scored this"):
//! - Absent scores 0, Siloed 1, Embedded 2.
//! - "Don't know" scores nothing and is left out of the average; each one is
//!   reported as an assurance gap.
//! - A stage is the level nearest the average of the scored answers:
//!   Absent below 0.5, Siloed from 0.5 to below 1.5, Embedded from 1.5.
//! - A stage needs at least half the questions answered with a level;
//!   otherwise there are not enough answers to give one.
//! - Every question counts once in the overall score.
//! - A consistency flag is raised when a question and the stage of the
//!   section it is checked against are two levels apart.

use super::model::{Assessment, ConsistencyCheck, Level};

/// An answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Response {
    /// The level whose descriptor fits best.
    Level(Level),
    /// The board member does not know: an assurance gap.
    DontKnow,
}

impl Response {
    /// The level, unless this is "Don't know".
    pub fn level(self) -> Option<Level> {
        match self {
            Response::Level(level) => Some(level),
            Response::DontKnow => None,
        }
    }
}

/// One board member's answers, by question position.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    /// The chosen response per question; `None` until answered.
    pub responses: Vec<Option<Response>>,
    /// Optional notes per question.
    pub notes: Vec<String>,
}

impl Answers {
    /// No answers yet for an assessment with `count` questions.
    pub fn empty(count: usize) -> Self {
        Answers {
            responses: vec![None; count],
            notes: vec![String::new(); count],
        }
    }

    /// Answers from responses alone, with no notes.
    pub fn from_responses(responses: Vec<Option<Response>>) -> Self {
        let notes = vec![String::new(); responses.len()];
        Answers { responses, notes }
    }

    /// The first question not yet answered.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.responses.iter().position(Option::is_none)
    }

    /// Whether every question has a response.
    pub fn is_complete(&self) -> bool {
        self.first_unanswered().is_none()
    }

    /// The response at a position, if answered.
    pub fn response(&self, index: usize) -> Option<Response> {
        self.responses.get(index).copied().flatten()
    }

    /// The notes at a position (empty if none).
    pub fn note(&self, index: usize) -> &str {
        self.notes.get(index).map_or("", String::as_str)
    }

    /// How many questions have a response.
    pub fn answered(&self) -> usize {
        self.responses.iter().filter(|r| r.is_some()).count()
    }

    /// How many questions have notes (more than spaces).
    pub fn noted(&self) -> usize {
        self.notes.iter().filter(|n| !n.trim().is_empty()).count()
    }
}

/// Counts and points for a group of questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Questions in the group.
    pub questions: u32,
    /// Questions answered with a level.
    pub scored: u32,
    /// Points from scored answers.
    pub points: u32,
    /// "Don't know" answers: assurance gaps.
    pub dont_know: u32,
    /// Questions not answered yet.
    pub unanswered: u32,
}

impl Tally {
    /// Tallies a run of responses.
    pub fn of<'a>(responses: impl IntoIterator<Item = &'a Option<Response>>) -> Self {
        let mut tally = Tally::default();
        for response in responses {
            tally.questions += 1;
            match response {
                Some(Response::Level(level)) => {
                    tally.scored += 1;
                    tally.points += level.points();
                }
                Some(Response::DontKnow) => tally.dont_know += 1,
                None => tally.unanswered += 1,
            }
        }
        tally
    }

    /// Most points the scored answers could have earned.
    pub fn max_points(&self) -> u32 {
        self.scored * Level::Embedded.points()
    }

    /// How many answers with a level a stage needs: half the questions,
    /// rounded up.
    pub fn levels_needed(&self) -> u32 {
        self.questions.div_ceil(2)
    }

    /// Whether enough questions have a level to give a stage (at least half).
    pub fn has_enough_answers(&self) -> bool {
        self.scored > 0 && self.scored >= self.levels_needed()
    }

    /// The level nearest the average, or `None` without enough answers.
    pub fn stage(&self) -> Option<Level> {
        if !self.has_enough_answers() {
            return None;
        }
        // average < 0.5  <=>  2 * points < scored;  average >= 1.5  <=>  2 * points >= 3 * scored
        Some(if 2 * self.points < self.scored {
            Level::Absent
        } else if 2 * self.points >= 3 * self.scored {
            Level::Embedded
        } else {
            Level::Siloed
        })
    }

    /// Average points per scored answer in tenths, rounded half up (14 = 1.4).
    pub fn average_tenths(&self) -> Option<u32> {
        (self.scored > 0).then(|| (self.points * 20 + self.scored) / (2 * self.scored))
    }

    /// The average as text with one decimal place, e.g. "1.4".
    pub fn average_text(&self) -> Option<String> {
        self.average_tenths()
            .map(|t| format!("{}.{}", t / 10, t % 10))
    }
}

/// A consistency check whose two answers are two levels apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsistencyFlag {
    /// The check that failed.
    pub check: &'static ConsistencyCheck,
    /// The level given for the question.
    pub question_level: Level,
    /// The stage of the section it was compared with.
    pub section_stage: Level,
}

/// Everything the results page shows, computed from answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    /// All questions, each counted once.
    pub overall: Tally,
    /// One tally per section, in section order.
    pub sections: Vec<Tally>,
    /// Checks whose answers disagree by two levels.
    pub flags: Vec<ConsistencyFlag>,
    /// Positions of questions answered "Don't know".
    pub assurance_gaps: Vec<usize>,
}

/// Scores a set of answers against an assessment.
pub fn score(assessment: &'static Assessment, answers: &Answers) -> Results {
    let count = assessment.question_count();
    let responses: Vec<Option<Response>> = (0..count).map(|i| answers.response(i)).collect();
    let sections: Vec<Tally> = (0..assessment.sections.len())
        .map(|s| Tally::of(&responses[assessment.section_range(s)]))
        .collect();
    let flags = assessment
        .consistency_checks
        .iter()
        .filter_map(|check| {
            let question_level = responses[check.question]?.level()?;
            let section_stage = sections[check.section].stage()?;
            (question_level.distance(section_stage) >= 2).then_some(ConsistencyFlag {
                check,
                question_level,
                section_stage,
            })
        })
        .collect();
    let assurance_gaps = (0..count)
        .filter(|&i| responses[i] == Some(Response::DontKnow))
        .collect();
    Results {
        overall: Tally::of(&responses),
        sections,
        flags,
        assurance_gaps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    fn tally(levels: &[Option<Response>]) -> Tally {
        Tally::of(levels)
    }

    const A: Option<Response> = Some(Response::Level(Absent));
    const S: Option<Response> = Some(Response::Level(Siloed));
    const E: Option<Response> = Some(Response::Level(Embedded));
    const D: Option<Response> = Some(Response::DontKnow);

    #[test]
    fn points_follow_the_level() {
        assert_eq!([Absent, Siloed, Embedded].map(Level::points), [0, 1, 2]);
    }

    #[test]
    fn dont_know_is_left_out_of_the_average() {
        let t = tally(&[E, E, D]);
        assert_eq!(
            (t.scored, t.points, t.dont_know, t.max_points()),
            (2, 4, 1, 4)
        );
        assert_eq!(t.average_text().as_deref(), Some("2.0"));
        assert_eq!(t.stage(), Some(Embedded));
    }

    #[test]
    fn stage_thresholds_sit_at_one_half_and_one_and_a_half() {
        // average 0.25 -> Absent; 0.5 -> Siloed
        assert_eq!(tally(&[A, A, A, S]).stage(), Some(Absent));
        assert_eq!(tally(&[A, S]).stage(), Some(Siloed));
        // average 1.4 -> Siloed; 1.5 -> Embedded
        assert_eq!(tally(&[S, S, S, E, E]).stage(), Some(Siloed));
        assert_eq!(tally(&[S, E]).stage(), Some(Embedded));
    }

    #[test]
    fn a_stage_needs_at_least_half_the_questions_scored() {
        assert_eq!(tally(&[E, D, D]).stage(), None);
        assert_eq!(tally(&[E, E, D]).stage(), Some(Embedded));
        assert_eq!(tally(&[D, D]).stage(), None);
        assert_eq!(tally(&[D, D]).average_tenths(), None);
        assert_eq!(tally(&[]).stage(), None);
    }

    #[test]
    fn averages_round_half_up_to_one_decimal() {
        // 2/3 = 0.666.. -> 0.7 ; 1/8 = 0.125 -> 0.1 ; 3/8 = 0.375 -> 0.4 ; 1/4 = 0.25 -> 0.3
        assert_eq!(tally(&[S, A, A]).average_text().as_deref(), Some("0.3"));
        assert_eq!(tally(&[E, A, A]).average_text().as_deref(), Some("0.7"));
        assert_eq!(tally(&[A, A, A, S]).average_text().as_deref(), Some("0.3"));
        assert_eq!(
            tally(&[A, A, A, A, A, A, A, S]).average_text().as_deref(),
            Some("0.1")
        );
    }

    #[test]
    fn unanswered_questions_are_counted_apart() {
        let t = tally(&[None, E, None]);
        assert_eq!((t.questions, t.unanswered, t.scored), (3, 2, 1));
        assert_eq!(t.stage(), None);
    }
}

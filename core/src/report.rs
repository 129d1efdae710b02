//! Report text and ordering shared by the results page (and later exports).

use crate::model::{Assessment, Level};
use crate::scoring::{Answers, ConsistencyFlag, Response, Results, Tally};
use crate::text::common::{Phrase, Sentence};
use crate::text::edition;

/// "How we scored this", one paragraph per item; the rules are in
/// `scoring`, the words in the text edition.
pub const METHOD: [&str; 6] = edition::common::SCORING_METHOD;

/// Where a question comes in the "For discussion" list: don't-knows first,
/// then the lowest levels. Embedded answers are not listed.
fn discussion_rank(response: Option<Response>) -> Option<u8> {
    match response? {
        Response::DontKnow => Some(0),
        Response::Level(Level::Absent) => Some(1),
        Response::Level(Level::Siloed) => Some(2),
        Response::Level(Level::Embedded) => None,
    }
}

/// Question positions for "For discussion": don't-knows, then Absent, then
/// Siloed, each in question order.
pub fn discussion_order(answers: &Answers) -> Vec<usize> {
    let mut ranked: Vec<(u8, usize)> = (0..answers.responses.len())
        .filter_map(|i| discussion_rank(answers.response(i)).map(|rank| (rank, i)))
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, i)| i).collect()
}

/// Most things listed under "Discuss first" in a result's summary.
pub const MAX_FIRST_POINTS: usize = 5;

/// Why a question is among the first things to discuss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstReason {
    /// Answered "Don't know": an assurance gap.
    DontKnow,
    /// Answered at a level below Embedded.
    Level(Level),
    /// Answered at this level (even Embedded), two levels apart from the
    /// stage of the section it is checked against: a consistency flag.
    Disagrees(Level),
}

/// One of the first things to discuss: a question and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstPoint {
    /// The question's position.
    pub question: usize,
    /// Why it is listed.
    pub reason: FirstReason,
    /// Whether it is also a consistency flag (a low answer can be both).
    pub flagged: bool,
}

/// The few things a board should discuss first, for a result's summary:
/// don't-knows, then the lowest levels (Absent, then Siloed), then answers
/// that a consistency check flags, each question once and at most
/// [`MAX_FIRST_POINTS`]. Empty when every answer is Embedded and nothing
/// is flagged.
pub fn discuss_first(answers: &Answers, results: &Results) -> Vec<FirstPoint> {
    let is_flagged = |question: usize| results.flags.iter().any(|f| f.check.question == question);
    let order = discussion_order(answers);
    let mut points: Vec<FirstPoint> = Vec::new();
    // Each kind of answer in turn, flagged ones first within it (the
    // board's two answers disagree); by hand, as a stable sort would cost
    // the wasm more than this function.
    for kind in [
        FirstReason::DontKnow,
        FirstReason::Level(Level::Absent),
        FirstReason::Level(Level::Siloed),
    ] {
        for flagged in [true, false] {
            for &question in &order {
                let reason = match answers.response(question) {
                    Some(Response::DontKnow) => FirstReason::DontKnow,
                    Some(Response::Level(level)) => FirstReason::Level(level),
                    None => continue,
                };
                if reason == kind && is_flagged(question) == flagged {
                    points.push(FirstPoint {
                        question,
                        reason,
                        flagged,
                    });
                }
            }
        }
    }
    for flag in &results.flags {
        if !points.iter().any(|p| p.question == flag.check.question) {
            points.push(FirstPoint {
                question: flag.check.question,
                reason: FirstReason::Disagrees(flag.question_level),
                flagged: true,
            });
        }
    }
    points.truncate(MAX_FIRST_POINTS);
    points
}

/// Short label for a response, as used in tables and the chart.
pub fn response_label(response: Option<Response>) -> &'static str {
    match response {
        Some(Response::Level(level)) => level.name(),
        Some(Response::DontKnow) => Phrase::DontKnow.text(),
        None => Phrase::NotAnswered.text(),
    }
}

/// The stage's name, or what to say when there is none.
pub fn stage_label(tally: &Tally) -> &'static str {
    tally
        .stage()
        .map_or(Phrase::NotEnoughAnswers.text(), Level::name)
}

/// The two sides of a consistency flag, with how the section's stage was
/// reached (an average can round a mix of answers up or down):
/// "Answer to “Q”: Absent. Section “S” overall: Embedded (average 1.5 of 2
/// from 2 answers with a level)."
pub fn flag_detail(
    assessment: &'static Assessment,
    results: &Results,
    flag: &ConsistencyFlag,
) -> String {
    let question = assessment
        .question(flag.check.question)
        .map_or("", |p| p.question.text);
    let section = assessment
        .sections
        .get(flag.check.section)
        .map_or("", |s| s.title);
    let Some(tally) = results.sections.get(flag.check.section) else {
        return String::new();
    };
    Sentence::FlagDetail {
        question,
        level: flag.question_level,
        section,
        tally,
        stage: flag.section_stage,
    }
    .text()
}

/// Why a tally has no stage, when it has none: "There is no overall stage:
/// a stage needs at least 7 of the 13 questions answered with a level (not
/// “Don’t know”), and 6 are."
pub fn no_stage_reason(tally: &Tally) -> Option<String> {
    (tally.stage().is_none() && tally.questions > 0).then(|| Sentence::NoStage(tally).text())
}

/// One sentence summarising a tally, e.g.
/// "14 of 20 points from 10 scored answers (average 1.4 of 2); 3 don’t know."
pub fn tally_sentence(tally: &Tally) -> String {
    Sentence::TallySummary(tally).text()
}

/// What a set of answers holds, said before it is deleted or replaced:
/// "9 of 13 questions answered, with notes on 2".
pub fn answers_held(answers: &Answers) -> String {
    Sentence::AnswersHeld {
        answered: answers.answered(),
        total: answers.responses.len(),
        noted: answers.noted(),
    }
    .text()
}

/// A date as people write it in the UK: "21 November 2026".
pub fn long_date(date: crate::date::Date) -> String {
    Sentence::LongDate(date).text()
}

/// "Question 3 of 13".
pub fn progress_label(index: usize, assessment: &Assessment) -> String {
    Sentence::Progress {
        index,
        count: assessment.question_count(),
    }
    .text()
}

/// The document title for a page, NHS style: "Page – Service".
pub fn page_title(product: &str, page: &str, has_error: bool) -> String {
    Sentence::PageTitle {
        page,
        product,
        error: has_error,
    }
    .text()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::report::Sentence;

    #[test]
    fn no_stage_reason_says_how_many_levels_a_stage_needs() {
        let mut answers = Answers::empty(13);
        for slot in &mut answers.responses[..7] {
            *slot = Some(Response::DontKnow);
        }
        for slot in &mut answers.responses[7..] {
            *slot = Some(Response::Level(Absent));
        }
        let tally = Tally::of(&answers.responses);
        assert_eq!(
            no_stage_reason(&tally).as_deref(),
            Some(
                "There is no overall stage: a stage needs at least 7 of the 13 questions answered with a level (not “Don’t know”), and 6 are."
            )
        );
        answers.responses[0] = Some(Response::Level(Absent));
        assert_eq!(no_stage_reason(&Tally::of(&answers.responses)), None);
    }

    #[test]
    fn answers_held_counts_answers_and_notes() {
        let mut answers = Answers::empty(13);
        assert_eq!(answers_held(&answers), "0 of 13 questions answered");
        answers.responses[0] = Some(Response::DontKnow);
        answers.responses[5] = Some(Response::Level(Siloed));
        answers.notes[2] = "Ask the CIO".into();
        answers.notes[3] = "  ".into();
        assert_eq!(
            answers_held(&answers),
            "2 of 13 questions answered, with notes on 1"
        );
    }
    use crate::model::Level::*;

    #[test]
    fn discussion_puts_dont_knows_first_then_lowest_levels_and_skips_embedded() {
        let answers = Answers::from_responses(vec![
            Some(Response::Level(Siloed)),
            Some(Response::Level(Embedded)),
            Some(Response::Level(Absent)),
            Some(Response::DontKnow),
            Some(Response::Level(Siloed)),
            Some(Response::Level(Absent)),
        ]);
        assert_eq!(discussion_order(&answers), vec![3, 2, 5, 0, 4]);
    }

    /// The default assessment's answers, all Embedded but for `changes`.
    fn embedded_but(changes: &[(usize, Response)]) -> (Answers, Results) {
        let assessment = crate::content::default_assessment();
        let mut answers = Answers::from_responses(vec![
            Some(Response::Level(Embedded));
            assessment.question_count()
        ]);
        for &(i, response) in changes {
            answers.responses[i] = Some(response);
        }
        let results = crate::scoring::score(assessment, &answers);
        (answers, results)
    }

    fn flagged_question() -> usize {
        let assessment = crate::content::default_assessment();
        assessment.consistency_checks[0].question
    }

    #[test]
    fn discuss_first_lists_dont_knows_then_lowest_levels_then_flags() {
        let flagged = flagged_question();
        // The trust-strategy section stays Embedded, so an Absent answer to
        // the checked question disagrees with it.
        let (answers, results) = embedded_but(&[
            (9, Response::Level(Siloed)),
            (flagged, Response::Level(Absent)),
            (11, Response::DontKnow),
            (8, Response::Level(Absent)),
        ]);
        assert_eq!(results.flags.len(), 1);
        let points = discuss_first(&answers, &results);
        let listed: Vec<(usize, FirstReason, bool)> = points
            .iter()
            .map(|p| (p.question, p.reason, p.flagged))
            .collect();
        assert_eq!(
            listed,
            vec![
                (11, FirstReason::DontKnow, false),
                (flagged, FirstReason::Level(Absent), true),
                (8, FirstReason::Level(Absent), false),
                (9, FirstReason::Level(Siloed), false),
            ]
        );
        assert_eq!(
            Sentence::FirstReason(points[1].reason, points[1].flagged).text(),
            "Absent, answers disagree"
        );
    }

    #[test]
    fn discuss_first_stops_at_five_and_keeps_an_embedded_answer_that_disagrees() {
        // Every trust-strategy answer Absent: the checked question, answered
        // Embedded, is two levels from its section and is listed though it
        // is not low.
        let flagged = flagged_question();
        let (answers, results) = embedded_but(&[
            (0, Response::Level(Absent)),
            (1, Response::Level(Absent)),
            (2, Response::Level(Absent)),
        ]);
        let points = discuss_first(&answers, &results);
        assert_eq!(
            points.last(),
            Some(&FirstPoint {
                question: flagged,
                reason: FirstReason::Disagrees(Embedded),
                flagged: true
            })
        );
        assert_eq!(points.len(), 4);

        let many: Vec<(usize, Response)> = (3..13).map(|i| (i, Response::DontKnow)).collect();
        let (answers, results) = embedded_but(&many);
        let points = discuss_first(&answers, &results);
        assert_eq!(points.len(), MAX_FIRST_POINTS);
        assert!(points.iter().all(|p| p.reason == FirstReason::DontKnow));
        assert_eq!(points[0].question, 3);

        let (answers, results) = embedded_but(&[]);
        assert!(discuss_first(&answers, &results).is_empty());
    }

    #[test]
    fn tally_sentence_reads_naturally() {
        let tally = Tally {
            questions: 13,
            scored: 10,
            points: 14,
            dont_know: 3,
            unanswered: 0,
        };
        assert_eq!(
            tally_sentence(&tally),
            "14 of 20 points from 10 scored answers (average 1.4 of 2); 3 don’t know."
        );
        let one = Tally {
            questions: 1,
            scored: 1,
            points: 2,
            dont_know: 0,
            unanswered: 0,
        };
        assert_eq!(
            tally_sentence(&one),
            "2 of 2 points from 1 scored answer (average 2.0 of 2)."
        );
        let none = Tally {
            questions: 2,
            scored: 0,
            points: 0,
            dont_know: 2,
            unanswered: 0,
        };
        assert_eq!(
            tally_sentence(&none),
            "No answers with a level; 2 don’t know."
        );
    }

    #[test]
    fn dates_read_the_uk_way() {
        let date = crate::date::Date::from_ymd(2026, 11, 21).unwrap();
        assert_eq!(long_date(date), "21 November 2026");
        let leap = crate::date::Date::from_ymd(2024, 2, 29).unwrap();
        assert_eq!(long_date(leap), "29 February 2024");
    }

    #[test]
    fn error_pages_are_titled_as_errors() {
        assert_eq!(
            page_title("Board self-assessment", "Check your answers", false),
            "Check your answers – Board self-assessment"
        );
        assert_eq!(
            page_title("Board self-assessment", "Question 1 of 13", true),
            "Error: Question 1 of 13 – Board self-assessment"
        );
    }
}

//! The board's actions: the commitments a board agrees after its results
//! (the guide's section 11, "Set actions", and its question "Have you
//! committed to realistic and tangible actions?").
//!
//! Each commitment says what will be done, who leads it (a role is
//! enough), by when (month and year) and how the board will know it worked,
//! and may name the questions it answers. [`check`] turns what was typed
//! into a [`Commitment`] or says what to fix; [`prompts`] checks a
//! commitment against the guide's signs of a good commitment where the
//! widget can tell (no date: time-bound; no measure: measurable; only a
//! technology named: outcome-focused; more than [`SHORT_LIST`]: limited in
//! number). The other signs (tangible, realistic) are for the board to
//! judge: the page lists them as a checklist with the guide's words.

use crate::date::Date;
use crate::model::Commitments;

/// Longest "what will be done", in characters.
pub const MAX_WHAT_CHARS: usize = 300;
/// Longest lead, in characters.
pub const MAX_LEAD_CHARS: usize = 80;
/// Longest "how the board will know", in characters.
pub const MAX_MEASURE_CHARS: usize = 300;
/// Most actions one result carries (links and saved answers stay small).
pub const MAX_ACTIONS: usize = 12;
/// More actions than this and the board is asked whether some could wait
/// (the guide: "Keep it to a short, meaningful list").
pub const SHORT_LIST: usize = 5;

/// Earliest and latest year a commitment may name.
const YEARS: std::ops::RangeInclusive<u16> = 2020..=2099;

/// A month of a year: when a commitment is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthYear {
    year: u16,
    month: u8,
}

impl MonthYear {
    /// The month, if `month` is 1 to 12 and `year` 2020 to 2099.
    pub fn new(year: u16, month: u8) -> Option<MonthYear> {
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(MonthYear { year, month })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The month as files write it: "2027-03".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Reads what [`MonthYear::iso`] writes.
    pub fn from_iso(text: &str) -> Option<MonthYear> {
        let (year, month) = text.split_once('-')?;
        MonthYear::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// Whether the whole month is before `today`'s month.
    pub fn is_past(self, today: Date) -> bool {
        let (year, month, _) = today.ymd();
        (i32::from(self.year), u32::from(self.month)) < (year, month)
    }
}

/// Where an action stands, recorded when the board follows it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not started yet.
    NotStarted,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Dropped by the board.
    Dropped,
}

impl Status {
    /// Every status, in the order offered.
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Dropped,
    ];

    /// The status's name as shown to users.
    pub fn name(self) -> &'static str {
        crate::text::actions::Phrase::Status(self).text()
    }

    /// A stable lowercase key, used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
}

/// One commitment the board agreed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Commitment {
    /// What will be done.
    pub what: String,
    /// Who leads it: a role, not necessarily a name.
    pub lead: String,
    /// When it is due, if the board set a date.
    pub by: Option<MonthYear>,
    /// How the board will know it worked (empty if not said).
    pub measure: String,
    /// The questions it answers, by position, in question order.
    pub questions: Vec<usize>,
    /// Where it stands, once followed up.
    pub status: Option<Status>,
}

/// What was typed into the action form, before it is checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// What will be done.
    pub what: String,
    /// Who leads it.
    pub lead: String,
    /// The month, as typed ("3", "03").
    pub month: String,
    /// The year, as typed ("2027").
    pub year: String,
    /// How the board will know it worked.
    pub measure: String,
    /// The questions ticked, by position.
    pub questions: Vec<usize>,
}

impl Draft {
    /// The form filled in with a commitment, to change it.
    pub fn of(commitment: &Commitment) -> Draft {
        Draft {
            what: commitment.what.clone(),
            lead: commitment.lead.clone(),
            month: commitment
                .by
                .map(|by| by.month().to_string())
                .unwrap_or_default(),
            year: commitment
                .by
                .map(|by| by.year().to_string())
                .unwrap_or_default(),
            measure: commitment.measure.clone(),
            questions: commitment.questions.clone(),
        }
    }
}

/// A field of the action form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// What will be done.
    What,
    /// Who leads it.
    Lead,
    /// By when (month and year).
    By,
    /// How the board will know.
    Measure,
}

/// What is wrong with a draft, one per field at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftError {
    /// Nothing says what will be done.
    WhatMissing,
    /// What will be done is over [`MAX_WHAT_CHARS`].
    WhatTooLong,
    /// No lead.
    LeadMissing,
    /// The lead is over [`MAX_LEAD_CHARS`].
    LeadTooLong,
    /// A year without a month.
    MonthMissing,
    /// A month without a year.
    YearMissing,
    /// The month is not 1 to 12.
    MonthInvalid,
    /// The year is not four digits from 2020 to 2099.
    YearInvalid,
    /// How the board will know is over [`MAX_MEASURE_CHARS`].
    MeasureTooLong,
}

impl DraftError {
    /// The field the error is about, for the error summary's link.
    pub fn field(self) -> Field {
        match self {
            DraftError::WhatMissing | DraftError::WhatTooLong => Field::What,
            DraftError::LeadMissing | DraftError::LeadTooLong => Field::Lead,
            DraftError::MonthMissing
            | DraftError::YearMissing
            | DraftError::MonthInvalid
            | DraftError::YearInvalid => Field::By,
            DraftError::MeasureTooLong => Field::Measure,
        }
    }

    /// What to do, NHS style ("Enter what the board will do").
    pub fn message(self) -> &'static str {
        crate::text::actions::Phrase::Error(self).text()
    }
}

/// Text without surrounding whitespace, and with every run of whitespace
/// (line breaks included) one space: a commitment is one line in tables.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A number typed with digits only (and surrounding spaces).
fn digits(text: &str) -> Option<u16> {
    let text = text.trim();
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The rule for one text field of an action (what, lead, measure), once
/// tidied: what [`check`] gives errors for and [`is_well_formed`] holds
/// actions read back to.
#[derive(Clone, Copy)]
struct TextRule {
    /// The error when it is empty; `None` if it may be.
    missing: Option<DraftError>,
    /// The longest it may be, in characters.
    max: usize,
    /// The error when it is longer.
    too_long: DraftError,
}

impl TextRule {
    fn error(self, text: &str) -> Option<DraftError> {
        if text.is_empty() {
            self.missing
        } else if text.chars().count() > self.max {
            Some(self.too_long)
        } else {
            None
        }
    }
}

const WHAT_RULE: TextRule = TextRule {
    missing: Some(DraftError::WhatMissing),
    max: MAX_WHAT_CHARS,
    too_long: DraftError::WhatTooLong,
};
const LEAD_RULE: TextRule = TextRule {
    missing: Some(DraftError::LeadMissing),
    max: MAX_LEAD_CHARS,
    too_long: DraftError::LeadTooLong,
};
const MEASURE_RULE: TextRule = TextRule {
    missing: None,
    max: MAX_MEASURE_CHARS,
    too_long: DraftError::MeasureTooLong,
};

/// Checks a draft: the commitment, or every error (one per field).
pub fn check(draft: &Draft) -> Result<Commitment, Vec<DraftError>> {
    let what = tidy(&draft.what);
    let lead = tidy(&draft.lead);
    let measure = tidy(&draft.measure);
    let mut errors = Vec::new();
    errors.extend(WHAT_RULE.error(&what));
    errors.extend(LEAD_RULE.error(&lead));
    let (month, year) = (draft.month.trim(), draft.year.trim());
    let by = match (month.is_empty(), year.is_empty()) {
        (true, true) => None,
        (true, false) => {
            errors.push(DraftError::MonthMissing);
            None
        }
        (false, true) => {
            errors.push(DraftError::YearMissing);
            None
        }
        (false, false) => {
            let month = digits(month)
                .and_then(|m| u8::try_from(m).ok())
                .filter(|m| (1..=12).contains(m));
            let year = digits(year).filter(|y| year.len() == 4 && YEARS.contains(y));
            match (month, year) {
                (Some(month), Some(year)) => MonthYear::new(year, month),
                (None, _) => {
                    errors.push(DraftError::MonthInvalid);
                    None
                }
                (Some(_), None) => {
                    errors.push(DraftError::YearInvalid);
                    None
                }
            }
        }
    };
    errors.extend(MEASURE_RULE.error(&measure));
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut questions = draft.questions.clone();
    questions.sort_unstable();
    questions.dedup();
    Ok(Commitment {
        what,
        lead,
        by,
        measure,
        questions,
        status: None,
    })
}

/// Whether a commitment is one [`check`] could have made: what links and
/// saved records are held to when read back. (Its month is valid by
/// construction.)
pub fn is_well_formed(commitment: &Commitment) -> bool {
    let fits = |text: &String, rule: TextRule| tidy(text) == *text && rule.error(text).is_none();
    fits(&commitment.what, WHAT_RULE)
        && fits(&commitment.lead, LEAD_RULE)
        && fits(&commitment.measure, MEASURE_RULE)
        && commitment.questions.is_sorted_by(|a, b| a < b)
}

/// A kind prompt about one sign of a good commitment, where the widget can
/// tell it is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// No month and year: time-bound.
    NoDate,
    /// The date has passed (allowed: a late action is still an action).
    DateInPast(MonthYear),
    /// Nothing says how the board will know: measurable.
    NoMeasure,
    /// Names a technology and no outcome for people: outcome-focused.
    TechnologyOnly,
    /// More than [`SHORT_LIST`] actions: limited in number.
    TooMany(usize),
}

impl Prompt {
    /// The id of the sign the prompt is about (see the assessment file's
    /// `[commitments]`).
    pub fn sign(self) -> &'static str {
        match self {
            Prompt::NoDate | Prompt::DateInPast(_) => "time-bound",
            Prompt::NoMeasure => "measurable",
            Prompt::TechnologyOnly => "outcome-focused",
            Prompt::TooMany(_) => "limited-in-number",
        }
    }
}

/// The words of `text`, ASCII letters lowercase: runs of letters, digits,
/// hyphens and any non-ASCII character. (ASCII only: the word lists are,
/// and Unicode case tables would cost the wasm kilobytes.)
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_ascii() && !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-').to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `text`'s words contain `phrase`'s words in a row.
fn mentions(text: &[String], phrase: &str) -> bool {
    let phrase = words(phrase);
    !phrase.is_empty()
        && text
            .windows(phrase.len())
            .any(|run| run == phrase.as_slice())
}

/// Whether a commitment names a technology and no outcome for people.
fn technology_only(commitment: &Commitment, content: &Commitments) -> bool {
    let text = words(&format!("{} {}", commitment.what, commitment.measure));
    let any = |list: &[&str]| list.iter().any(|phrase| mentions(&text, phrase));
    any(content.technology_words) && !any(content.outcome_words)
}

/// The prompts for one commitment, in the order of the guide's signs it
/// concerns: measurable, outcome-focused, time-bound. `today` (where the
/// user is) tells a past date; without it no date is called past.
pub fn prompts(commitment: &Commitment, content: &Commitments, today: Option<Date>) -> Vec<Prompt> {
    let mut prompts = Vec::new();
    if commitment.measure.trim().is_empty() {
        prompts.push(Prompt::NoMeasure);
    }
    if technology_only(commitment, content) {
        prompts.push(Prompt::TechnologyOnly);
    }
    match commitment.by {
        None => prompts.push(Prompt::NoDate),
        Some(by) if today.is_some_and(|today| by.is_past(today)) => {
            prompts.push(Prompt::DateInPast(by));
        }
        Some(_) => {}
    }
    prompts
}

/// The prompt for the list as a whole: more than [`SHORT_LIST`] actions.
pub fn list_prompt(actions: &[Commitment]) -> Option<Prompt> {
    (actions.len() > SHORT_LIST).then_some(Prompt::TooMany(actions.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::default_assessment;

    fn content() -> &'static Commitments {
        default_assessment()
            .commitments
            .expect("the default assessment lists the signs of a good commitment")
    }

    fn draft(what: &str, lead: &str, month: &str, year: &str, measure: &str) -> Draft {
        Draft {
            what: what.into(),
            lead: lead.into(),
            month: month.into(),
            year: year.into(),
            measure: measure.into(),
            questions: vec![7, 3, 7],
        }
    }

    #[test]
    fn a_complete_draft_becomes_a_tidy_commitment() {
        let checked = check(&draft(
            "  Publish the digital\nstrategy  on the intranet ",
            " Chief digital officer ",
            "03",
            "2027",
            "Staff survey: 60% know the mission",
        ))
        .expect("valid");
        assert_eq!(checked.what, "Publish the digital strategy on the intranet");
        assert_eq!(checked.lead, "Chief digital officer");
        assert_eq!(checked.by, MonthYear::new(2027, 3));
        assert_eq!(checked.questions, vec![3, 7], "in order, once each");
        assert_eq!(Draft::of(&checked).month, "3");
        assert!(is_well_formed(&checked));
        for broken in [
            Commitment {
                what: " Padded".into(),
                ..checked.clone()
            },
            Commitment {
                lead: String::new(),
                ..checked.clone()
            },
            Commitment {
                measure: "two\nlines".into(),
                ..checked.clone()
            },
            Commitment {
                questions: vec![7, 3],
                ..checked.clone()
            },
            Commitment {
                what: "x".repeat(MAX_WHAT_CHARS + 1),
                ..checked.clone()
            },
        ] {
            assert!(!is_well_formed(&broken), "{broken:?}");
        }
    }

    #[test]
    fn every_field_says_what_to_fix() {
        let errors = check(&draft("", " ", "13", "2027", "")).unwrap_err();
        assert_eq!(
            errors,
            vec![
                DraftError::WhatMissing,
                DraftError::LeadMissing,
                DraftError::MonthInvalid
            ]
        );
        assert_eq!(errors[0].message(), "Enter what the board will do");
        assert_eq!(errors[2].field(), Field::By);

        let long = "x".repeat(MAX_WHAT_CHARS + 1);
        let errors = check(&draft(&long, &"y".repeat(81), "", "2027", &long)).unwrap_err();
        assert_eq!(
            errors,
            vec![
                DraftError::WhatTooLong,
                DraftError::LeadTooLong,
                DraftError::MonthMissing,
                DraftError::MeasureTooLong
            ]
        );
        for (month, year, error) in [
            ("5", "", DraftError::YearMissing),
            ("5", "27", DraftError::YearInvalid),
            ("5", "2019", DraftError::YearInvalid),
            ("5", "twenty", DraftError::YearInvalid),
            ("May", "2027", DraftError::MonthInvalid),
            ("0", "2027", DraftError::MonthInvalid),
        ] {
            assert_eq!(
                check(&draft("Do it", "CEO", month, year, "")),
                Err(vec![error]),
                "{month}/{year}"
            );
        }
        // Exactly at the limits is fine; no date is allowed (and prompted).
        let at_limit = "z".repeat(MAX_WHAT_CHARS);
        assert!(check(&draft(&at_limit, &"y".repeat(80), "", "", &at_limit)).is_ok());
    }

    #[test]
    fn prompts_name_the_sign_the_board_can_fix() {
        let today = Date::from_ymd(2026, 12, 7);
        let technology = check(&draft("Buy a new EPR", "CIO", "", "", "")).unwrap();
        let prompts_for = |c: &Commitment| prompts(c, content(), today);
        assert_eq!(
            prompts_for(&technology),
            vec![Prompt::NoMeasure, Prompt::TechnologyOnly, Prompt::NoDate]
        );
        assert_eq!(
            prompts_for(&technology)
                .iter()
                .map(|p| p.sign())
                .collect::<Vec<_>>(),
            ["measurable", "outcome-focused", "time-bound"]
        );
        // Naming who benefits makes it an outcome; "system" inside another
        // word ("ecosystem") is not a technology.
        let outcome = check(&draft(
            "Roll out the EPR so that nurses spend less time on paper",
            "Chief nurse",
            "6",
            "2027",
            "Time on documentation per shift, from the staff survey",
        ))
        .unwrap();
        assert_eq!(prompts_for(&outcome), vec![]);
        let ecosystem = check(&draft(
            "Map the ecosystem of partners",
            "CEO",
            "6",
            "2027",
            "A map",
        ))
        .unwrap();
        assert_eq!(prompts_for(&ecosystem), vec![]);
        // A multi-word technology, any case and punctuation.
        let rpa = check(&draft(
            "Pilot Robotic Process Automation.",
            "COO",
            "1",
            "2027",
            "Three pilots",
        ))
        .unwrap();
        assert_eq!(prompts_for(&rpa), vec![Prompt::TechnologyOnly]);

        // A past month is flagged, this month is not.
        let late = check(&draft("Agree the mission", "Chair", "11", "2026", "Agreed")).unwrap();
        assert_eq!(
            prompts_for(&late),
            vec![Prompt::DateInPast(MonthYear::new(2026, 11).unwrap())]
        );
        let now = check(&draft("Agree the mission", "Chair", "12", "2026", "Agreed")).unwrap();
        assert_eq!(prompts_for(&now), vec![]);
        assert_eq!(
            prompts(&late, content(), None),
            vec![],
            "no date known, nothing called past"
        );
    }

    #[test]
    fn more_than_five_actions_asks_for_a_short_list() {
        let one = check(&draft("Do it", "CEO", "1", "2027", "Done")).unwrap();
        assert_eq!(list_prompt(&vec![one.clone(); SHORT_LIST]), None);
        assert_eq!(
            list_prompt(&vec![one; SHORT_LIST + 1]),
            Some(Prompt::TooMany(6))
        );
    }

    #[test]
    fn the_guide_s_six_signs_come_in_its_order() {
        let ids: Vec<&str> = content().signs.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                "tangible",
                "measurable",
                "outcome-focused",
                "realistic",
                "time-bound",
                "limited-in-number"
            ]
        );
    }
}

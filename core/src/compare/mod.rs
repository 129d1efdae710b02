//! Comparing several results of one assessment: where a board disagrees,
//! how maturity differs across a system, and what changed over time.
//!
//! Results arrive as share links or exported files ([`collect::Collection::add_text`])
//! and leave as a compare link ([`codec`]) or downloads
//! ([`export`]). Everything here is arithmetic on levels: no
//! organisation is ever ranked, and entries keep the order they were added.

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

pub mod agree;
pub mod codec;
pub mod collect;
pub mod export;
pub mod follow_up;

use crate::actions::Commitment;
use crate::date::Date;
use crate::label::Role;
use crate::model::{Assessment, Level};
use std::fmt;

use crate::report::long_date;
use crate::scoring::{Response, Tally};
use crate::share::SharedResult;
use crate::text::compare::{Phrase as TextPhrase, Sentence};

/// Why a comparison cannot be shown in its mode. The wording is in
/// [`crate::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareError {
    /// Nothing added yet: how to add results.
    NothingAdded,
    /// Fewer than two results.
    TooFew {
        /// Results added.
        count: usize,
    },
    /// Then and now compares exactly two results.
    NotTwo {
        /// Results added.
        count: usize,
    },
    /// Then and now needs both results' dates.
    Undated,
    /// Then and now needs two different dates; both are this one.
    SameDate(Date),
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::edition::errors::compare_error(self, f)
    }
}

impl std::error::Error for CompareError {}

/// Most results one comparison holds: a whole board, or every trust in the
/// largest ICS, several times over.
pub const MAX_ENTRIES: usize = 500;

/// Longest name the compare view accepts for a result, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// What is being compared, which decides how the comparison is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Members of one board: where they disagree.
    #[default]
    Board,
    /// Organisations in a system: maturity side by side, never ranked.
    System,
    /// One organisation at two dates: what changed.
    ThenAndNow,
}

impl Mode {
    /// Every mode, in the order offered.
    pub const ALL: [Mode; 3] = [Mode::Board, Mode::System, Mode::ThenAndNow];

    /// The mode's name as offered to users.
    pub fn name(self) -> &'static str {
        TextPhrase::ModeName(self).text()
    }

    /// One line saying what the mode shows.
    pub fn hint(self) -> &'static str {
        TextPhrase::ModeHint(self).text()
    }

    /// The heading of the comparison page.
    pub fn heading(self) -> &'static str {
        TextPhrase::ModeHeading(self).text()
    }

    /// Short stable key, used in HTML ids and file names.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Board => "board",
            Mode::System => "system",
            Mode::ThenAndNow => "then-and-now",
        }
    }

    pub(crate) fn code(self) -> u8 {
        match self {
            Mode::Board => 0,
            Mode::System => 1,
            Mode::ThenAndNow => 2,
        }
    }

    pub(crate) fn from_code(code: u8) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// One result in a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name the chair or analyst gave it (a person, a trust); may be
    /// empty, when [`Comparison::display_name`] supplies one.
    pub name: String,
    /// Organisation name or ODS code from the result, if it had one.
    pub organisation: String,
    /// Role from the result.
    pub role: Role,
    /// The day the result was made, if known.
    pub date: Option<Date>,
    /// One response per question, every one present.
    pub responses: Vec<Option<Response>>,
    /// The board's actions, if the result's link carried them. Compare
    /// links leave them out: only then and now's follow-up reads them.
    pub actions: Vec<Commitment>,
}

impl Entry {
    /// The response to question `index` (`None` beyond the last).
    pub fn response(&self, index: usize) -> Option<Response> {
        self.responses.get(index).copied().flatten()
    }

    /// An entry from a decoded share link (its notes are left out: a
    /// comparison shows levels only), named `name`.
    pub fn from_shared(result: &SharedResult, name: &str) -> Entry {
        let label = result.label();
        Entry {
            name: clip_name(name),
            organisation: label.map(|l| l.organisation.clone()).unwrap_or_default(),
            role: label.map_or(Role::Unspecified, |l| l.role),
            date: result.date(),
            responses: result.answers().responses.clone(),
            actions: result.actions().to_vec(),
        }
    }

    /// Whether two entries are the same result: same answers, organisation,
    /// role and date (names are the chair's, not the result's).
    pub fn same_result(&self, other: &Entry) -> bool {
        self.responses == other.responses
            && organisation_key(&self.organisation) == organisation_key(&other.organisation)
            && self.role == other.role
            && self.date == other.date
    }
}

/// `name` trimmed and cut to [`MAX_NAME_CHARS`] characters.
pub fn clip_name(name: &str) -> String {
    name.trim().chars().take(MAX_NAME_CHARS).collect()
}

/// A set of results of one assessment and how to compare them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The assessment every entry answered.
    pub assessment: &'static Assessment,
    /// What is being compared.
    pub mode: Mode,
    /// The results, in the order added.
    pub entries: Vec<Entry>,
}

impl Comparison {
    /// Entry `index`, if there is one.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The name to show for entry `index`: the one given, or one made from
    /// what the result carries (organisation, date or role and a number).
    pub fn display_name(&self, index: usize) -> String {
        let Some(entry) = self.entries.get(index) else {
            return String::new();
        };
        let name = entry.name.trim();
        if !name.is_empty() {
            return name.to_owned();
        }
        let organisation = entry.organisation.trim();
        match self.mode {
            Mode::ThenAndNow => match entry.date {
                Some(date) => long_date(date),
                None => Sentence::ResultNumber(index).text(),
            },
            Mode::System if !organisation.is_empty() => organisation.to_owned(),
            Mode::System => Sentence::OrganisationNumber(index).text(),
            Mode::Board => {
                // "Executive 2": numbered within the role, in the order added.
                let number = 1 + self
                    .entries
                    .iter()
                    .take(index)
                    .filter(|e| e.role == entry.role)
                    .count();
                let role = match entry.role {
                    Role::Unspecified => TextPhrase::Member.text(),
                    role => role.name(),
                };
                Sentence::MemberNumber { role, number }.text()
            }
        }
    }

    /// Every entry's label wherever results are named: table headings, the
    /// chart's legend, downloads and the results added. It is the
    /// [`display_name`](Self::display_name), unless another entry's is the
    /// same (compared as [`organisation_key`]): one organisation's results
    /// across a system, or two results given one name. Those get their
    /// date, "Leeds Teaching Hospitals NHS Trust (1 November 2025)", and
    /// their result number when the date does not tell them apart: "(1
    /// November 2025, result 3)", or "(result 3)" undated.
    pub fn labels(&self) -> Vec<String> {
        let names: Vec<String> = (0..self.entries.len())
            .map(|i| self.display_name(i))
            .collect();
        let keys: Vec<String> = names.iter().map(|n| organisation_key(n)).collect();
        let entries = &self.entries;
        let twins = |i: usize, same_date: bool| {
            keys.iter()
                .zip(entries)
                .enumerate()
                .any(|(j, (key, entry))| {
                    j != i
                        && keys.get(i) == Some(key)
                        && (!same_date || entries.get(i).map(|e| e.date) == Some(entry.date))
                })
        };
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                if !twins(i, false) {
                    return name.clone();
                }
                let date = entries.get(i).and_then(|e| e.date).map(long_date);
                Sentence::TwinLabel {
                    name,
                    // A then-and-now name is already the date.
                    date: date.as_deref().filter(|d| d != name),
                    result: (date.is_none() || twins(i, true)).then_some(i),
                }
                .text()
            })
            .collect()
    }

    /// Organisations (as first written) with more than one result, and how
    /// many each has, in the order first added: a system's range and median
    /// count each of them more than once.
    pub fn repeated_organisations(&self) -> Vec<(&str, usize)> {
        let keys: Vec<String> = self
            .entries
            .iter()
            .map(|e| organisation_key(&e.organisation))
            .collect();
        let mut repeated = Vec::new();
        for (i, (key, entry)) in keys.iter().zip(&self.entries).enumerate() {
            let count = keys.iter().filter(|k| *k == key).count();
            if !key.is_empty() && count > 1 && !keys.iter().take(i).any(|k| k == key) {
                repeated.push((entry.organisation.trim(), count));
            }
        }
        repeated
    }

    /// In a system where some organisation has more than one result, a
    /// warning naming it: the system's figures count it once per result.
    pub fn repeats_warning(&self) -> Option<String> {
        let repeated = self.repeated_organisations();
        if self.mode != Mode::System || repeated.is_empty() {
            return None;
        }
        Some(Sentence::RepeatsWarning(&repeated).text())
    }

    /// How many organisations the entries are from: one per organisation
    /// named (however often), and one per result without a name.
    pub fn organisation_count(&self) -> usize {
        let repeats: usize = self
            .repeated_organisations()
            .iter()
            .map(|(_, count)| count - 1)
            .sum();
        self.entries.len() - repeats
    }

    /// Whether the comparison can be shown in its mode, or what it needs.
    pub fn readiness(&self) -> Result<(), CompareError> {
        let count = self.entries.len();
        if count < 2 {
            return Err(CompareError::TooFew { count });
        }
        if self.mode == Mode::ThenAndNow {
            then_and_now(self).map(|_| ())?;
        }
        Ok(())
    }

    /// The mode the entries suggest: two dated results of one organisation
    /// are then and now; several organisations are a system; otherwise a
    /// board.
    pub fn suggested_mode(entries: &[Entry]) -> Mode {
        let organisations: Vec<String> = entries
            .iter()
            .map(|e| organisation_key(&e.organisation))
            .filter(|o| !o.is_empty())
            .collect();
        let distinct = {
            let mut sorted = organisations.clone();
            sorted.sort();
            sorted.dedup();
            sorted.len()
        };
        if let [a, b] = entries
            && a.date.is_some()
            && b.date.is_some()
            && a.date != b.date
            && organisations.len() == 2
            && distinct == 1
        {
            return Mode::ThenAndNow;
        }
        if distinct >= 2 {
            Mode::System
        } else {
            Mode::Board
        }
    }

    /// How many entries have each role: (executives, non-executives).
    pub fn role_counts(&self) -> (u32, u32) {
        self.entries
            .iter()
            .fold((0, 0), |(e, n), entry| match entry.role {
                Role::Executive => (e + 1, n),
                Role::NonExecutive => (e, n + 1),
                Role::Unspecified | Role::Board => (e, n),
            })
    }
}

// ---------------------------------------------------------------------------
// Spread per question (board and system)
// ---------------------------------------------------------------------------

/// How the entries answered one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    /// Position of the question.
    pub question: usize,
    /// Lowest level given, if any entry gave a level.
    pub lowest: Option<Level>,
    /// Highest level given.
    pub highest: Option<Level>,
    /// Median of the levels given: the middle level twice, or with an
    /// even number of levels the two in the middle, lower first (Absent
    /// and Embedded when those are the only answers: never a level nobody
    /// gave).
    pub median: Option<(Level, Level)>,
    /// Entries that answered "Don't know".
    pub dont_know: u32,
    /// Executives' average level in tenths of a point (15 = 1.5), if any
    /// executive gave a level (not "Don't know").
    pub executive_tenths: Option<u32>,
    /// Non-executives' average level in tenths, if any gave a level.
    pub non_executive_tenths: Option<u32>,
}

impl Spread {
    /// Levels between the lowest and highest answer: 0, 1 or 2.
    pub fn range(&self) -> u32 {
        match (self.lowest, self.highest) {
            (Some(low), Some(high)) => low.distance(high),
            _ => 0,
        }
    }

    /// Whether some answers are two levels apart (Absent and Embedded).
    pub fn two_apart(&self) -> bool {
        self.range() >= 2
    }

    /// Executive and non-executive averages, when both groups gave levels.
    pub fn roles(&self) -> Option<RoleGap> {
        self.executive_tenths.zip(self.non_executive_tenths).map(
            |(executive_tenths, non_executive_tenths)| RoleGap {
                executive_tenths,
                non_executive_tenths,
            },
        )
    }

    /// Whether executives and non-executives see this question differently.
    pub fn roles_differ(&self) -> bool {
        self.roles().is_some_and(|r| r.differs())
    }

    /// Whether this question is one to discuss: two apart, roles differ, or
    /// don't-knows.
    pub fn needs_discussion(&self) -> bool {
        self.two_apart() || self.roles_differ() || self.dont_know > 0
    }
}

/// Average level of executives and of non-executives on one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleGap {
    /// Executives' average in tenths of a point (15 = 1.5).
    pub executive_tenths: u32,
    /// Non-executives' average in tenths of a point.
    pub non_executive_tenths: u32,
}

impl RoleGap {
    /// Whether the two averages are a whole level or more apart.
    pub fn differs(&self) -> bool {
        self.executive_tenths.abs_diff(self.non_executive_tenths) >= 10
    }
}

/// The spread of answers to each question, in question order.
pub fn spreads(comparison: &Comparison) -> Vec<Spread> {
    let count = comparison.assessment.question_count();
    let mut levels: Vec<Level> = Vec::with_capacity(comparison.entries.len());
    (0..count)
        .map(|question| {
            let answers = || {
                comparison
                    .entries
                    .iter()
                    .map(move |e| (e.role, e.responses.get(question).copied().flatten()))
            };
            levels.clear();
            levels.extend(answers().filter_map(|(_, r)| r?.level()));
            levels.sort_unstable();
            let n = levels.len();
            let median = n
                .checked_sub(1)
                .and_then(|last| Some((*levels.get(last / 2)?, *levels.get(n / 2)?)));
            let by_role = |role: Role| {
                let members = comparison.entries.iter().filter(|e| e.role == role);
                Tally::of(members.filter_map(|e| e.responses.get(question))).average_tenths()
            };
            Spread {
                question,
                lowest: levels.first().copied(),
                highest: levels.last().copied(),
                median,
                dont_know: answers()
                    .filter(|(_, r)| *r == Some(Response::DontKnow))
                    .count() as u32,
                executive_tenths: by_role(Role::Executive),
                non_executive_tenths: by_role(Role::NonExecutive),
            }
        })
        .collect()
}

/// Question positions with the most disagreement first: the range of
/// levels, then whether executives and non-executives differ (and by how
/// much), then don't-knows; ties stay in question order.
pub fn disagreement_order(spreads: &[Spread]) -> Vec<usize> {
    let mut order: Vec<&Spread> = spreads.iter().collect();
    order.sort_by_key(|s| {
        let role_gap = s
            .roles()
            .map_or(0, |r| r.executive_tenths.abs_diff(r.non_executive_tenths));
        (
            std::cmp::Reverse((s.range(), s.roles_differ(), role_gap, s.dont_know)),
            s.question,
        )
    });
    order.into_iter().map(|s| s.question).collect()
}

/// A median ([`Spread::median`]) as words: "Siloed", or "Between Siloed
/// and Embedded".
pub fn median_label(median: Option<(Level, Level)>) -> String {
    match median {
        None => TextPhrase::NoLevelsGiven.text().to_owned(),
        Some((low, high)) if low == high => low.name().to_owned(),
        Some((low, high)) => Sentence::Between(low, high).text(),
    }
}

/// The range of a spread as words: "Absent to Embedded", "All Siloed".
pub fn range_label(spread: &Spread) -> String {
    match (spread.lowest, spread.highest) {
        (Some(low), Some(high)) if low == high => Sentence::All(low).text(),
        (Some(low), Some(high)) => Sentence::Range(low, high).text(),
        _ => TextPhrase::NoLevelsGiven.text().to_owned(),
    }
}

/// An average in tenths as text, e.g. "1.5".
pub fn tenths_text(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

// ---------------------------------------------------------------------------
// Where a system stands (system)
// ---------------------------------------------------------------------------

/// How many results gave each answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LevelCounts {
    /// Results answering Absent.
    pub absent: u32,
    /// Results answering Siloed.
    pub siloed: u32,
    /// Results answering Embedded.
    pub embedded: u32,
    /// Results answering "Don't know".
    pub dont_know: u32,
}

impl LevelCounts {
    /// The answers every entry of `comparison` gave to question `question`.
    pub fn of(comparison: &Comparison, question: usize) -> LevelCounts {
        let mut counts = LevelCounts::default();
        for entry in &comparison.entries {
            match entry.response(question) {
                Some(Response::Level(Level::Absent)) => counts.absent += 1,
                Some(Response::Level(Level::Siloed)) => counts.siloed += 1,
                Some(Response::Level(Level::Embedded)) => counts.embedded += 1,
                Some(Response::DontKnow) => counts.dont_know += 1,
                None => {}
            }
        }
        counts
    }

    /// Results at Absent or "Don't know": where the system has work to do
    /// or cannot say.
    pub fn absent_or_unknown(&self) -> u32 {
        self.absent + self.dont_know
    }
}

/// Where a system stands, for the top of its comparison: the questions
/// where most results are Absent or "Don't know", and those where the
/// results differ most. It is about questions only: no organisation is
/// totalled or ranked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemSummary {
    /// Questions where more than half the results are Absent or "Don't
    /// know", with their answers: the most such results first, then in
    /// question order.
    pub gaps: Vec<(usize, LevelCounts)>,
    /// Questions with the widest range any question has (one or two
    /// levels), in question order, with their answers; empty when every
    /// question's levels agree.
    pub differ: Vec<(usize, LevelCounts)>,
}

/// Where the system of `comparison` stands ([`SystemSummary`]), from its
/// [`spreads`].
pub fn system_summary(comparison: &Comparison, spreads: &[Spread]) -> SystemSummary {
    let results = comparison.entries.len() as u32;
    let counts: Vec<(usize, LevelCounts)> = spreads
        .iter()
        .map(|s| (s.question, LevelCounts::of(comparison, s.question)))
        .collect();
    // Most first, ties in question order: a pass per count, from all the
    // results down to just over half (a sort would add kilobytes of code
    // to the wasm for a list of a dozen).
    let mut gaps = Vec::new();
    for most in (results / 2 + 1..=results).rev() {
        gaps.extend(
            counts
                .iter()
                .filter(|(_, c)| c.absent_or_unknown() == most)
                .copied(),
        );
    }
    let widest = spreads.iter().map(Spread::range).max().unwrap_or(0);
    let differ = spreads
        .iter()
        .zip(&counts)
        .filter(|(s, _)| widest > 0 && s.range() == widest)
        .map(|(_, c)| *c)
        .collect();
    SystemSummary { gaps, differ }
}

// ---------------------------------------------------------------------------
// Sections (system)
// ---------------------------------------------------------------------------

/// Each entry's tally for one section, in entry order.
pub fn section_tallies(comparison: &Comparison, section: usize) -> Vec<Tally> {
    let range = comparison.assessment.section_range(section);
    comparison
        .entries
        .iter()
        .map(|e| Tally::of(e.responses.get(range.clone()).unwrap_or_default()))
        .collect()
}

/// Lowest and highest section average across entries, in tenths, among
/// entries with enough answers for a stage.
pub fn tally_range(tallies: &[Tally]) -> Option<(u32, u32)> {
    let averages = tallies
        .iter()
        .filter(|t| t.has_enough_answers())
        .filter_map(Tally::average_tenths);
    averages.fold(None, |range, average| match range {
        None => Some((average, average)),
        Some((low, high)) => Some((low.min(average), high.max(average))),
    })
}

// ---------------------------------------------------------------------------
// Then and now
// ---------------------------------------------------------------------------

/// How one answer changed between two results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Up by this many levels.
    Up(u32),
    /// Down by this many levels.
    Down(u32),
    /// The same level, or "Don't know" both times.
    Same,
    /// "Don't know" before, a level now.
    NowKnown,
    /// A level before, "Don't know" now.
    NowUnknown,
}

impl Change {
    /// Between two responses.
    pub fn between(then: Option<Response>, now: Option<Response>) -> Change {
        match (
            then.and_then(Response::level),
            now.and_then(Response::level),
        ) {
            (Some(a), Some(b)) if b > a => Change::Up(a.distance(b)),
            (Some(a), Some(b)) if b < a => Change::Down(a.distance(b)),
            (None, Some(_)) => Change::NowKnown,
            (Some(_), None) => Change::NowUnknown,
            _ => Change::Same,
        }
    }

    /// The change in words.
    pub fn label(self) -> String {
        match self {
            Change::Up(n) => Sentence::Up(n).text(),
            Change::Down(n) => Sentence::Down(n).text(),
            Change::Same => TextPhrase::NoChange.text().to_owned(),
            Change::NowKnown => TextPhrase::NowAnswered.text().to_owned(),
            Change::NowUnknown => TextPhrase::NowDontKnow.text().to_owned(),
        }
    }
}

/// The earlier and later entry of a then-and-now comparison, or why the
/// entries cannot make one.
pub fn then_and_now(comparison: &Comparison) -> Result<(usize, usize), CompareError> {
    let [first, second] = comparison.entries.as_slice() else {
        return Err(CompareError::NotTwo {
            count: comparison.entries.len(),
        });
    };
    let (Some(first), Some(second)) = (first.date, second.date) else {
        return Err(CompareError::Undated);
    };
    if first == second {
        return Err(CompareError::SameDate(first));
    }
    Ok(if first < second { (0, 1) } else { (1, 0) })
}

/// Whose results a then-and-now compares, and when, as its page, paper and
/// Markdown say it before anything else, so a printout names the trust:
/// "Leeds Teaching Hospitals: 1 October 2024 and 30 September 2025", with
/// the role if given ("Leeds Teaching Hospitals (executive): …"); each
/// result's organisation and role with its date when they differ. `None`
/// when the entries do not make a then and now.
pub fn then_and_now_who(comparison: &Comparison) -> Option<String> {
    let (then, now) = then_and_now(comparison).ok()?;
    let (then, now) = (comparison.entry(then)?, comparison.entry(now)?);
    let who = |entry: &Entry| {
        let organisation = match entry.organisation.trim() {
            "" => TextPhrase::NoOrganisation.text(),
            named => named,
        };
        match entry.role {
            Role::Unspecified => organisation.to_owned(),
            role => Sentence::NameWithRole {
                name: organisation,
                role: role.name(),
            }
            .text(),
        }
    };
    let date = |entry: &Entry| entry.date.map(long_date).unwrap_or_default();
    let (then_who, now_who) = (who(then), who(now));
    let (then_date, now_date) = (date(then), date(now));
    Some(
        if organisation_key(&then.organisation) == organisation_key(&now.organisation)
            && then.role == now.role
        {
            // One organisation: named as the later result writes it.
            Sentence::WhoOnDates {
                who: &now_who,
                then: &then_date,
                now: &now_date,
            }
            .text()
        } else {
            Sentence::WhosOnDates {
                then_who: &then_who,
                then: &then_date,
                now_who: &now_who,
                now: &now_date,
            }
            .text()
        },
    )
}

/// Whether the two organisations named differ (both given), so then and now
/// may be comparing two organisations by mistake.
pub fn organisations_differ(a: &Entry, b: &Entry) -> bool {
    let (a, b) = (
        organisation_key(&a.organisation),
        organisation_key(&b.organisation),
    );
    !a.is_empty() && !b.is_empty() && a != b
}

/// An organisation's name as compared everywhere: case and spacing do not
/// matter ("Ysbyty  Gwynedd" is "ysbyty gwynedd", "ÉCOLE" is "école").
pub fn organisation_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn dated(organisation: &str, date: Option<(i32, u32, u32)>) -> Entry {
        Entry {
            name: String::new(),
            organisation: organisation.to_owned(),
            role: Role::Unspecified,
            date: date.and_then(|(y, m, d)| Date::from_ymd(y, m, d)),
            responses: Vec::new(),
            actions: Vec::new(),
        }
    }

    fn system(entries: Vec<Entry>) -> Comparison {
        Comparison {
            assessment: super::super::content::default_assessment(),
            mode: Mode::System,
            entries,
        }
    }

    const LEEDS: &str = "Leeds Teaching Hospitals NHS Trust";

    #[test]
    fn one_organisations_results_are_labelled_with_their_dates() {
        let mut comparison = system(vec![
            dated(LEEDS, Some((2025, 11, 1))),
            dated("Harrogate", Some((2025, 11, 1))),
            // Case and spacing do not make another organisation.
            dated(" leeds teaching  hospitals NHS trust", Some((2026, 11, 1))),
            dated(LEEDS, Some((2026, 11, 22))),
        ]);
        assert_eq!(
            comparison.labels(),
            [
                format!("{LEEDS} (1 November 2025)"),
                "Harrogate".to_owned(),
                "leeds teaching  hospitals NHS trust (1 November 2026)".to_owned(),
                format!("{LEEDS} (22 November 2026)"),
            ]
        );
        // Same organisation and date, or no date: the result number.
        comparison.entries[3].date = comparison.entries[2].date;
        comparison.entries.push(dated(LEEDS, None));
        let labels = comparison.labels();
        assert_eq!(
            labels[2],
            "leeds teaching  hospitals NHS trust (1 November 2026, result 3)"
        );
        assert_eq!(labels[3], format!("{LEEDS} (1 November 2026, result 4)"));
        assert_eq!(labels[4], format!("{LEEDS} (result 5)"));
        // A name given tells a result apart; two results given one name
        // are told apart like one organisation's.
        comparison.entries[0].name = "Leeds before the merger".to_owned();
        comparison.entries[1].name = LEEDS.to_owned();
        let labels = comparison.labels();
        assert_eq!(labels[0], "Leeds before the merger");
        assert_eq!(labels[1], format!("{LEEDS} (1 November 2025)"));
        // Distinct names are left alone.
        let two = system(vec![
            dated(LEEDS, Some((2025, 11, 1))),
            dated("Harrogate", None),
        ]);
        assert_eq!(two.labels(), [LEEDS, "Harrogate"]);
    }

    #[test]
    fn then_and_now_names_are_not_dated_twice() {
        let mut comparison = system(vec![
            dated(LEEDS, Some((2025, 11, 1))),
            dated(LEEDS, Some((2025, 11, 1))),
        ]);
        comparison.mode = Mode::ThenAndNow;
        assert_eq!(
            comparison.labels(),
            ["1 November 2025 (result 1)", "1 November 2025 (result 2)"]
        );
    }

    #[test]
    fn a_system_warns_of_organisations_counted_more_than_once() {
        let mut comparison = system(vec![
            dated(LEEDS, Some((2025, 11, 1))),
            dated("Harrogate", None),
            dated("", None),
            dated(&LEEDS.to_lowercase(), Some((2026, 11, 1))),
            dated("", None),
            dated(LEEDS, Some((2026, 11, 22))),
        ]);
        assert_eq!(comparison.repeated_organisations(), [(LEEDS, 3)]);
        // Leeds, Harrogate and two unnamed.
        assert_eq!(comparison.organisation_count(), 4);
        let warning = comparison.repeats_warning().expect("a warning");
        assert!(
            warning.starts_with(&format!("{LEEDS} has 3 results in this comparison. The system’s range and median count an organisation once for each of its results, so they count {LEEDS} 3 times. To see one organisation over time, choose “Then and now”")),
            "{warning}"
        );
        comparison.entries.push(dated("Harrogate", None));
        assert_eq!(
            comparison.repeated_organisations(),
            [(LEEDS, 3), ("Harrogate", 2)]
        );
        let warning = comparison.repeats_warning().expect("a warning");
        assert!(
            warning.starts_with(&format!(
                "{LEEDS} has 3 results and Harrogate has 2 results in this comparison."
            )),
            "{warning}"
        );
        assert!(warning.contains("count each of these organisations more than once"));
        // Only a system is warned: a board is one organisation's members.
        comparison.mode = Mode::Board;
        assert_eq!(comparison.repeats_warning(), None);
        // No organisation counted twice, no warning.
        let fine = system(vec![
            dated(LEEDS, None),
            dated("Harrogate", None),
            dated("", None),
            dated("", None),
        ]);
        assert_eq!(fine.repeats_warning(), None);
        assert_eq!(fine.organisation_count(), 4);
    }
}

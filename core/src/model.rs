//! The assessment model: static content compiled from `assessments/*.toml`.

/// A maturity level from the guide's absent / siloed / embedded grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not in place.
    Absent,
    /// In place, but separate from the rest of the trust.
    Siloed,
    /// Part of how the trust works.
    Embedded,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Level; 3] = [Level::Absent, Level::Siloed, Level::Embedded];

    /// Points scored: Absent 0, Siloed 1, Embedded 2.
    pub fn points(self) -> u32 {
        self as u32
    }

    /// The level's name as shown to users.
    pub fn name(self) -> &'static str {
        crate::text::common::Phrase::Level(self).text()
    }

    /// A stable lowercase key, used in ids, CSS classes and data attributes.
    pub fn key(self) -> &'static str {
        match self {
            Level::Absent => "absent",
            Level::Siloed => "siloed",
            Level::Embedded => "embedded",
        }
    }

    /// How many levels apart two levels are.
    pub fn distance(self, other: Level) -> u32 {
        self.points().abs_diff(other.points())
    }
}

/// The publication the questions are quoted from.
#[derive(Debug)]
pub struct Source {
    /// Title of the publication.
    pub title: &'static str,
    /// Who published it.
    pub publisher: &'static str,
    /// When, as the publication gives it (e.g. "March 2021").
    pub published: &'static str,
    /// Where to read it.
    pub url: &'static str,
    /// What is quoted from it and what was written for the assessment.
    pub credit: &'static str,
}

/// One question and the three descriptors a board member picks from.
#[derive(Debug)]
pub struct Question {
    /// Stable id: answers are matched by it across content versions.
    pub id: &'static str,
    /// The question, as the page heading.
    pub text: &'static str,
    /// Guidance paragraphs shown as the hint.
    pub hint: &'static [&'static str],
    /// Descriptors for Absent, Siloed and Embedded, in that order.
    pub levels: [&'static str; 3],
    /// The guide's prompt for discussing this question.
    pub discuss: &'static str,
}

impl Question {
    /// The descriptor for a level.
    pub fn descriptor(&self, level: Level) -> &'static str {
        self.levels[level as usize]
    }
}

/// A titled group of questions.
#[derive(Debug)]
pub struct Section {
    /// Stable id.
    pub id: &'static str,
    /// Heading shown to users.
    pub title: &'static str,
    /// Short introduction from the guide.
    pub intro: &'static str,
    /// The section's questions, in order.
    pub questions: &'static [Question],
}

/// A question whose answer should agree with another section's stage.
#[derive(Debug, PartialEq, Eq)]
pub struct ConsistencyCheck {
    /// Index of the question in [`Assessment::questions`] order.
    pub question: usize,
    /// Index of the section it is compared with.
    pub section: usize,
    /// What to tell the board when they are two levels apart.
    pub message: &'static str,
}

/// A whole assessment: sections of questions plus consistency checks.
#[derive(Debug)]
pub struct Assessment {
    /// Stable id, carried in share links and exports.
    pub id: &'static str,
    /// Content version; bumped when questions change meaning.
    pub version: u16,
    /// Title shown on the start page.
    pub title: &'static str,
    /// Whether this is the assessment the widget opens with.
    pub is_default: bool,
    /// What it is and who it is for.
    pub description: &'static str,
    /// Where the questions come from.
    pub source: Source,
    /// What each overall stage means (Absent, Siloed, Embedded), one
    /// sentence each: see [`Assessment::stage_meaning`].
    pub stages: [&'static str; 3],
    /// Sections in order.
    pub sections: &'static [Section],
    /// Pairs of answers expected to agree.
    pub consistency_checks: &'static [ConsistencyCheck],
    /// What makes a good commitment, for the board's actions; `None` when
    /// the assessment file gives no guidance on actions.
    pub commitments: Option<&'static Commitments>,
    /// Every earlier content version's questions, so results made with one
    /// open in this one (see [`Assessment::changes_since`]).
    pub earlier_versions: &'static [EarlierVersion],
}

/// An earlier content version's questions, from the assessment file's
/// `[[earlier_versions]]`.
#[derive(Debug)]
pub struct EarlierVersion {
    /// Its content version, below [`Assessment::version`].
    pub version: u16,
    /// Its question ids, in its order: how its results are laid out.
    pub questions: &'static [&'static str],
    /// Ids in both versions reworded with a change of meaning: their
    /// answers are left out.
    pub changed_meaning: &'static [&'static str],
}

/// How a result made with an earlier content version was read into this
/// one: which of its answers go where, and what the reader is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionChange {
    /// The content version the result was made with.
    pub from: u16,
    /// For each of that version's questions, in its order, the position in
    /// this version its answer moves to, or `None` when it is left out.
    pub moves_to: Vec<Option<usize>>,
    /// Questions added since, left unanswered.
    pub added: usize,
    /// Questions since removed, whose answers were left out.
    pub removed: usize,
    /// Questions reworded with a change of meaning, left unanswered.
    pub changed: usize,
}

/// The source's signs of a good commitment, and the words the automatic
/// "outcome-focused" prompt looks for (see [`crate::actions`]).
#[derive(Debug)]
pub struct Commitments {
    /// The signs, in the source's order, quoted.
    pub signs: &'static [CommitmentSign],
    /// Words that name a technology or a solution ("EPR", "app").
    pub technology_words: &'static [&'static str],
    /// Words that name an outcome for people ("patients", "reduce").
    pub outcome_words: &'static [&'static str],
}

/// One sign of a good commitment ("Measurable"), with the source's words.
#[derive(Debug)]
pub struct CommitmentSign {
    /// Stable id: `tangible`, `measurable`, `outcome-focused`, `realistic`,
    /// `time-bound`, `limited-in-number`.
    pub id: &'static str,
    /// Its name, as the source gives it.
    pub name: &'static str,
    /// The source's guidance, quoted.
    pub guidance: &'static str,
}

impl Commitments {
    /// The sign with this id, if listed.
    pub fn sign(&self, id: &str) -> Option<&'static CommitmentSign> {
        self.signs.iter().find(|s| s.id == id)
    }
}

/// Assessments are identified by id and content version (which is what
/// results carry); comparing them field by field would cost code size in
/// every component that takes one as a property.
impl PartialEq for Assessment {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.version == other.version
    }
}

impl Eq for Assessment {}

/// A question together with where it sits in the assessment.
#[derive(Debug, Clone, Copy)]
pub struct PlacedQuestion {
    /// Position across the whole assessment, from 0.
    pub index: usize,
    /// Index of its section.
    pub section: usize,
    /// The question itself.
    pub question: &'static Question,
}

impl Assessment {
    /// What an overall stage means for the trust, in one sentence.
    pub fn stage_meaning(&self, stage: Level) -> &'static str {
        self.stages[stage as usize]
    }

    /// Every question in order, with its position and section.
    pub fn questions(&'static self) -> impl Iterator<Item = PlacedQuestion> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(section, s)| s.questions.iter().map(move |q| (section, q)))
            .enumerate()
            .map(|(index, (section, question))| PlacedQuestion {
                index,
                section,
                question,
            })
    }

    /// Number of questions across all sections.
    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    /// The question at a position, if there is one.
    pub fn question(&'static self, index: usize) -> Option<PlacedQuestion> {
        self.questions().nth(index)
    }

    /// Position of the question with this id.
    pub fn index_of(&'static self, id: &str) -> Option<usize> {
        self.questions().position(|p| p.question.id == id)
    }

    /// How a result made with content version `version` reads into this
    /// one: `None` when the file does not list that version (a newer one,
    /// or one too old to open).
    pub fn changes_since(&self, version: u16) -> Option<VersionChange> {
        let earlier = self
            .earlier_versions
            .iter()
            .find(|e| e.version == version)?;
        let now: Vec<&str> = (self.sections.iter())
            .flat_map(|s| s.questions.iter().map(|q| q.id))
            .collect();
        let mut change = VersionChange {
            from: version,
            moves_to: Vec::with_capacity(earlier.questions.len()),
            added: now
                .iter()
                .filter(|id| !earlier.questions.contains(id))
                .count(),
            removed: 0,
            changed: 0,
        };
        for id in earlier.questions {
            let to = now.iter().position(|now| now == id);
            if to.is_none() {
                change.removed += 1;
            } else if earlier.changed_meaning.contains(id) {
                change.changed += 1;
                change.moves_to.push(None);
                continue;
            }
            change.moves_to.push(to);
        }
        Some(change)
    }

    /// Range of question positions belonging to a section.
    pub fn section_range(&self, section: usize) -> std::ops::Range<usize> {
        let start: usize = self.sections[..section]
            .iter()
            .map(|s| s.questions.len())
            .sum();
        start..start + self.sections[section].questions.len()
    }
}

//! HTML snapshots of the pages, rendered with yew's `LocalServerRenderer`
//! and checked with `insta` against `tests/snapshots/*.snap`, one element
//! per line. A change in markup fails the test with a diff. After checking
//! the change is intended, re-record with `cargo insta review` (or
//! `cargo insta test --accept`) if cargo-insta is installed, or without it
//! with `INSTA_UPDATE=always cargo test --test snapshots`. A new snapshot is
//! written as a `.snap.new` file to review, except under CI, where it fails.

use digital_board_assessment::assessment::question_page::{QuestionPage, QuestionPageProps};
use digital_board_assessment::assessment::results_page::{ResultsPage, ResultsPageProps};
use digital_board_core::content::default_assessment;
use digital_board_core::model::Level;
use digital_board_core::scoring::{Answers, Response};
use yew::{Callback, Html, LocalServerRenderer};

/// One element per line, so a snapshot diff points at the element that changed.
fn one_tag_per_line(html: &str) -> String {
    html.replace("><", ">\n<") + "\n"
}

/// Checks `html` against the snapshot `tests/snapshots/{name}.snap`.
fn check_snapshot(name: &str, html: &str) {
    insta::with_settings!({
        snapshot_path => "snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, one_tag_per_line(html));
    });
}

/// A mixed set of answers: the trust-strategy grid embedded, question 1 of
/// the board questions absent (raising the consistency flag), two don't
/// knows, and a note containing markup that must appear as text.
fn mixed_answers() -> Answers {
    use Level::*;
    let levels = [
        Some(Embedded),
        Some(Embedded),
        Some(Embedded),
        Some(Absent),
        Some(Siloed),
        None,
        Some(Siloed),
        Some(Absent),
        Some(Embedded),
        None,
        Some(Siloed),
        Some(Siloed),
        Some(Absent),
    ];
    let mut answers = Answers::from_responses(
        levels
            .iter()
            .map(|l| Some(l.map_or(Response::DontKnow, Response::Level)))
            .collect(),
    );
    answers.notes[5] = "Ask the CCIO <script>alert('x')</script> & report back".to_owned();
    answers
}

fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[test]
fn question_page_with_an_error_and_notes() {
    let html = render::<QuestionPage>(QuestionPageProps {
        assessment: default_assessment(),
        index: 2,
        response: None,
        note: "Board paper due in March".to_owned(),
        show_error: true,
        on_action: Callback::noop(),
    });
    assert!(html.contains("Question 3 of 13"));
    assert!(html.contains("Board paper due in March"));
    check_snapshot("question-page-error", &html);
}

#[test]
fn question_page_with_an_answer_chosen() {
    let html = render::<QuestionPage>(QuestionPageProps {
        assessment: default_assessment(),
        index: 3,
        response: Some(Response::DontKnow),
        note: String::new(),
        show_error: false,
        on_action: Callback::noop(),
    });
    assert!(!html.contains("There is a problem"));
    check_snapshot("question-page-answered", &html);
}

#[test]
fn results_page_with_flags_gaps_and_notes() {
    let html = render::<ResultsPage>(ResultsPageProps {
        assessment: default_assessment(),
        answers: mixed_answers(),
        on_action: Callback::noop(),
        read_only: false,
        label: None,
        date: None,
        actions: Vec::new(),
        children: Html::default(),
        version_notice: None,
    });
    // Notes are text, never markup.
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("answers that disagree"));
    check_snapshot("results-page", &html);
}

#[test]
fn shared_results_are_read_only_and_say_who_they_are_from() {
    use digital_board_core::date::Date;
    use digital_board_core::label::{Label, Role};
    let html = render::<ResultsPage>(ResultsPageProps {
        assessment: default_assessment(),
        answers: mixed_answers(),
        on_action: Callback::noop(),
        read_only: true,
        label: Some(Label {
            organisation: "Leeds <Trust>".to_owned(),
            role: Role::NonExecutive,
        }),
        date: Date::from_ymd(2026, 11, 21),
        actions: two_actions(),
        children: Html::default(),
        version_notice: Some("This result was made with an earlier version of the questions: 1 question added since is unanswered.".into()),
    });
    assert!(html.contains("Shared results"));
    // Read from an earlier content version: said under the heading.
    let notice = html.find("dba-version-notice").expect("the version notice");
    assert!(notice > html.find("Shared results").unwrap());
    assert!(html.contains("From Leeds &lt;Trust&gt;, Non-executive. Made on 21 November 2026."));
    assert!(!html.contains("Start again") && !html.contains("Change your answers"));
    // The sender's actions, read-only: no way to add or change them.
    assert!(html.contains("Actions agreed") && html.contains("Buy a new EPR"));
    assert!(!html.contains("Add an action") && !html.contains(">Agree actions<"));
    check_snapshot("shared-results-page", &html);
}

#[test]
fn share_panel_with_notes_offered_and_a_qr_code() {
    use digital_board_assessment::assessment::share_panel::{SharePanel, SharePanelProps};
    use digital_board_core::date::Date;
    use digital_board_core::label::Label;
    let html = render::<SharePanel>(SharePanelProps {
        assessment: default_assessment(),
        answers: mixed_answers(),
        label: Label::default(),
        include_notes: false,
        today: Date::from_ymd(2026, 11, 21),
        base_url: "http://127.0.0.1:8080/".into(),
        on_action: Callback::noop(),
        actions: Vec::new(),
        include_actions: false,
    });
    assert!(html.contains("Include my notes in the link"));
    assert!(html.contains("http://127.0.0.1:8080/#r="));
    assert!(html.contains("class=\"dba-qr\""));
    check_snapshot("share-panel", &html);
}

/// Three results with roles, organisations and dates, answering every
/// question: the first two are two levels apart on question 1.
fn three_results(
    mode: digital_board_core::compare::Mode,
) -> std::rc::Rc<digital_board_core::compare::Comparison> {
    use Level::*;
    use digital_board_core::compare::{Comparison, Entry};
    use digital_board_core::date::Date;
    use digital_board_core::label::Role;
    let entry = |name: &str, organisation: &str, role, day, pattern: [Option<Level>; 13]| Entry {
        name: name.to_owned(),
        organisation: organisation.to_owned(),
        role,
        date: Date::from_ymd(2026, 11, day),
        responses: pattern
            .iter()
            .map(|l| Some(l.map_or(Response::DontKnow, Response::Level)))
            .collect(),
        actions: Vec::new(),
    };
    let e = Some(Embedded);
    let s = Some(Siloed);
    let a = Some(Absent);
    let mut entries = vec![
        entry(
            "Jane <Smith>",
            "Leeds",
            Role::Executive,
            1,
            [e, e, s, s, a, None, e, s, s, a, e, s, s],
        ),
        entry(
            "",
            "York",
            Role::NonExecutive,
            20,
            [a, s, s, s, a, s, e, s, s, a, s, s, s],
        ),
    ];
    if mode != digital_board_core::compare::Mode::ThenAndNow {
        entries.push(entry(
            "",
            "Hull",
            Role::Unspecified,
            21,
            [s, s, s, s, s, s, s, s, s, s, s, s, s],
        ));
    }
    std::rc::Rc::new(Comparison {
        assessment: default_assessment(),
        mode,
        entries,
    })
}

#[test]
fn comparison_pages_in_each_mode() {
    use digital_board_assessment::compare::comparison_page::{ComparisonPage, ComparisonPageProps};
    use digital_board_core::compare::Mode;
    use digital_board_core::compare::collect::Notice;
    use digital_board_core::date::Date;
    for mode in Mode::ALL {
        let html = render::<ComparisonPage>(ComparisonPageProps {
            comparison: three_results(mode),
            base_url: "http://127.0.0.1:8080/".into(),
            today: Date::from_ymd(2026, 11, 21),
            on_action: Callback::noop(),
            statuses: Vec::new(),
            status_problems: Vec::new(),
            carry_refused: false,
            // A board's compare link made with an earlier version says so.
            notices: (mode == Mode::Board)
                .then(|| Notice {
                    source: "The compare link".to_owned(),
                    message: "This result was made with an earlier version of the questions: 1 question added since is unanswered.".to_owned(),
                })
                .into_iter()
                .collect(),
        });
        assert!(html.contains(mode.heading()), "{mode:?}");
        assert_eq!(
            html.contains(
                "<strong>The compare link: </strong>This result was made with an earlier version"
            ),
            mode == Mode::Board,
            "{mode:?}: the version notice"
        );
        assert!(
            html.contains("http://127.0.0.1:8080/#c="),
            "{mode:?}: compare link"
        );
        // Names are text, never markup.
        assert!(!html.contains("<Smith>") && !html.contains("<script"));
        check_snapshot(&format!("comparison-{}", mode.key()), &html);
    }
}

#[test]
fn compare_page_lists_results_and_suggests_a_mode() {
    use digital_board_assessment::compare::gather_page::{GatherPage, GatherPageProps};
    use digital_board_core::compare::Mode;
    use digital_board_core::compare::collect::Collection;
    let comparison = (*three_results(Mode::System)).clone();
    let mut collection = Collection::from_comparison(comparison);
    collection.chosen_mode = None;
    let html = render::<GatherPage>(GatherPageProps {
        collection: std::rc::Rc::new(collection),
        text: "".into(),
        added: Some(3),
        error: Some("Compare needs at least 2 results.".into()),
        on_action: Callback::noop(),
    });
    assert!(html.contains("3 results added."));
    assert!(html.contains("Results added (3)"));
    assert!(html.contains("There is a problem"));
    // Three organisations: the system mode is suggested.
    let tag_of = |id: &str| {
        let at = html.find(&format!("id=\"{id}\"")).expect("radio rendered");
        let start = html[..at].rfind('<').unwrap_or(0);
        let end = at + html[at..].find('>').unwrap_or(0);
        html[start..end].to_owned()
    };
    assert!(
        tag_of("dba-compare-mode-system").contains(" checked"),
        "system mode checked"
    );
    assert!(!tag_of("dba-compare-mode-board").contains(" checked"));
    check_snapshot("compare-page", &html);
}

/// The reviewer's system: Leeds at three dates and Harrogate. Every place
/// that names the results tells Leeds's apart by date, and the page warns
/// that the system's range and median count Leeds three times.
#[test]
fn one_organisation_added_three_times_is_dated_and_warned_of() {
    use digital_board_assessment::compare::comparison_page::{ComparisonPage, ComparisonPageProps};
    use digital_board_core::compare::{Comparison, Entry, Mode};
    use digital_board_core::date::Date;
    use digital_board_core::label::Role;
    const LEEDS: &str = "Leeds Teaching Hospitals NHS Trust";
    let entry = |organisation: &str, year, month, day| Entry {
        name: String::new(),
        organisation: organisation.to_owned(),
        role: Role::Unspecified,
        date: Date::from_ymd(year, month, day),
        responses: vec![Some(Response::Level(Level::Siloed)); 13],
        actions: Vec::new(),
    };
    let comparison = Comparison {
        assessment: default_assessment(),
        mode: Mode::System,
        entries: vec![
            entry(LEEDS, 2025, 11, 1),
            entry(LEEDS, 2026, 11, 1),
            entry(LEEDS, 2026, 11, 22),
            entry("Harrogate", 2026, 11, 1),
        ],
    };
    let html = render::<ComparisonPage>(ComparisonPageProps {
        comparison: std::rc::Rc::new(comparison.clone()),
        base_url: "http://127.0.0.1:8080/".into(),
        today: Date::from_ymd(2026, 11, 22),
        on_action: Callback::noop(),
        statuses: Vec::new(),
        status_problems: Vec::new(),
        carry_refused: false,
        notices: Vec::new(),
    });
    assert!(html.contains("4 results from 2 organisations side by side."));
    let dated = [
        format!("{LEEDS} (1 November 2025)"),
        format!("{LEEDS} (1 November 2026)"),
        format!("{LEEDS} (22 November 2026)"),
    ];
    for (i, label) in dated.iter().enumerate() {
        // The sections table's row, the question table's column, its key
        // and the chart's legend, all numbered as the results added are.
        let number = i + 1;
        for place in [
            format!("<span>{number}: {label}</span></th>"),
            format!("<span class=\"dba-full\">{label}</span></th>"),
            format!("<span class=\"dba-spread-key__number\">{number}</span> {label}</li>"),
            format!("<span class=\"dba-system-chart__key\">{number}:</span> {label}</li>"),
        ] {
            assert_eq!(html.matches(&place).count(), 1, "{place}");
        }
    }
    assert!(!html.contains(&format!(">{LEEDS}<")));
    let warning = comparison.repeats_warning().expect("a warning");
    assert!(warning.starts_with(&format!("{LEEDS} has 3 results")));
    assert!(html.contains("nhsuk-card--warning"));
    assert!(html.contains("Organisations counted more than once"));
    assert!(html.contains(&warning));

    // The results added are named as the tables name them.
    let html = compare_page_listing(comparison);
    assert!(html.contains(&format!("Result 3: {}", dated[2])));
}

/// The compare page listing the results of `comparison` as added.
fn compare_page_listing(comparison: digital_board_core::compare::Comparison) -> String {
    use digital_board_assessment::compare::gather_page::{GatherPage, GatherPageProps};
    use digital_board_core::compare::collect::Collection;
    render::<GatherPage>(GatherPageProps {
        collection: std::rc::Rc::new(Collection::from_comparison(comparison)),
        text: "".into(),
        added: None,
        error: None,
        on_action: Callback::noop(),
    })
}

/// On a board, the results added are named as the table's columns are,
/// role and all.
#[test]
fn a_boards_results_added_are_named_as_its_columns() {
    use digital_board_core::compare::Mode;
    let mut comparison = (*three_results(Mode::Board)).clone();
    comparison.entries[0].name = "Jane Smith".to_owned();
    let html = compare_page_listing(comparison);
    assert!(html.contains("Result 1: Jane Smith (executive)"), "{html}");
    assert!(html.contains("Result 2: Non-executive 1"));
    assert!(html.contains("Result 3: Member 1"));
}

/// The href of every "Discuss first" link, in order.
fn discuss_first_links(html: &str) -> Vec<&str> {
    let list = html
        .split("class=\"nhsuk-list nhsuk-body-s dba-first\"")
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .expect("a Discuss first list");
    list.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn the_summary_comes_first_and_links_what_to_discuss_first() {
    let assessment = default_assessment();
    let html = render::<ResultsPage>(ResultsPageProps {
        assessment,
        answers: mixed_answers(),
        on_action: Callback::noop(),
        read_only: false,
        label: None,
        date: None,
        actions: Vec::new(),
        children: Html::default(),
        version_notice: None,
    });
    let at = |text: &str| {
        html.find(text)
            .unwrap_or_else(|| panic!("{text:?} not on the page"))
    };
    // Overall Siloed (12 of 22 points), with what that means, before the
    // detail.
    let meaning = assessment.stage_meaning(Level::Siloed);
    assert!(at("Overall stage") < at(meaning));
    assert!(at(meaning) < at("Scores by section"));
    assert!(at("2 questions answered “Don’t know”") < at("Scores by section"));
    // Don't-knows (6, 10), then the Absent answer that disagrees with its
    // section (4), then the other Absent ones (8, 13): five, each leading
    // to its card under For discussion.
    assert_eq!(
        discuss_first_links(&html),
        [
            "#dba-discuss-6",
            "#dba-discuss-10",
            "#dba-discuss-4",
            "#dba-discuss-8",
            "#dba-discuss-13"
        ]
    );
    for id in ["dba-discuss-6", "dba-discuss-4", "dba-discuss-13"] {
        assert!(
            html.contains(&format!("id=\"{id}\" tabindex=\"-1\"")),
            "{id}"
        );
    }
    assert!(html.contains("Absent, answers disagree"));
    // The next steps, before the detail.
    for step in [
        "Share your results",
        "Print or download",
        "Compare with colleagues",
    ] {
        assert!(at(step) < at("Scores by section"), "{step}");
    }
    // Every answer with the description chosen.
    let chosen = assessment
        .questions()
        .nth(4)
        .unwrap()
        .question
        .descriptor(Level::Siloed);
    assert!(html.contains(chosen));
}

/// The shared results page, as the app renders it.
#[yew::function_component(SharedPageHost)]
fn shared_page_host() -> Html {
    use digital_board_core::date::Date;
    use digital_board_core::label::{Label, Role};
    use digital_board_core::share::SharedResult;
    let result = SharedResult::new(
        default_assessment(),
        mixed_answers(),
        Some(Label {
            organisation: "Leeds Trust".to_owned(),
            role: Role::Executive,
        }),
        Date::from_ymd(2026, 11, 21),
    )
    .expect("a shareable result");
    digital_board_assessment::assessment::shared_page::shared_page(&result, &Callback::noop())
}

#[test]
fn a_shared_result_offers_print_and_every_download_but_no_sharing() {
    let html = render::<SharedPageHost>(());
    for button in [
        "Print or save as PDF",
        "Download Word document (.docx)",
        "Download Markdown",
        "Download CSV",
        "Download JSON",
        "Edit a copy",
    ] {
        assert!(html.contains(button), "{button}");
    }
    assert!(!html.contains("Share your results"));
    assert!(!html.contains("Link to these results"));
    // Its next steps: print or download, compare, start one's own.
    assert!(html.contains("href=\"#dba-downloads\""));
    assert!(html.contains("it keeps the organisation but not the role"));
    check_snapshot("shared-page", &html);
}

fn link_box(link: &str) -> String {
    use digital_board_assessment::components::link_box::{LinkBox, LinkBoxProps};
    render::<LinkBox>(LinkBoxProps {
        id: "dba-test-link".into(),
        link: link.to_owned().into(),
        label: "Link".into(),
        qr_label: "QR code".into(),
        qr_caption: "Scan it".into(),
        too_long_for_qr: "Too long for a QR code.".into(),
    })
}

#[test]
fn the_share_hint_offers_a_qr_code_only_when_there_is_one() {
    let short = link_box("https://trust.example/board#r=AAAA");
    assert!(short.contains("class=\"dba-qr\""));
    assert!(short.contains("Send it by Teams or email, or show the QR code."));

    let long = link_box(&format!(
        "https://trust.example/board#r={}",
        "A".repeat(500)
    ));
    assert!(!long.contains("class=\"dba-qr\""));
    assert!(long.contains("Send it by Teams or email."));
    assert!(!long.contains("show the QR code"));
    assert!(long.contains("Too long for a QR code."));

    // The single-file edition opened from disk: the link names a file on
    // this computer.
    let from_file = link_box("file:///C:/Users/chair/board.html#r=AAAA");
    assert!(!from_file.contains("class=\"dba-qr\""));
    assert!(!from_file.contains("QR code"));
    assert!(from_file.contains("opens these results only on this computer"));
    assert!(from_file.contains("download a file instead"));
}

/// Two actions: one with every field (its date passed), one with only what
/// and lead, so each kind of prompt shows.
fn two_actions() -> Vec<digital_board_core::actions::Commitment> {
    use digital_board_core::actions::{Commitment, MonthYear, Status};
    vec![
        Commitment {
            what: "Publish a one-page strategy <b>for staff</b>".to_owned(),
            lead: "Chief digital officer".to_owned(),
            by: MonthYear::new(2026, 3),
            measure: "60% of staff know the mission".to_owned(),
            questions: vec![4],
            status: Some(Status::InProgress),
        },
        Commitment {
            what: "Buy a new EPR".to_owned(),
            lead: "CIO".to_owned(),
            ..Commitment::default()
        },
    ]
}

#[test]
fn the_actions_page_lists_actions_with_prompts_and_the_guide_s_signs() {
    use digital_board_assessment::assessment::actions_page::{ActionsPage, ActionsPageProps};
    use digital_board_core::date::Date;
    let html = render::<ActionsPage>(ActionsPageProps {
        assessment: default_assessment(),
        actions: two_actions(),
        today: Date::from_ymd(2026, 12, 7),
        on_add: Callback::noop(),
        on_change: Callback::noop(),
        on_remove: Callback::noop(),
        on_back: Callback::noop(),
        unsaved: None,
    });
    assert!(
        html.contains("&lt;b&gt;for staff&lt;/b&gt;"),
        "user text is text"
    );
    // The first action's date has passed; the second has no date, no
    // measure, and names only a technology.
    assert!(html.contains("The date, March 2026, has passed."));
    for prompt in [
        "<strong>Time-bound: </strong>There is no date yet.",
        "<strong>Measurable: </strong>Nothing says yet how the board will know it worked.",
        "<strong>Outcome-focused: </strong>This names a technology but not what will change",
    ] {
        assert!(html.contains(prompt), "{prompt}");
    }
    // The guide's six signs, quoted, as a checklist.
    for sign in default_assessment().commitments.unwrap().signs {
        assert!(html.contains(&format!("id=\"dba-sign-{}\"", sign.id)));
        assert!(html.contains(sign.guidance));
    }
    check_snapshot("actions-page", &html);
}

#[test]
fn the_action_form_says_what_to_fix_for_each_field() {
    use digital_board_assessment::assessment::action_form::{ActionForm, ActionFormProps};
    use digital_board_core::actions::{Draft, DraftError};
    let html = render::<ActionForm>(ActionFormProps {
        assessment: default_assessment(),
        draft: Draft {
            month: "13".to_owned(),
            year: "2027".to_owned(),
            questions: vec![2],
            ..Draft::default()
        },
        errors: vec![
            DraftError::WhatMissing,
            DraftError::LeadMissing,
            DraftError::MonthInvalid,
        ],
        changing: false,
        on_draft: Callback::noop(),
        on_save: Callback::noop(),
        on_cancel: Callback::noop(),
    });
    // One summary, a link to each field, and each field's own message.
    assert_eq!(html.matches("There is a problem").count(), 1);
    for (message, field) in [
        ("Enter what the board will do", "dba-action-what"),
        (
            "Enter who will lead this action (a role is enough)",
            "dba-action-lead",
        ),
        ("Month must be a number from 1 to 12", "dba-action-month"),
    ] {
        assert!(
            html.contains(&format!("<a href=\"#{field}\">{message}</a>")),
            "{message}"
        );
        assert_eq!(
            html.matches(message).count(),
            2,
            "{message}: summary and field"
        );
    }
    assert!(html.contains("value=\"13\""));
    check_snapshot("action-form-errors", &html);
}

/// The notices about saved answers changed in another tab and a saved
/// record that could not be read, as the app renders them above a page.
#[yew::function_component(SavedNoticesHost)]
fn saved_notices_host() -> Html {
    use digital_board_assessment::assessment::Unreadable;
    use digital_board_assessment::assessment::other_tab_notice::other_tab_notice;
    use digital_board_assessment::assessment::unreadable_notice::unreadable_notice;
    let found = Unreadable {
        text: "dba-saved 9\nfrom a newer version".into(),
        message: "Answers saved in this browser earlier could not be read.",
        aside: None,
    };
    let kept = Unreadable {
        aside: Some("digital-board-assessment:x.unreadable.2026-12-07".into()),
        ..found.clone()
    };
    yew::html! {
        <>
            { other_tab_notice(false, &Callback::noop()) }
            { other_tab_notice(true, &Callback::noop()) }
            { unreadable_notice(&found, false) }
            { unreadable_notice(&kept, true) }
            { unreadable_notice(&kept, false) }
        </>
    }
}

#[test]
fn saved_answers_notices_ask_which_answers_to_keep_and_offer_a_kept_record() {
    let html = render::<SavedNoticesHost>(());
    for words in [
        "Your answers were changed in another tab or window",
        "Use the answers from the other tab",
        "Your answers were deleted in another tab or window",
        "Delete these answers too",
        "Keep these answers",
        "new answers will be saved beside them, not over them",
        "They have been kept aside exactly as they were",
        "They are kept aside, exactly as they were",
        "Download the answers that could not be read (text file)",
    ] {
        assert!(html.contains(words), "{words}");
    }
    check_snapshot("saved-answers-notices", &html);
}

/// The board's agreed answers page after a "Save" that found a question
/// without a level and one whose reason and dissent are too long.
#[yew::function_component(AgreePageHost)]
fn agree_page_host() -> Html {
    use digital_board_assessment::compare::agree_page::AgreePage;
    use digital_board_core::compare::Mode;
    use digital_board_core::compare::agree::{AgreeProblem, Agreement};
    use digital_board_core::compare::spreads;
    let comparison = three_results(Mode::Board);
    let spreads = spreads(&comparison);
    let mut agreement = Agreement::suggested(&spreads);
    agreement.responses[0] = None;
    agreement.reasons[1] = "Two divisions share records; the rest do not.".to_owned();
    agreement.dissent[1] = "The CNIO <thinks> Absent.".to_owned();
    AgreePage {
        comparison: &comparison,
        spreads: &spreads,
        agreement: &agreement,
        problems: &[(0, AgreeProblem::NoLevel), (2, AgreeProblem::TooLong)],
        today: None,
        on_action: &Callback::noop(),
    }
    .html()
}

#[test]
fn the_boards_agreed_answers_show_each_question_s_spread_and_what_to_fix() {
    let html = render::<AgreePageHost>(());
    // Every question is asked, with the members' answers and the suggestion.
    assert_eq!(
        html.matches("class=\"nhsuk-radios__input\"").count(),
        13 * 4
    );
    assert!(html.contains("Members’ answers: 1 Absent, 1 Siloed, 1 Embedded, 0 Don’t know."));
    assert!(html.contains("Chosen to start with: Siloed, the median of the members’ answers."));
    // Each problem is in the summary, linked to its field, and by the field.
    assert!(html.contains("href=\"#dba-agree-0\""));
    assert!(html.contains("href=\"#dba-agree-2-reason\""));
    assert_eq!(
        html.matches("Select the level the board agreed for question 1")
            .count(),
        2
    );
    // What was typed is text, never markup.
    assert!(html.contains("The CNIO &lt;thinks&gt; Absent."));
    check_snapshot("agree-page", &html);
}

#[test]
fn then_and_now_lists_last_times_actions_with_a_status_to_record() {
    use digital_board_assessment::compare::comparison_page::{ComparisonPage, ComparisonPageProps};
    use digital_board_core::actions::{Commitment, MonthYear, Status};
    use digital_board_core::compare::Mode;
    let mut comparison = (*three_results(Mode::ThenAndNow)).clone();
    // Jane's result (1 November) is the earlier one.
    comparison.entries[0].actions = vec![
        Commitment {
            what: "Publish a data strategy".to_owned(),
            lead: "Chief digital officer".to_owned(),
            by: MonthYear::new(2026, 6),
            measure: "Teams use it in planning".to_owned(),
            questions: vec![0, 1],
            status: None,
        },
        Commitment {
            what: "Train the board".to_owned(),
            lead: "Chair".to_owned(),
            by: None,
            measure: String::new(),
            questions: Vec::new(),
            status: None,
        },
    ];
    let html = render::<ComparisonPage>(ComparisonPageProps {
        comparison: std::rc::Rc::new(comparison),
        base_url: "http://127.0.0.1:8080/".into(),
        today: None,
        on_action: Callback::noop(),
        statuses: vec![Some(Status::Done), None],
        status_problems: vec![1],
        carry_refused: false,
        notices: Vec::new(),
    });
    assert!(html.contains("Actions agreed last time"));
    // Question 1 went from Embedded to Absent: its change is beside the action.
    assert!(html.contains("Down 2 levels (−2)"));
    assert!(html.contains("Not linked to a question."));
    assert!(html.contains("href=\"#dba-status-1\""));
    assert_eq!(html.matches(" checked").count(), 1, "Done, for action 1");
    check_snapshot("then-and-now-follow-up", &html);
}

//! The assessment view (the `assessment-bundle`'s `mount`): its root
//! component ([`app::App`]), which performs the side effects; its
//! [`Action`]s, [`State`] and reducer (`reducer.rs`, pure); its pages
//! (start, question, check answers, results with the share panel and the
//! level chart, shared results, the confirm questions); and saving answers
//! in the browser ([`storage`]).

mod action;
pub mod action_form;
pub mod actions_page;
mod actions_reducer;
pub mod app;
pub mod check_answers_page;
pub mod confirm_page;
pub mod downloads;
pub mod late;
pub mod level_chart;
pub mod other_tab_notice;
pub mod question_page;
mod reducer;
pub mod result_summary;
pub mod results_page;
pub mod share_panel;
pub mod shared_page;
pub mod source_credit;
pub mod start_page;
mod state;
pub mod storage;
mod tabs_reducer;
pub mod unreadable_notice;

pub use action::{Action, StoredChange};
pub use state::{Effect, OtherTab, Page, ReturnTo, Screen, State, Unreadable};

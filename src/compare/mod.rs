//! The compare view (the `compare-bundle`'s `mount_compare`, loaded only
//! when someone compares): its root component ([`app::CompareApp`]), which
//! performs the side effects; its [`Action`]s, [`State`] and reducer
//! (`reducer.rs`, pure); the gather page where results are added; and the
//! comparison page with its spread table, system chart and then-and-now
//! table; recording the board's agreed answers (`agree_page`) and following
//! up last time's actions (`follow_up_section`), both handed to the
//! assessment view to take up; and what is said of results made with an
//! earlier version of the questions (`version_notices`).

mod action;
pub mod agree_page;
pub mod app;
pub mod comparison_page;
pub mod follow_up_section;
pub mod gather_page;
mod reducer;
pub mod spread_table;
mod state;
pub mod system_chart;
pub mod then_and_now_table;
pub mod version_notices;

pub use action::Action;
pub use state::{Effect, Screen, State, Step};

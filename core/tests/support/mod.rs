//! Helpers shared by the native test files (`mod support;` in each):
//! reading the CSV and JSON downloads back with the `csv` crate and
//! serde_json, the Markdown table check, the links' envelope written from
//! its documented format, and a seeded random generator.

// Each test file uses only some of these.
#![allow(dead_code)]

pub mod downloads;
pub mod envelope;
pub mod markdown;
pub mod rng;

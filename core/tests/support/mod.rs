//! Helpers shared by the native test files (`mod support;` in each): a
//! strict CSV reader and a strict JSON parser for checking exports, the Markdown
//! table check, the links' envelope written from its documented format, and
//! a seeded random generator.

// Each test file uses only some of these.
#![allow(dead_code)]

pub mod csv;
pub mod envelope;
pub mod json;
pub mod markdown;
pub mod rng;

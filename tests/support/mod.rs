//! Helpers shared by the native test files (`mod support;` in each): a
//! strict CSV reader and a strict JSON parser for checking exports.

// Each test file uses only some of these.
#![allow(dead_code)]

pub mod csv;
pub mod json;

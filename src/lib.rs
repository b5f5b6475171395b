//! Consortium Planner: plan a regional AI consortium — pooled chips, power and experts, one shared
//! open-weight base model — and see what the pool can do and which foreign dependencies remain.
//!
//! The domain (no UI): [`plan`] (what a plan file holds), [`catalog`] (built-in accelerators,
//! models, countries), [`analysis`] (every figure), [`file`] (the RON format). The command line
//! lives in [`cli`]; [`diff`] compares two plans and [`export`] writes a proposal (HTML,
//! Markdown, CSV).

pub mod analysis;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod diff;
pub mod export;
pub mod file;
pub mod numbers;
pub mod plan;
pub mod typed_number;
pub mod words;

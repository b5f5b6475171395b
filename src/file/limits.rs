//! Limits on what a plan file may contain, so a hostile file cannot exhaust memory or time.

/// Largest plan file accepted, in bytes (a 193-member plan with many lines is under 1 MB).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Deepest nesting the parser follows (a plan needs about 8 levels).
pub const MAX_NESTING: usize = 64;
/// Most members in a plan (there are 249 ISO 3166-1 entries).
pub const MAX_MEMBERS: usize = 300;
/// Most lines of one kind (chips, power, experts) per member.
pub const MAX_LINES_PER_MEMBER: usize = 500;
/// Most workloads in a plan.
pub const MAX_WORKLOADS: usize = 200;
/// Most custom accelerators or models in a plan.
pub const MAX_CUSTOM_ENTRIES: usize = 200;
/// Longest plan description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 100_000;
/// Longest other text field, in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Most accelerators on one chip line (the largest clusters have a few hundred thousand).
pub const MAX_CHIP_COUNT: u32 = 10_000_000;
/// Most entries in a custom entry's country or language list.
pub const MAX_COUNTRY_LIST: usize = 300;
/// Most scenarios in a plan, the active one included.
pub const MAX_SCENARIOS: usize = crate::plan::MAX_SCENARIOS;

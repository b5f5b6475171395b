//! Plans shared by the benchmarks: the example plans at 8, 55 and 193 members.
//! Each benchmark uses part of it, so unused items are expected.
#![allow(dead_code)]

use std::path::PathBuf;

/// (label, path) of the plans the benchmarks run on, smallest first.
pub const PLANS: [(&str, &str); 3] = [
    ("8 members", "saves/nordic-baltic.ron"),
    ("55 members", "saves/african-union.ron"),
    ("193 members", "saves/un-193.ron"),
];

/// Absolute path of a file in the repository.
pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The text of a plan file.
pub fn plan_text(relative: &str) -> String {
    let path = repo_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

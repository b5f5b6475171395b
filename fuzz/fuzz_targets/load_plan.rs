//! Arbitrary bytes into the plan-file parser.
//!
//! Invariants checked:
//! - `file::parse` never panics, whatever the text (bytes that are not UTF-8 are skipped, as
//!   `file::load` refuses them before parsing);
//! - a refused file has at least one fatal problem, and no problem has an empty message;
//! - whatever loads survives a round trip: `to_ron` then `parse` gives the same plan and the same
//!   non-fatal problems (path and message; positions move with the reformatting; the warning
//!   for a newer format goes, as the plan is written as the current format), and writing
//!   it again gives the same text;
//! - the file's leading comment block survives: `to_ron_with_header(plan, header)` parses back to
//!   the same plan with the same header.
//!
//! Run (from the repository root; seeds from `saves/`):
//!   mkdir -p fuzz/corpus/load_plan && cp saves/*.ron fuzz/corpus/load_plan/
//!   RUSTC_BOOTSTRAP=1 cargo fuzz run load_plan -- -max_total_time=600 -timeout=10
#![no_main]

use consortium_planner::catalog::Catalog;
use consortium_planner::file::{self, FileError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let catalog = Catalog::builtin();
    match file::parse(text, catalog) {
        Ok(loaded) => {
            assert!(
                loaded.problems.iter().all(|p| !p.fatal),
                "a loaded plan has a fatal problem: {:?}",
                loaded.problems
            );
            let written = file::to_ron(&loaded.plan);
            let again = match file::parse(&written, catalog) {
                Ok(again) => again,
                Err(e) => panic!("the re-serialised plan is refused: {e}\n--- written:\n{written}"),
            };
            assert_eq!(
                again.plan, loaded.plan,
                "the plan changed in a round trip\n--- written:\n{written}"
            );
            // A newer-format file that this version fully understands opens with a `format`
            // warning and is written as the current format, so that warning goes by design.
            let key = |ps: &[file::Problem]| -> Vec<(String, String)> {
                ps.iter()
                    .filter(|p| p.path != "format")
                    .map(|p| (p.path.clone(), p.message.clone()))
                    .collect()
            };
            assert_eq!(
                key(&again.problems),
                key(&loaded.problems),
                "the non-fatal problems changed in a round trip\n--- written:\n{written}"
            );
            // Writing is stable: the second text is the first.
            assert_eq!(file::to_ron(&again.plan), written, "to_ron is not stable");
            // Saving under the comment header the file was opened with keeps plan and header.
            let with_header = file::to_ron_with_header(&loaded.plan, &loaded.header);
            match file::parse(&with_header, catalog) {
                Ok(kept) => {
                    assert_eq!(kept.plan, loaded.plan, "header round trip changed the plan");
                    assert_eq!(
                        kept.header, loaded.header,
                        "header round trip changed the header\n--- written:\n{with_header}"
                    );
                }
                Err(e) => panic!(
                    "the plan saved under its own header is refused: {e}\n--- written:\n{with_header}"
                ),
            }
        }
        Err(FileError::Invalid(problems)) => {
            assert!(
                problems.iter().any(|p| p.fatal),
                "a refused file has no fatal problem: {problems:?}"
            );
            assert!(
                problems.iter().all(|p| !p.message.trim().is_empty()),
                "a problem with an empty message: {problems:?}"
            );
        }
        Err(FileError::TooLarge { .. }) => {}
        Err(e @ (FileError::NotText { .. } | FileError::Io { .. })) => {
            panic!("parse(&str) cannot give {e:?}")
        }
    }
});

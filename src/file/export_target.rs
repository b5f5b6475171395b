//! Where an export may be written: never over a plan file unless the user says so. An export
//! (HTML, Markdown, CSV, PNG) written over a plan would replace the delegation's work with a
//! report; only the `.bak` beside it would keep the plan.

use std::path::{Path, PathBuf};

/// Why an export target is refused without an explicit confirmation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportTargetError {
    /// The target is the plan being exported.
    #[error("{} is the plan being exported", .0.display())]
    IsThePlan(PathBuf),
    /// The target has a plan file's extension.
    #[error("{} has a plan file's extension (.ron)", .0.display())]
    PlanExtension(PathBuf),
    /// The target is an existing file that opens as a plan.
    #[error("{} is a plan file", .0.display())]
    ExistingPlan(PathBuf),
}

/// Checks that `target` is not a plan file: not `plan` itself (the plan being exported, compared
/// as files, so `./a.ron` and `a.ron` match), not a name ending in `.ron`, and not an existing
/// file whose text starts like a plan (a `format:` field at the top level). Callers go ahead only
/// on `Ok`, or after the user confirms (the app asks; the command line needs `--force`).
pub fn check_export_target(target: &Path, plan: Option<&Path>) -> Result<(), ExportTargetError> {
    if let Some(plan) = plan
        && same_file(target, plan)
    {
        return Err(ExportTargetError::IsThePlan(target.to_path_buf()));
    }
    if target
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return Err(ExportTargetError::PlanExtension(target.to_path_buf()));
    }
    if starts_like_a_plan(target) {
        return Err(ExportTargetError::ExistingPlan(target.to_path_buf()));
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Whether the file at `path` exists and its first few kilobytes look like a plan: after comments,
/// an opening `(` and, before any other field, `format:`.
fn starts_like_a_plan(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(8 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let mut code = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"));
    let first = code.next().unwrap_or("");
    let rest = if first == "(" {
        code.next().unwrap_or("")
    } else {
        first.strip_prefix('(').unwrap_or("").trim_start()
    };
    rest.starts_with("format:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_onto_the_plan_itself_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("east-africa.ron");
        std::fs::write(&plan, "(\n    format: 1,\n)\n").expect("write");
        let via_dot = dir.path().join(".").join("east-africa.ron");
        assert!(matches!(
            check_export_target(&via_dot, Some(&plan)),
            Err(ExportTargetError::IsThePlan(_))
        ));
    }

    #[test]
    fn a_ron_name_is_refused_even_when_no_file_is_there() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("report.RON");
        assert!(matches!(
            check_export_target(&target, None),
            Err(ExportTargetError::PlanExtension(_))
        ));
    }

    #[test]
    fn a_plan_under_another_extension_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("plan-copy.txt");
        std::fs::write(
            &target,
            "// A plan\n\n(\n    format: 2,\n    name: \"x\",\n)\n",
        )
        .expect("write");
        assert!(matches!(
            check_export_target(&target, None),
            Err(ExportTargetError::ExistingPlan(_))
        ));
    }

    #[test]
    fn a_new_report_or_an_old_report_may_be_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("p.ron");
        let fresh = dir.path().join("p.html");
        assert_eq!(check_export_target(&fresh, Some(&plan)), Ok(()));
        let old = dir.path().join("old.md");
        std::fs::write(&old, "# Report\n\nformat: none\n").expect("write");
        assert_eq!(check_export_target(&old, Some(&plan)), Ok(()));
    }
}

//! `install-desktop` registers the app with the desktop in a data folder of the test's own (never
//! the real home), and `--uninstall` removes exactly what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_consortium-planner");

/// Runs the program with a throwaway HOME and XDG_DATA_HOME unless the test sets its own.
fn run(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).env_remove("XDG_DATA_HOME");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run the binary")
}

/// Every file under `dir`, relative to it, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// The files install-desktop itself writes (not the caches a desktop tool may add beside them).
const WRITTEN: [&str; 13] = [
    "applications/consortium-planner.desktop",
    "bash-completion/completions/consortium-planner",
    "fish/vendor_completions.d/consortium-planner.fish",
    "icons/hicolor/scalable/apps/consortium-planner.svg",
    "icons/hicolor/scalable/mimetypes/application-x-consortium-plan.svg",
    "man/man1/consortium-planner.1",
    "man/man1/consortium-planner-validate.1",
    "man/man1/consortium-planner-install-desktop.1",
    "man/man1/consortium-planner-catalog.1",
    "man/man1/consortium-planner-catalog-check.1",
    "mime/packages/consortium-planner.xml",
    "zsh/site-functions/_consortium-planner",
    "man/man1/consortium-planner-report.1",
];

fn read(dir: &Path, relative: &str) -> String {
    std::fs::read_to_string(dir.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

#[test]
fn install_writes_the_desktop_files_and_uninstall_removes_them() {
    let home = tempfile::tempdir().expect("temp home");
    let data = tempfile::tempdir().expect("temp data");
    let out = run(
        &[
            "install-desktop",
            "--data-home",
            data.path().to_str().unwrap(),
        ],
        &[("HOME", home.path())],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    for relative in WRITTEN {
        assert!(data.path().join(relative).is_file(), "{relative} missing");
        assert!(
            said.contains(relative),
            "the output lists {relative}: {said}"
        );
    }
    assert!(
        files_under(home.path()).is_empty(),
        "nothing written in HOME"
    );

    // The launcher opens a plan file given to it, with this very program.
    let entry = read(data.path(), "applications/consortium-planner.desktop");
    assert!(entry.starts_with("[Desktop Entry]\n"), "{entry}");
    assert!(entry.contains(&format!("\nExec={BIN} %f\n")), "{entry}");
    assert!(
        entry.contains("\nMimeType=application/x-consortium-plan;\n"),
        "{entry}"
    );
    assert!(entry.contains("\nIcon=consortium-planner\n"), "{entry}");
    // desktop-file-utils' validator, where it is installed, finds nothing wrong.
    match Command::new("desktop-file-validate")
        .arg(data.path().join("applications/consortium-planner.desktop"))
        .output()
    {
        Ok(out) => assert!(
            out.status.success() && out.stdout.is_empty(),
            "desktop-file-validate: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => {
            eprintln!("desktop-file-validate not run ({e}); the entry's keys are checked above")
        }
    }

    // The MIME type claims *.ron and plan headers, in well-formed shared-mime-info XML.
    let xml = read(data.path(), "mime/packages/consortium-planner.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let mime = doc
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .expect("a mime-type element");
    assert_eq!(
        mime.attribute("type"),
        Some("application/x-consortium-plan")
    );
    assert!(
        mime.descendants()
            .any(|n| n.has_tag_name("glob") && n.attribute("pattern") == Some("*.ron"))
    );
    assert!(mime.descendants().any(|n| n.has_tag_name("magic")));
    let svg = read(
        data.path(),
        "icons/hicolor/scalable/apps/consortium-planner.svg",
    );
    roxmltree::Document::parse(&svg).expect("the icon is well-formed SVG");

    // Completions and the man page know every command.
    for relative in [
        "bash-completion/completions/consortium-planner",
        "zsh/site-functions/_consortium-planner",
        "fish/vendor_completions.d/consortium-planner.fish",
        "man/man1/consortium-planner.1",
    ] {
        let text = read(data.path(), relative);
        for command in ["validate", "report", "install"] {
            assert!(text.contains(command), "{relative} lacks {command}");
        }
    }
    assert!(
        read(data.path(), "man/man1/consortium-planner.1").contains(".TH consortium-planner 1")
    );

    // Uninstall removes exactly those files, and leaves anything else in the folder alone.
    std::fs::write(
        data.path().join("applications/other.desktop"),
        "[Desktop Entry]\n",
    )
    .expect("write another app's entry");
    let out = run(
        &[
            "install-desktop",
            "--uninstall",
            "--data-home",
            data.path().to_str().unwrap(),
        ],
        &[("HOME", home.path())],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left = files_under(data.path());
    for relative in WRITTEN {
        assert!(
            !left.contains(&PathBuf::from(relative)),
            "{relative} left behind"
        );
    }
    assert!(left.contains(&PathBuf::from("applications/other.desktop")));
    // A second uninstall has nothing to do and says so.
    let out = run(
        &[
            "install-desktop",
            "--uninstall",
            "--data-home",
            data.path().to_str().unwrap(),
        ],
        &[("HOME", home.path())],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing to remove"));
}

#[test]
fn without_an_option_the_xdg_data_home_is_used_then_home() {
    let home = tempfile::tempdir().expect("temp home");
    let data = tempfile::tempdir().expect("temp data");
    let out = run(
        &["install-desktop"],
        &[("HOME", home.path()), ("XDG_DATA_HOME", data.path())],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(data.path().join(WRITTEN[0]).is_file());
    assert!(
        files_under(home.path()).is_empty(),
        "nothing written in HOME"
    );

    let out = run(&["install-desktop"], &[("HOME", home.path())]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(home.path().join(".local/share").join(WRITTEN[0]).is_file());
}

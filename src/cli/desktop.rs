//! `install-desktop`: registers the app with a freedesktop desktop (Linux, BSD) for one user — a
//! launcher entry, an icon, a MIME type for plan files (so a plan received by e-mail opens with a
//! double click), shell completions and a man page generated from the CLI definition — and
//! `install-desktop --uninstall` removes exactly those files again.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// The MIME type of plan files.
pub const PLAN_MIME_TYPE: &str = "application/x-consortium-plan";
/// The program's name: the desktop entry, icon and completion files are named after it.
const NAME: &str = "consortium-planner";
/// The icon: members pooling into one shared model.
const ICON_SVG: &str = include_str!("desktop_icon.svg");

/// One file `install-desktop` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesktopFile {
    /// Where, relative to the data folder (e.g. `applications/consortium-planner.desktop`).
    pub relative: PathBuf,
    /// Its contents.
    pub contents: Vec<u8>,
}

/// The data folder to install into: `explicit` (`--data-home`), else `$XDG_DATA_HOME` when it is
/// an absolute path (as the XDG spec asks), else `$HOME/.local/share`.
pub fn data_home(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os("XDG_DATA_HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        })
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })
}

/// Every file `install-desktop` writes, for the program at `exe`. Fails only when `exe` cannot be
/// written in a desktop entry (a path that is not UTF-8 or holds a line break).
pub fn desktop_files(exe: &Path) -> Result<Vec<DesktopFile>, String> {
    let exec = exec_argument(exe)?;
    let mut files = vec![
        DesktopFile {
            relative: PathBuf::from(format!("applications/{NAME}.desktop")),
            contents: desktop_entry(&exec).into_bytes(),
        },
        DesktopFile {
            relative: PathBuf::from(format!("mime/packages/{NAME}.xml")),
            contents: mime_package().into_bytes(),
        },
        DesktopFile {
            relative: PathBuf::from(format!("icons/hicolor/scalable/apps/{NAME}.svg")),
            contents: ICON_SVG.as_bytes().to_vec(),
        },
        DesktopFile {
            relative: PathBuf::from(format!(
                "icons/hicolor/scalable/mimetypes/{}.svg",
                PLAN_MIME_TYPE.replace('/', "-")
            )),
            contents: ICON_SVG.as_bytes().to_vec(),
        },
    ];
    // Where each shell looks in the user's data folder: bash-completion and fish read these on
    // their own; zsh needs the folder in `fpath` (see the README).
    for (shell, relative) in [
        (Shell::Bash, format!("bash-completion/completions/{NAME}")),
        (Shell::Zsh, format!("zsh/site-functions/_{NAME}")),
        (
            Shell::Fish,
            format!("fish/vendor_completions.d/{NAME}.fish"),
        ),
    ] {
        let mut contents = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), NAME, &mut contents);
        files.push(DesktopFile {
            relative: PathBuf::from(relative),
            contents,
        });
    }
    for (name, contents) in man_pages() {
        files.push(DesktopFile {
            relative: PathBuf::from(format!("man/man1/{name}")),
            contents,
        });
    }
    Ok(files)
}

/// The man pages generated from the CLI definition, as (file name, contents): `consortium-planner.1`
/// and one page per command (`consortium-planner-validate.1`, …), which the first one refers to.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn add(command: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            add(sub.clone(), pages);
        }
        let man = clap_mangen::Man::new(command);
        let mut page = Vec::new();
        man.render(&mut page)
            .expect("rendering into memory cannot fail");
        pages.push((man.get_filename(), page));
    }
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    add(command, &mut pages);
    pages.reverse();
    pages
}

/// The `.desktop` launcher entry (Desktop Entry Specification 1.4, the newest that
/// desktop-file-validate 0.26 knows; nothing here needs 1.5).
fn desktop_entry(exec: &str) -> String {
    format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Version=1.4\n\
         Name=Consortium Planner\n\
         GenericName=AI consortium planner\n\
         Comment=Plan a regional AI consortium: pooled chips, power and experts, one shared open-weight model\n\
         Exec={exec} %f\n\
         Icon={NAME}\n\
         Terminal=false\n\
         Categories=Office;ProjectManagement;\n\
         Keywords=plan;consortium;AI;GPU;accelerator;\n\
         MimeType={PLAN_MIME_TYPE};\n\
         StartupWMClass={NAME}\n"
    )
}

/// The shared-mime-info package: plan files are `*.ron`, which is also the extension of every
/// other RON file (game assets, configuration), so the glob is weak and a file that starts with the
/// plan header the app writes is recognised by its content too.
fn mime_package() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by `{NAME} install-desktop`; its uninstall option removes it. -->
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{PLAN_MIME_TYPE}">
    <comment>Consortium Planner plan</comment>
    <sub-class-of type="text/plain"/>
    <generic-icon name="{icon}"/>
    <magic priority="60">
      <match type="string" offset="0:256" value="Consortium Planner plan file"/>
    </magic>
    <!-- .ron is generic RON (Rusty Object Notation), not only plans: a low weight lets another
         RON type take precedence where one is installed. -->
    <glob pattern="*.ron" weight="40"/>
  </mime-type>
</mime-info>
"#,
        icon = PLAN_MIME_TYPE.replace('/', "-"),
    )
}

/// The program path as an `Exec=` argument: quoted when it holds a reserved character, with the
/// quoting and string escapes of the Desktop Entry Specification.
fn exec_argument(exe: &Path) -> Result<String, String> {
    let text = exe
        .to_str()
        .ok_or_else(|| format!("{}: the program's path is not UTF-8 text", exe.display()))?;
    if text.contains(['\n', '\r']) {
        return Err(format!("{text:?}: the program's path holds a line break"));
    }
    let reserved = |c: char| " \t\"'\\><~|&;$*?#()`".contains(c);
    let argument = if text.contains(reserved) {
        let mut quoted = String::from("\"");
        for c in text.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        text.to_string()
    };
    // The string escape (a backslash is written `\\`) applies on top of the quoting, and a
    // literal `%` is written `%%` (field codes such as `%f` start with it).
    Ok(argument.replace('\\', "\\\\").replace('%', "%%"))
}

/// Writes every file into `data_home` (folders created as needed); returns their paths.
pub fn install(data_home: &Path, exe: &Path) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for file in desktop_files(exe)? {
        let path = data_home.join(&file.relative);
        let io_error = |e: io::Error| format!("{}: {e}", path.display());
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io_error)?;
        }
        std::fs::write(&path, &file.contents).map_err(io_error)?;
        written.push(path);
    }
    Ok(written)
}

/// Removes the files `install` writes from `data_home` (those present; folders stay); returns the
/// paths removed.
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, String> {
    // The list does not depend on the program's path; any path gives the same names.
    let files = desktop_files(Path::new(NAME))?;
    let mut removed = Vec::new();
    for file in files {
        let path = data_home.join(&file.relative);
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Ok(removed)
}

/// Runs the desktop's cache updaters where they are installed; a missing tool is not an error
/// (desktops also rescan on their own). Returns a note for each tool that ran or failed.
fn refresh_caches(data_home: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    for (tool, folder) in [
        ("update-desktop-database", "applications"),
        ("update-mime-database", "mime"),
    ] {
        let dir = data_home.join(folder);
        if !dir.is_dir() {
            continue;
        }
        match std::process::Command::new(tool)
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .status()
        {
            Ok(status) if status.success() => notes.push(format!("ran {tool}")),
            Ok(status) => notes.push(format!("{tool} {status}; the desktop may need a re-login")),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => notes.push(format!("could not run {tool}: {e}")),
        }
    }
    notes
}

/// `install-desktop [--uninstall] [--data-home DIR]`.
pub fn run(remove: bool, explicit: Option<PathBuf>) -> ExitCode {
    let Some(home) = data_home(explicit) else {
        eprintln!("no data folder: set XDG_DATA_HOME or HOME, or pass --data-home DIR");
        return ExitCode::from(2);
    };
    let result = if remove {
        uninstall(&home)
    } else {
        std::env::current_exe()
            .map_err(|e| format!("cannot find this program's own path: {e}"))
            .and_then(|exe| install(&home, &exe))
    };
    let paths = match result {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let notes = refresh_caches(&home);
    let mut out = String::new();
    let verb = if remove { "removed" } else { "wrote" };
    for p in &paths {
        out.push_str(&format!("{verb} {}\n", p.display()));
    }
    if remove && paths.is_empty() {
        out.push_str(&format!(
            "nothing to remove: no desktop files of {NAME} in {}\n",
            home.display()
        ));
    }
    for note in notes {
        out.push_str(&format!("{note}\n"));
    }
    if !remove {
        out.push_str(&format!(
            "Plan files (.ron) now open in Consortium Planner with a double click; `man {NAME}` and tab completion work in new shells (zsh: add {} to fpath).\n",
            home.join("zsh/site-functions").display()
        ));
    }
    super::emit(&out);
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_paths_are_quoted_and_escaped_only_when_needed() {
        assert_eq!(
            exec_argument(Path::new("/usr/bin/consortium-planner")).unwrap(),
            "/usr/bin/consortium-planner"
        );
        assert_eq!(
            exec_argument(Path::new("/opt/My Apps/cp")).unwrap(),
            "\"/opt/My Apps/cp\""
        );
        // `$` is escaped inside the quotes, and that backslash is escaped again as a string.
        assert_eq!(
            exec_argument(Path::new("/opt/a$b/100%/cp")).unwrap(),
            "\"/opt/a\\\\$b/100%%/cp\""
        );
        assert!(exec_argument(Path::new("/opt/a\nb")).is_err());
    }
}

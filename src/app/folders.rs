//! Which folder file dialogs and typed paths start in, and the file names they suggest: the open
//! plan's folder, else the last folder used, else the user's documents folder — never the
//! process's working directory, which for a desktop launch is wherever the launcher was.

use std::path::{Path, PathBuf};

/// The user's documents folder: `XDG_DOCUMENTS_DIR` from the environment or from
/// `~/.config/user-dirs.dirs` (as `xdg-user-dirs` writes it), else `~/Documents` when it exists,
/// else the home folder. `None` only when there is no home folder either.
pub fn documents_dir() -> Option<PathBuf> {
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from);
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|c| !c.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|h| h.join(".config")));
    let user_dirs = config.and_then(|c| std::fs::read_to_string(c.join("user-dirs.dirs")).ok());
    let from_env = std::env::var("XDG_DOCUMENTS_DIR").ok();
    documents_dir_from(home.as_deref(), from_env.as_deref(), user_dirs.as_deref())
}

/// [`documents_dir`] from its inputs: the home folder, the `XDG_DOCUMENTS_DIR` variable and the
/// text of `user-dirs.dirs`. A folder that does not exist is skipped.
pub fn documents_dir_from(
    home: Option<&Path>,
    env_value: Option<&str>,
    user_dirs: Option<&str>,
) -> Option<PathBuf> {
    let expand = |value: &str| -> Option<PathBuf> {
        let value = value.trim().trim_matches('"');
        if value.is_empty() {
            return None;
        }
        let path = match value.strip_prefix("$HOME") {
            Some(rest) => home?.join(rest.trim_start_matches('/')),
            None => PathBuf::from(value),
        };
        (path.is_absolute() && path.is_dir() && Some(path.as_path()) != home).then_some(path)
    };
    let from_file = user_dirs.and_then(|text| {
        text.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .find_map(|l| l.trim().strip_prefix("XDG_DOCUMENTS_DIR="))
            .and_then(expand)
    });
    env_value
        .and_then(expand)
        .or(from_file)
        .or_else(|| home.map(|h| h.join("Documents")).filter(|d| d.is_dir()))
        .or_else(|| home.map(Path::to_path_buf))
}

/// A typed path made absolute: `~/` is the home folder, a relative path is taken inside `base`
/// (the folder the prompt suggested), not the working directory.
pub fn resolve_typed(text: &str, base: &Path, home: Option<&Path>) -> PathBuf {
    let text = text.trim();
    let path = match (text.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    };
    if path.is_absolute() {
        path
    } else {
        base.join(path)
    }
}

/// A plan's name as the stem of suggested file names: its file name without `.ron`, or for an
/// untitled plan its name made safe for a file name (`East Africa AI` → `east-africa-ai`).
pub fn file_stem(display_name: &str) -> String {
    let stem = display_name.trim_end_matches(".ron");
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "plan".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_folder_comes_from_user_dirs_else_documents_else_home() {
        let home = tempfile::tempdir().expect("temp dir");
        let h = home.path();
        assert_eq!(
            documents_dir_from(Some(h), None, None),
            Some(h.to_path_buf())
        );
        std::fs::create_dir(h.join("Documents")).expect("mkdir");
        assert_eq!(
            documents_dir_from(Some(h), None, None),
            Some(h.join("Documents"))
        );
        std::fs::create_dir(h.join("Dokumente")).expect("mkdir");
        let file = "# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n";
        assert_eq!(
            documents_dir_from(Some(h), None, Some(file)),
            Some(h.join("Dokumente"))
        );
        let missing = "XDG_DOCUMENTS_DIR=\"$HOME/Nowhere\"\n";
        assert_eq!(
            documents_dir_from(Some(h), None, Some(missing)),
            Some(h.join("Documents")),
            "a folder that does not exist is skipped"
        );
        assert_eq!(documents_dir_from(None, None, None), None);
    }

    #[test]
    fn a_bare_name_lands_in_the_suggested_folder() {
        let base = Path::new("/home/ana/Documents");
        assert_eq!(
            resolve_typed("east-africa.ron", base, None),
            base.join("east-africa.ron")
        );
        assert_eq!(
            resolve_typed("/tmp/x.ron", base, None),
            PathBuf::from("/tmp/x.ron")
        );
        assert_eq!(
            resolve_typed(" ~/plans/x.ron ", base, Some(Path::new("/home/ana"))),
            PathBuf::from("/home/ana/plans/x.ron")
        );
    }

    #[test]
    fn file_stems_are_safe_names() {
        assert_eq!(file_stem("african-union.ron"), "african-union");
        assert_eq!(file_stem("East Africa AI / 2027"), "east-africa-ai-2027");
        assert_eq!(file_stem("???"), "plan");
    }
}

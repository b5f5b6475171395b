//! The command palette (Ctrl+K or Ctrl+Shift+P): every command with its shortcut, filtered by
//! typing; Enter runs the highlighted one, the arrow keys move the highlight, Esc closes.

use egui::{Key, Modifiers};

use super::command::{Command, ExportKind, View};

/// The palette's state: whether it is open, what is typed, which row is highlighted.
#[derive(Debug, Default)]
pub struct Palette {
    open: bool,
    query: String,
    highlight: usize,
    /// The text field takes the keyboard on the first frame after opening.
    focus_pending: bool,
}

/// Every command the palette lists, in menu order (File, Edit, View). Commands that need a
/// file or an entry chosen elsewhere (open this path, keep this entry) are reached through the
/// commands that choose them.
pub fn commands() -> Vec<Command> {
    let mut all = vec![
        Command::NewPlan,
        Command::Open,
        Command::OpenExample,
        Command::CompareWithFile,
        Command::Save,
        Command::SaveAs,
    ];
    all.extend(ExportKind::ALL.map(Command::Export));
    all.extend([Command::Quit, Command::Undo, Command::Redo]);
    all.extend(View::ALL.map(Command::Show));
    all.extend([
        Command::TogglePresentation,
        Command::ToggleTheme,
        Command::ToggleRanges,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
    ]);
    all
}

/// The menu a command sits in, which the palette names it by ("File: Save as…"); `None` for
/// the commands it does not list.
fn menu(command: &Command) -> Option<&'static str> {
    match command {
        Command::NewPlan
        | Command::Open
        | Command::OpenExample
        | Command::CompareWithFile
        | Command::Save
        | Command::SaveAs
        | Command::Export(_)
        | Command::Quit => Some("File"),
        Command::Undo | Command::Redo => Some("Edit"),
        Command::Show(_)
        | Command::TogglePresentation
        | Command::ToggleTheme
        | Command::ToggleRanges
        | Command::ZoomIn
        | Command::ZoomOut
        | Command::ZoomReset => Some("View"),
        Command::OpenPath(_)
        | Command::SaveToPath(_)
        | Command::ComparePath(_)
        | Command::KeepInMyCatalog(_)
        | Command::ForgetFromMyCatalog(_)
        | Command::LeavePresentation
        | Command::CommandPalette => None,
    }
}

/// The palette's name for a command: its menu and its label, e.g. "File: Save as…".
pub fn entry_name(command: &Command) -> String {
    match menu(command) {
        Some(menu) => format!("{menu}: {}", command.label()),
        None => command.label().to_string(),
    }
}

/// The listed commands whose names hold every word of `query` (any case), in menu order.
pub fn matching(query: &str) -> Vec<Command> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    commands()
        .into_iter()
        .filter(|c| {
            let name = entry_name(c).to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect()
}

impl Palette {
    /// Opens the palette empty, or closes it if it is open.
    pub fn toggle(&mut self) {
        if self.open {
            self.open = false;
        } else {
            *self = Palette {
                open: true,
                focus_pending: true,
                ..Palette::default()
            };
        }
    }

    /// Whether the palette is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the palette if it is open; returns the command chosen (Enter or a click), which
    /// closes it. `enabled` says which commands can run now (a disabled one is shown, not run).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        enabled: impl Fn(&Command) -> bool,
    ) -> Option<Command> {
        if !self.open {
            return None;
        }
        let field_id = egui::Id::unique("command-palette-query");
        // The arrow keys move the highlight; they are taken before the one-line field, which
        // would move its cursor to the start or end.
        let (down, up, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.key_pressed(Key::Enter),
            )
        });
        let found = matching(&self.query);
        if !found.is_empty() {
            let last = found.len() - 1;
            self.highlight = if down {
                (self.highlight + 1).min(last)
            } else if up {
                self.highlight.saturating_sub(1)
            } else {
                self.highlight.min(last)
            };
        }
        let mut chosen = None;
        let id = egui::Id::unique("command-palette");
        // Near the top, as in the editors: the list grows and shrinks below the field as the
        // typing filters it, and the field stays put.
        let area =
            egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0));
        let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
            let width = 480.0;
            ui.set_width(width);
            let before = self.query.clone();
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .id(field_id)
                    .hint_text("Type a command…")
                    .desired_width(f32::INFINITY)
                    .return_key(None),
            );
            let field = field.accessible_name("Command").on_hover_text(
                "Type part of a command's name; Enter runs the highlighted one, Esc closes",
            );
            if self.focus_pending {
                field.request_focus();
                self.focus_pending = false;
            }
            if self.query != before {
                self.highlight = 0;
            }
            if found.is_empty() {
                ui.label("No command matches.");
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (n, command) in found.iter().enumerate() {
                        let shortcut = command
                            .shortcut()
                            .map(|s| ui.ctx().format_shortcut(&s))
                            .unwrap_or_default();
                        let row =
                            egui::Button::selectable(n == self.highlight, entry_name(command))
                                .shortcut_text(shortcut)
                                .min_size(egui::vec2(ui.available_width(), 0.0));
                        let response = ui.add_enabled(enabled(command), row);
                        if n == self.highlight && (down || up) {
                            response.scroll_to_me(None);
                        }
                        if response.clicked() {
                            chosen = Some(command.clone());
                        }
                    }
                });
        });
        if enter
            && chosen.is_none()
            && let Some(command) = found.get(self.highlight).filter(|c| enabled(c))
        {
            chosen = Some(command.clone());
        }
        if chosen.is_some() || modal.should_close() {
            self.open = false;
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_lists_every_menu_command_once_with_its_menu() {
        let all = commands();
        for (i, c) in all.iter().enumerate() {
            assert!(menu(c).is_some(), "{c:?} is listed but in no menu");
            assert!(!all[..i].contains(c), "{c:?} is listed twice");
        }
        assert_eq!(
            all.len(),
            6 + ExportKind::ALL.len() + 3 + View::ALL.len() + 6
        );
        assert_eq!(entry_name(&Command::SaveAs), "File: Save as…");
    }

    #[test]
    fn typing_filters_by_every_word_in_any_case() {
        assert_eq!(matching("dark"), [Command::ToggleTheme]);
        assert_eq!(matching("VIEW lang"), [Command::Show(View::Languages)]);
        assert_eq!(
            matching("export report"),
            [
                Command::Export(ExportKind::Html),
                Command::Export(ExportKind::Markdown)
            ]
        );
        assert_eq!(matching("  ").len(), commands().len());
        assert!(matching("nothing like this").is_empty());
    }
}

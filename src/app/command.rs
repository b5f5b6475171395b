//! Every user action as one enum with its label and shortcut. Menus, buttons and keyboard
//! shortcuts only send commands; [`crate::app::PlannerApp::execute`] runs them.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

/// The views of the main window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// Key figures, warnings and findings.
    Overview,
    /// Member states and their contributions.
    Members,
    /// The shared base model.
    Model,
    /// Workloads and assumptions.
    Workloads,
    /// Capacity, dependency, stakes and what-if charts.
    Charts,
    /// What the consortium costs, who pays, and renting against owning.
    Budget,
    /// Language coverage of the base model and the adaptation it would take.
    Languages,
    /// The plan over the years: timeline, phases and per-year charts.
    Roadmap,
    /// The switch-off test: what still works when a foreign supplier says no.
    Resilience,
    /// Two scenarios side by side, or the plan against another file.
    Compare,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 10] = [
        View::Overview,
        View::Members,
        View::Model,
        View::Workloads,
        View::Charts,
        View::Budget,
        View::Languages,
        View::Roadmap,
        View::Resilience,
        View::Compare,
    ];

    /// Tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Members => "Members",
            View::Model => "Base model",
            View::Workloads => "Workloads & assumptions",
            View::Charts => "Charts",
            View::Budget => "Budget",
            View::Resilience => "Resilience",
            View::Languages => "Languages",
            View::Roadmap => "Roadmap",
            View::Compare => "Compare",
        }
    }
}

/// What "Export …" writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The proposal report as one self-contained HTML page.
    Html,
    /// The proposal report as Markdown.
    Markdown,
    /// The contributions table as CSV.
    Csv,
    /// The window as it is on screen, as a PNG image.
    Png,
}

impl ExportKind {
    /// Every kind, in menu order.
    pub const ALL: [ExportKind; 4] = [
        ExportKind::Html,
        ExportKind::Markdown,
        ExportKind::Csv,
        ExportKind::Png,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Html => "Export report (HTML)…",
            ExportKind::Markdown => "Export report (Markdown)…",
            ExportKind::Csv => "Export contributions (CSV)…",
            ExportKind::Png => "Export view as PNG…",
        }
    }

    /// File name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Html => "html",
            ExportKind::Markdown => "md",
            ExportKind::Csv => "csv",
            ExportKind::Png => "png",
        }
    }

    /// What the file holds, for file dialog filters and messages.
    pub fn description(self) -> &'static str {
        match self {
            ExportKind::Html => "HTML report",
            ExportKind::Markdown => "Markdown report",
            ExportKind::Csv => "Contributions (CSV)",
            ExportKind::Png => "PNG image",
        }
    }

    /// The report format, for the text exports.
    pub fn format(self) -> Option<crate::export::Format> {
        match self {
            ExportKind::Html => Some(crate::export::Format::Html),
            ExportKind::Markdown => Some(crate::export::Format::Markdown),
            ExportKind::Csv => Some(crate::export::Format::Csv),
            ExportKind::Png => None,
        }
    }
}

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start a new, empty plan.
    NewPlan,
    /// Open the built-in example plan.
    OpenExample,
    /// Choose a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Save to the current file (or choose one).
    Save,
    /// Choose a file and save to it.
    SaveAs,
    /// Save to this file.
    SaveToPath(PathBuf),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Switch between light and dark.
    ToggleTheme,
    /// Show or hide the low–high ranges beside the figures.
    ToggleRanges,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text at 100 %.
    ZoomReset,
    /// Show a view.
    Show(View),
    /// Enter or leave presentation mode (full screen, large type, levers).
    TogglePresentation,
    /// Leave presentation mode (Esc).
    LeavePresentation,
    /// Choose a file and export to it.
    Export(ExportKind),
    /// Choose another plan file to compare the open plan with.
    CompareWithFile,
    /// Compare the open plan with this file.
    ComparePath(PathBuf),
    /// Keep a copy of this entry in the personal catalog, for use in any plan.
    KeepInMyCatalog(crate::file::PersonalEntry),
    /// Remove this entry from the personal catalog (plans that carry a copy keep it).
    ForgetFromMyCatalog(crate::file::PersonalEntry),
    /// Open the command palette (or close it): every command, filtered by typing.
    CommandPalette,
    /// Close the window.
    Quit,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// Menu label.
    pub fn label(&self) -> &'static str {
        match self {
            Command::NewPlan => "New plan",
            Command::OpenExample => "Open built-in example",
            Command::Open => "Open…",
            Command::OpenPath(_) => "Open",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::SaveToPath(_) => "Save",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::ToggleTheme => "Toggle light / dark",
            Command::ToggleRanges => "Show / hide ranges (low–high)",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Reset zoom",
            Command::Show(view) => view.label(),
            Command::TogglePresentation => "Presentation mode",
            Command::LeavePresentation => "Leave presentation",
            Command::Export(kind) => kind.label(),
            Command::CompareWithFile => "Compare with file…",
            Command::ComparePath(_) => "Compare with file",
            Command::KeepInMyCatalog(_) => "Keep in my catalog",
            Command::ForgetFromMyCatalog(_) => "Remove from my catalog",
            Command::CommandPalette => "Command palette…",
            Command::Quit => "Quit",
        }
    }

    /// Primary keyboard shortcut.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let s = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
            Command::NewPlan => s(CTRL, Key::N),
            Command::Open => s(CTRL, Key::O),
            Command::Save => s(CTRL, Key::S),
            Command::SaveAs => s(CTRL_SHIFT, Key::S),
            Command::Undo => s(CTRL, Key::Z),
            Command::Redo => s(CTRL_SHIFT, Key::Z),
            Command::ZoomIn => s(CTRL, Key::Plus),
            Command::ZoomOut => s(CTRL, Key::Minus),
            Command::ZoomReset => s(CTRL, Key::Num0),
            Command::Quit => s(CTRL, Key::Q),
            Command::TogglePresentation => s(Modifiers::NONE, Key::F11),
            Command::CommandPalette => s(CTRL, Key::K),
            _ => None,
        }
    }

    /// Extra shortcuts that do the same (Ctrl+Y for redo, Ctrl+= for zoom in, Ctrl+Shift+P for
    /// the command palette, as in the editors).
    pub fn alternative_shortcuts(&self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::Y)];
        const ZOOM_IN: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::Equals)];
        const PALETTE: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL_SHIFT, Key::P)];
        match self {
            Command::Redo => &REDO,
            Command::ZoomIn => &ZOOM_IN,
            Command::CommandPalette => &PALETTE,
            _ => &[],
        }
    }

    /// Commands that have keyboard shortcuts, most specific first (Ctrl+Shift+S before Ctrl+S).
    pub fn with_shortcuts() -> [Command; 12] {
        [
            Command::CommandPalette,
            Command::TogglePresentation,
            Command::SaveAs,
            Command::Redo,
            Command::NewPlan,
            Command::Open,
            Command::Save,
            Command::Undo,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::Quit,
        ]
    }
}

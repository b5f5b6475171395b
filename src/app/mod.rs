//! The desktop app (eframe/egui). It reads the analysis and edits one plan with one undo history;
//! it computes no figure itself.

mod autosave;
pub mod command;
mod dialogs;
pub mod document;
mod exporting;
mod folders;
mod modals;
mod number_field;
pub mod palette;
pub mod personal;
pub mod png;
pub mod probe;
pub mod settings;
pub mod theme;
mod views;
mod widgets;

use std::path::{Path, PathBuf, absolute};

use egui::ViewportCommand;

use crate::catalog::Catalog;
use crate::cli::DEFAULT_PLAN_NAME;
use crate::file::{self, FileError};
use crate::plan::Plan;

pub use command::{Command, ExportKind, View};
use dialogs::{AfterDiscard, Dialogs, FileTask, PathPrompt, Purpose, TaskOutcome};
use document::Document;
use settings::{SETTINGS_KEY, Settings};
pub use views::ViewState;

/// Options for starting the app.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A plan file given on the command line.
    pub path: Option<PathBuf>,
    /// Use typed-path prompts instead of native file dialogs (tests, systems without dialogs).
    pub typed_paths_only: bool,
    /// Folder for crash-recovery autosaves; `None` turns autosave off.
    pub data_dir: Option<PathBuf>,
}

/// The whole app state.
pub struct PlannerApp {
    catalog: &'static Catalog,
    /// The open plan.
    pub doc: Document,
    /// What is kept between runs.
    pub settings: Settings,
    /// The view on screen.
    pub view: View,
    /// Per-view UI state (selection, filters, sort order).
    pub state: ViewState,
    dialogs: Dialogs,
    typed_paths_only: bool,
    allow_close: bool,
    applied: Option<(bool, f32)>,
    title: String,
    autosave: autosave::Autosave,
    recovery: Option<autosave::Recovered>,
    was_focused: bool,
    /// Start-up measurement, when the benchmark asks for it.
    probe: Option<probe::StartupProbe>,
    /// Whether presentation mode is on (full screen, large type, levers).
    pub presenting: bool,
    shot: Option<exporting::PendingShot>,
    /// The user's personal catalog (accelerators and models kept for any plan).
    pub personal: personal::Personal,
    /// The command palette.
    pub palette: palette::Palette,
    /// Pointer presses since the start, to tell one edit from the next (see [`document::EditSource`]).
    presses: u64,
}

fn example_document(catalog: &'static Catalog) -> Document {
    let loaded = crate::cli::default_plan(catalog);
    let mut doc = Document::new(
        loaded.plan,
        None,
        DEFAULT_PLAN_NAME,
        loaded.problems,
        catalog,
    );
    doc.header = loaded.header;
    doc
}

impl PlannerApp {
    /// Builds the app: the plan from the command line, else the last file, else the built-in example.
    pub fn new(storage: Option<&dyn eframe::Storage>, options: StartOptions) -> PlannerApp {
        let catalog = Catalog::builtin();
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = PlannerApp {
            catalog,
            doc: example_document(catalog),
            settings,
            view: View::Overview,
            state: ViewState::default(),
            dialogs: Dialogs::default(),
            typed_paths_only: options.typed_paths_only,
            allow_close: false,
            applied: None,
            title: String::new(),
            autosave: autosave::Autosave::new(options.data_dir.clone()),
            recovery: None,
            was_focused: true,
            probe: probe::StartupProbe::from_env(),
            presenting: false,
            shot: None,
            personal: personal::Personal::load(options.data_dir.as_deref(), catalog),
            palette: palette::Palette::default(),
            presses: 0,
        };
        app.recovery = app.autosave.recover(catalog);
        let start_file = options
            .path
            .clone()
            .or_else(|| app.settings.last_file.clone().filter(|p| p.exists()));
        if let Some(path) = start_file {
            app.open_path(&path);
        }
        // The first start opens the built-in example: say so, once.
        if app.doc.path.is_none() && !app.settings.seen_example_hint {
            app.state.example_hint = true;
            app.settings.seen_example_hint = true;
        }
        app
    }

    /// The eframe entry point used by `main`.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        options: StartOptions,
    ) -> PlannerApp {
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        cc.egui_ctx.all_styles_mut(|style| {
            theme::readable_text_sizes(style);
            theme::readable_colours(style);
        });
        PlannerApp::new(cc.storage, options)
    }

    /// Opens a plan file; on failure the current plan stays and the error is shown.
    pub fn open_path(&mut self, path: &Path) {
        match file::load(path, self.catalog) {
            Ok(mut loaded) => {
                // The status counts problems with the plan; the note about comments is listed
                // in the Overview and asked about again when saving.
                let n = loaded.problems.len();
                if let Some(first) = loaded.dropped_comments.first() {
                    loaded.problems.push(file::Problem::at(
                        Some((first.line, first.column)),
                        "comments",
                        format!(
                            "{} comment(s) inside the plan's brackets (the first here) are not kept when the app saves; only the block at the top is. Saving offers to move those written in a member into its note",
                            loaded.dropped_comments.len()
                        ),
                        false,
                    ));
                }
                self.autosave.clear();
                self.doc = Document::new(
                    loaded.plan,
                    Some(path.to_path_buf()),
                    "",
                    loaded.problems,
                    self.catalog,
                );
                self.doc.header = loaded.header;
                self.doc.dropped_comments = loaded.dropped_comments;
                self.settings.remember(path);
                self.settings.last_file = Some(path.to_path_buf());
                self.remember_folder(path);
                self.state = ViewState::default();
                self.dialogs.status = if n == 0 {
                    format!("Opened {}", path.display())
                } else {
                    format!(
                        "Opened {} with {}: see Overview",
                        path.display(),
                        crate::words::counted(n, "problem", "problems")
                    )
                };
            }
            Err(e) => {
                let detail = match &e {
                    FileError::Invalid(problems) => {
                        let name = path.display().to_string();
                        problems
                            .iter()
                            .map(|p| p.in_file(&name))
                            .collect::<Vec<_>>()
                            .join("\n")
                    }
                    other => other.to_string(),
                };
                self.dialogs.error = Some((
                    format!("Could not open {}", path.display()),
                    format!("{detail}\n\nThe plan you had open is unchanged."),
                ));
            }
        }
    }

    /// Remembers the folder of a file just opened, saved or exported, where the next dialog starts
    /// when the plan has no folder of its own.
    pub(super) fn remember_folder(&mut self, path: &Path) {
        if let Some(folder) = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .and_then(|p| absolute(p).ok())
        {
            self.settings.last_folder = Some(folder);
        }
    }

    /// Reads another plan file and shows the Compare view against it; on failure the error is
    /// shown and nothing else changes.
    pub fn compare_with(&mut self, path: &Path) {
        match file::load(path, self.catalog) {
            Ok(loaded) => {
                self.state.compare.other = Some(views::OtherFile {
                    path: path.to_path_buf(),
                    plan: loaded.plan,
                    diff: None,
                });
                self.state.compare.mode = views::CompareMode::File;
                self.view = View::Compare;
                self.dialogs.status = format!("Comparing with {}", path.display());
            }
            Err(e) => {
                self.dialogs.error = Some((
                    format!("Could not compare with {}", path.display()),
                    format!("{e}\n\nThe plan you had open is unchanged."),
                ));
            }
        }
    }

    fn save_to(&mut self, path: &Path) {
        if !self.doc.dropped_comments.is_empty() {
            // Ask first: the save would lose the planner's comments (see `drop_comments_ui`).
            self.dialogs.drop_comments = Some(path.to_path_buf());
            return;
        }
        match file::save_with_header(&self.doc.plan, &self.doc.header, path) {
            Ok(()) => {
                self.doc.mark_saved(path.to_path_buf());
                self.autosave.clear();
                self.settings.remember(path);
                self.settings.last_file = Some(path.to_path_buf());
                self.remember_folder(path);
                let shown = absolute(path).unwrap_or_else(|_| path.to_path_buf());
                self.dialogs.status = format!("Saved {}", shown.display());
            }
            Err(e) => {
                self.dialogs.error = Some((
                    format!("Could not save {}", path.display()),
                    format!("{e}\n\nYour plan is still open and unsaved."),
                ));
            }
        }
    }

    fn choose_file(&mut self, purpose: Purpose) {
        if self.typed_paths_only {
            self.ask_typed_path(purpose, String::new());
        } else if self.dialogs.file_task.is_none() {
            let dir = self.start_folder();
            let name = self.suggested_name(purpose).unwrap_or_default();
            self.dialogs.file_task = Some(FileTask::spawn(purpose, Some(dir), name));
        }
    }

    /// Where dialogs and typed paths start: the open plan's folder, else the last folder used,
    /// else the documents folder (never the working directory, unless there is nothing else).
    pub(super) fn start_folder(&self) -> PathBuf {
        self.doc
            .folder()
            .filter(|d| !d.as_os_str().is_empty())
            .and_then(|d| std::path::absolute(d).ok())
            .or_else(|| self.settings.last_folder.clone().filter(|d| d.is_dir()))
            .or_else(folders::documents_dir)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// The file name a dialog suggests: the plan's own name for Save as, a name of the export's
    /// own kind and extension for exports (`east-africa-report.html`, never the plan's `.ron`),
    /// none for Open and Compare.
    pub(super) fn suggested_name(&self, purpose: Purpose) -> Option<String> {
        let stem = match &self.doc.path {
            Some(_) => folders::file_stem(&self.doc.display_name()),
            None => folders::file_stem(&self.doc.plan.name),
        };
        match purpose {
            Purpose::Open | Purpose::Compare => None,
            Purpose::SaveAs => Some(format!("{stem}.ron")),
            Purpose::Export(kind) => Some(match kind {
                ExportKind::Html | ExportKind::Markdown => {
                    format!("{stem}-report.{}", kind.extension())
                }
                ExportKind::Csv => format!("{stem}-contributions.csv"),
                ExportKind::Png => {
                    let view = if self.presenting {
                        "presentation".to_string()
                    } else {
                        folders::file_stem(self.view.label())
                    };
                    format!("{stem}-{view}.png")
                }
            }),
        }
    }

    /// Opens the typed-path prompt for `purpose`, filled with the start folder and the suggested
    /// name (selected, so typing a name replaces it).
    pub(super) fn ask_typed_path(&mut self, purpose: Purpose, note: String) {
        let base = self.start_folder();
        let text = match self.suggested_name(purpose) {
            Some(name) => base.join(name).display().to_string(),
            None => {
                let mut folder = base.display().to_string();
                if !folder.ends_with(std::path::MAIN_SEPARATOR) {
                    folder.push(std::path::MAIN_SEPARATOR);
                }
                folder
            }
        };
        self.dialogs.path_prompt = Some(PathPrompt {
            purpose,
            text,
            note,
            base,
            select_name: true,
        });
    }

    fn unless_dirty(&mut self, action: AfterDiscard) {
        if self.doc.is_dirty() {
            self.dialogs.confirm = Some(action);
        } else {
            self.proceed(action);
        }
    }

    fn proceed(&mut self, action: AfterDiscard) {
        match action {
            AfterDiscard::NewPlan => {
                let plan = Plan::new("New consortium plan", "qwen3-32b");
                self.autosave.clear();
                self.doc = Document::new(plan, None, "untitled.ron", Vec::new(), self.catalog);
                self.settings.last_file = None;
                self.state = ViewState::default();
                self.view = View::Members;
            }
            AfterDiscard::OpenExample => {
                self.autosave.clear();
                self.doc = example_document(self.catalog);
                self.settings.last_file = None;
                self.state = ViewState::default();
            }
            AfterDiscard::ChooseFile => self.choose_file(Purpose::Open),
            AfterDiscard::OpenPath(path) => self.open_path(&path),
            AfterDiscard::Quit => self.allow_close = true,
        }
    }

    /// Runs one command.
    pub fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewPlan => self.unless_dirty(AfterDiscard::NewPlan),
            Command::OpenExample => self.unless_dirty(AfterDiscard::OpenExample),
            Command::Open => self.unless_dirty(AfterDiscard::ChooseFile),
            Command::OpenPath(path) => self.unless_dirty(AfterDiscard::OpenPath(path)),
            Command::Save => match self.doc.path.clone() {
                Some(path) => self.save_to(&path),
                None => self.choose_file(Purpose::SaveAs),
            },
            Command::SaveAs => self.choose_file(Purpose::SaveAs),
            Command::SaveToPath(path) => self.save_to(&path),
            Command::Undo => self.doc.undo(),
            Command::Redo => self.doc.redo(),
            Command::ToggleTheme => self.settings.dark_mode = !self.settings.dark_mode,
            Command::ToggleRanges => self.settings.show_ranges = !self.settings.show_ranges,
            Command::ZoomIn => {
                self.settings.zoom = (self.settings.zoom + theme::ZOOM_STEP).min(theme::MAX_ZOOM)
            }
            Command::ZoomOut => {
                self.settings.zoom = (self.settings.zoom - theme::ZOOM_STEP).max(theme::MIN_ZOOM)
            }
            Command::ZoomReset => self.settings.zoom = 1.0,
            Command::Show(view) => self.view = view,
            Command::TogglePresentation => self.set_presenting(ctx, !self.presenting),
            Command::LeavePresentation => self.set_presenting(ctx, false),
            Command::Export(kind) => self.choose_export(kind),
            Command::CompareWithFile => self.choose_file(Purpose::Compare),
            Command::ComparePath(path) => self.compare_with(&path),
            Command::KeepInMyCatalog(entry) => self.dialogs.status = self.personal.keep(entry),
            Command::ForgetFromMyCatalog(entry) => {
                self.dialogs.status = self.personal.forget(&entry)
            }
            Command::CommandPalette => self.palette.toggle(),
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }

    fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        if self.presenting != on {
            self.presenting = on;
            // The shock lever is presentation mode's alone: the editing views show the plan.
            if !on {
                self.doc.shock = None;
            }
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
        }
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        let zoom = if self.presenting {
            theme::presentation_zoom(ctx, self.settings.zoom)
        } else {
            self.settings.zoom
        };
        let wanted = (self.settings.dark_mode, zoom);
        if self.applied != Some(wanted) {
            ctx.set_theme(if wanted.0 {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            ctx.set_zoom_factor(wanted.1);
            self.applied = Some(wanted);
        }
        let title = format!(
            "{}{} — Consortium Planner",
            if self.doc.looks_dirty() { "* " } else { "" },
            self.doc.display_name()
        );
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        let mut commands = Vec::new();
        ctx.input_mut(|i| {
            for command in Command::with_shortcuts() {
                let hit = command.shortcut().is_some_and(|s| i.consume_shortcut(&s))
                    || command
                        .alternative_shortcuts()
                        .iter()
                        .any(|s| i.consume_shortcut(s));
                if hit {
                    commands.push(command);
                }
            }
        });
        let nothing_open = self.dialogs.path_prompt.is_none()
            && self.dialogs.confirm.is_none()
            && self.dialogs.error.is_none()
            && !self.palette.is_open()
            && !egui::Popup::is_any_open(ctx);
        if self.presenting
            && nothing_open
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            commands.push(Command::LeavePresentation);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        {
            commands.push(Command::OpenPath(path));
        }
        for c in commands {
            self.execute(ctx, c);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialogs.confirm = Some(AfterDiscard::Quit);
        }
    }

    fn poll_file_task(&mut self, ctx: &egui::Context) {
        let Some(task) = &self.dialogs.file_task else {
            return;
        };
        match task.poll() {
            TaskOutcome::Pending => {
                ctx.request_repaint_after(std::time::Duration::from_millis(150))
            }
            TaskOutcome::Chosen(purpose, path) => {
                self.dialogs.file_task = None;
                match purpose {
                    Purpose::Open => self.open_path(&path),
                    Purpose::SaveAs => self.save_to(&with_ron_extension(path)),
                    Purpose::Export(kind) => self.export_to(kind, path),
                    Purpose::Compare => self.compare_with(&path),
                }
            }
            TaskOutcome::Cancelled => self.dialogs.file_task = None,
            TaskOutcome::Unavailable(purpose) => {
                self.dialogs.file_task = None;
                self.ask_typed_path(
                    purpose,
                    "No file dialog is available on this system; type the file's path instead."
                        .to_string(),
                );
            }
        }
    }

    /// Draws one frame.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        // Where this frame's edits come from, as it begins (a field that loses the keyboard
        // this frame still owns the value it writes back).
        if ctx.input(|i| i.pointer.any_pressed()) {
            self.presses += 1;
        }
        let source = document::EditSource {
            widget: ctx.dragged_id().or_else(|| ctx.memory(|m| m.focused())),
            presses: self.presses,
        };
        self.handle_input(&ctx);
        self.poll_file_task(&ctx);
        self.doc.refresh(self.catalog);
        self.state.show_ranges = self.settings.show_ranges;
        let mut commands = Vec::new();
        if self.presenting {
            ui.set_style(theme::presentation_style(ui.style()));
            egui::Panel::top("presentation-bar").show(ui, |ui| {
                // The slide's title names the roadmap year it shows.
                let title = match self.doc.year {
                    Some(year) => format!("{} · {year}", self.doc.plan.name),
                    None => self.doc.plan.name.clone(),
                };
                views::presentation_bar_ui(ui, &title, &self.dialogs.status, &mut commands);
            });
            let mut cx = views::ViewCtx {
                doc: &mut self.doc,
                catalog: self.catalog,
                state: &mut self.state,
                commands: &mut commands,
                personal: &self.personal,
            };
            views::presentation_ui(ui, &mut cx);
        } else {
            egui::Panel::top("menu-bar").show(ui, |ui| {
                views::menu_bar_ui(ui, &self.doc, &self.settings, self.view, &mut commands);
            });
            egui::Panel::bottom("status-bar").show(ui, |ui| {
                views::status_bar_ui(ui, &self.doc, &self.dialogs.status);
            });
            egui::CentralPanel::default().show(ui, |ui| {
                let mut cx = views::ViewCtx {
                    doc: &mut self.doc,
                    catalog: self.catalog,
                    state: &mut self.state,
                    commands: &mut commands,
                    personal: &self.personal,
                };
                ui.horizontal(|ui| {
                    views::year_bar_ui(ui, &mut cx);
                    views::scenario_bar_ui(ui, &mut cx);
                });
                ui.separator();
                views::view_ui(ui, self.view, &mut cx);
            });
        }
        self.modals_ui(&ctx);
        let (can_undo, can_redo) = (self.doc.can_undo(), self.doc.can_redo());
        let from_palette = self.palette.ui(&ctx, |c| match c {
            Command::Undo => can_undo,
            Command::Redo => can_redo,
            _ => true,
        });
        commands.extend(from_palette);
        for c in commands {
            self.execute(&ctx, c);
        }
        self.finish_after_save(&ctx);
        if self.doc.refresh(self.catalog) {
            ctx.request_repaint();
        }
        self.autosave_tick(&ctx);
        self.screenshot_tick(&ctx);
        let time = ctx.input(|i| i.time);
        // A lever drag is one undo step: it ends when no pointer button is held any more.
        if self.doc.in_gesture() && !ctx.input(|i| i.pointer.any_down()) {
            self.doc.end_gesture(time);
        }
        if self
            .doc
            .track_undo(time, source, ctx.dragged_id().is_some())
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(700));
        }
    }
}

fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}

impl eframe::App for PlannerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.probe {
            probe.on_frame(ui.ctx());
        }
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // A clean exit: the user saved or chose to discard, so there is nothing to recover.
        self.autosave.clear();
    }
}

/// Opens the desktop window.
pub fn run(options: StartOptions) -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Consortium Planner")
            // Matches the installed consortium-planner.desktop (`install-desktop`), so the
            // desktop shows its icon and name for the window.
            .with_app_id("consortium-planner")
            .with_inner_size([1280.0, 760.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "consortium-planner",
        native,
        Box::new(move |cc| Ok(Box::new(PlannerApp::from_creation_context(cc, options)))),
    )
}

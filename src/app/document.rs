//! The open plan: its file, its saved state, its analysis and its one undo history.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use egui::util::undoer::{Settings as UndoSettings, Undoer};

use crate::analysis::Report;
use crate::analysis::stress::{StressFigures, report_under};
use crate::analysis::whole::plan_figures;
use crate::analysis::years::{YearFigures, analysis_year};
use crate::catalog::Catalog;
use crate::file::Problem;
use crate::plan::Plan;

/// The plan being edited, with everything derived from it.
pub struct Document {
    /// The plan as the user is editing it. Views change it directly; [`Document::refresh`] keeps the
    /// report in step.
    pub plan: Plan,
    /// The file it was opened from or saved to; `None` for a new or built-in plan.
    pub path: Option<PathBuf>,
    /// Display name when there is no path (e.g. the built-in example).
    pub untitled_name: String,
    /// Non-fatal problems found when the file was opened.
    pub problems: Vec<Problem>,
    /// The file's leading comment block, written back on save.
    pub header: String,
    /// Comments in the opened file that a save drops (all but the leading block); the first save
    /// asks about them, and offers to move members' comments into their notes.
    pub dropped_comments: Vec<crate::file::DroppedComment>,
    /// The analysis of `plan` in `year` (the whole plan without a roadmap).
    pub report: Report,
    /// The roadmap year `report` is of (`None` without a roadmap).
    pub year: Option<u16>,
    /// The year the user chose (the year selector); `None` or a year outside the roadmap means
    /// its first year.
    pub chosen_year: Option<u16>,
    /// The shock presentation mode's lever applies (a key of [`Document::stress`]); `report`
    /// is then the plan's under that shock. Cleared on leaving presentation mode.
    pub shock: Option<String>,
    /// The shock `report` was analysed under (`None`: the plan as it is).
    pub report_shock: Option<String>,
    /// The shock whose roadmap is worked out year by year in `stress` (the Resilience view's
    /// choice; `None`: the worst). The others' `years` are empty.
    pub years_shock: Option<String>,
    /// The `years_shock` of the last analysis.
    analyzed_years_shock: Option<String>,
    /// Every roadmap year's figures (empty without a roadmap).
    pub years: Vec<YearFigures>,
    /// The switch-off test: the plan in `year` under each shock.
    pub stress: Vec<StressFigures>,
    /// Counts analyses, so views can cache what they derive from the report.
    pub generation: u64,
    saved: Plan,
    /// `plan != saved` worked out at this generation (see [`Document::looks_dirty`]).
    dirty_at: Cell<Option<(u64, bool)>>,
    recovered: bool,
    analyzed: Plan,
    undoer: Undoer<Plan>,
    gesture: bool,
    /// The plan as the undo history last saw it, and the analysis generation it saw it at.
    fed: (Plan, u64),
    /// Where the edit still settling came from.
    editing: Option<EditSource>,
}

/// Where an edit comes from: the widget being dragged or holding the keyboard, and the count of
/// pointer presses so far. Edits from different sources are separate undo steps however quickly
/// they follow each other; the edits of one source (typing in one field, one drag) settle into
/// one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditSource {
    /// The widget being dragged, else the one with the keyboard focus, as the frame began.
    pub widget: Option<egui::Id>,
    /// Pointer presses since the app started: each click starts a new source.
    pub presses: u64,
}

impl Document {
    /// A document for a plan just opened (or created), clean.
    pub fn new(
        plan: Plan,
        path: Option<PathBuf>,
        untitled_name: &str,
        problems: Vec<Problem>,
        catalog: &'static Catalog,
    ) -> Document {
        let figures = plan_figures(&plan, catalog, None, None);
        let mut undoer = Undoer::with_settings(UndoSettings {
            max_undos: 200,
            stable_time: 0.6,
            auto_save_interval: 10.0,
        });
        undoer.add_undo(&plan);
        let plan_copy = plan.clone();
        Document {
            saved: plan.clone(),
            dirty_at: Cell::new(None),
            recovered: false,
            analyzed: plan.clone(),
            plan,
            path,
            untitled_name: untitled_name.to_string(),
            problems,
            header: crate::file::DEFAULT_HEADER.to_string(),
            dropped_comments: Vec::new(),
            report: figures.report,
            year: figures.year,
            chosen_year: None,
            shock: None,
            report_shock: None,
            years_shock: None,
            analyzed_years_shock: None,
            years: figures.years,
            stress: figures.stress,
            generation: 0,
            fed: (plan_copy, 0),
            undoer,
            gesture: false,
            editing: None,
        }
    }

    /// The folder of the plan's file, where file dialogs start.
    pub fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// Whether the plan differs from what is on disk. Compares the whole plan: use it before
    /// anything that could discard work.
    pub fn is_dirty(&self) -> bool {
        self.recovered || self.plan != self.saved
    }

    /// [`Document::is_dirty`] for display (the title, the status bar, autosave), which ask every
    /// frame: worked out once per analysis generation, so it misses an edit made since the last
    /// [`Document::refresh`] until the next one. At 193 members each whole-plan comparison costs
    /// about 3 µs of a frame.
    ///
    /// Read it only where the plan is as last analysed (before the views draw, or after the
    /// frame's last refresh). Read between an edit and its refresh, it would keep that edit's
    /// answer for as long as the generation lasts, even if the plan went back (an edit undone in
    /// the same frame does not start a new generation). Anything that could discard work asks
    /// [`Document::is_dirty`].
    pub fn looks_dirty(&self) -> bool {
        if self.recovered {
            return true;
        }
        match self.dirty_at.get() {
            Some((generation, dirty)) if generation == self.generation => dirty,
            _ => {
                let dirty = self.plan != self.saved;
                self.dirty_at.set(Some((self.generation, dirty)));
                dirty
            }
        }
    }

    /// Marks the plan as recovered work that is not on disk yet.
    pub fn mark_recovered(&mut self) {
        self.recovered = true;
    }

    /// The name shown in the title bar: the file name, or the untitled name.
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || self.untitled_name.clone(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Re-analyses the plan if it changed since the last analysis; returns whether it did.
    pub fn refresh(&mut self, catalog: &'static Catalog) -> bool {
        let year = analysis_year(&self.plan, self.chosen_year);
        if self.plan == self.analyzed
            && year == self.year
            && self.shock == self.report_shock
            && self.years_shock == self.analyzed_years_shock
        {
            return false;
        }
        let figures = plan_figures(
            &self.plan,
            catalog,
            self.chosen_year,
            self.years_shock.as_deref(),
        );
        self.year = figures.year;
        self.report = figures.report;
        self.years = figures.years;
        self.stress = figures.stress;
        // Under a shock (presentation mode's lever) the report is the shocked plan's; the stress
        // figures above stay measured against the plan as it is. A key the plan no longer has
        // is dropped.
        if let Some(key) = &self.shock {
            match report_under(&self.plan, catalog, key, self.year) {
                Some(r) => self.report = r,
                None => self.shock = None,
            }
        }
        self.report_shock.clone_from(&self.shock);
        self.analyzed_years_shock.clone_from(&self.years_shock);
        self.analyzed.clone_from(&self.plan);
        self.generation += 1;
        true
    }

    /// Feeds the undo history after a frame's edits (call after [`Document::refresh`]): an edit
    /// from another `source` than the one still settling closes that one as its own undo step,
    /// and while `dragging` nothing settles, so a drag stays one step however long it pauses.
    /// Returns whether an edit is still settling (then the caller should repaint shortly so it
    /// becomes its own undo step).
    pub fn track_undo(&mut self, time_s: f64, source: EditSource, dragging: bool) -> bool {
        if self.gesture {
            return false;
        }
        // The plan can only have changed if it was analysed again since the last look.
        if self.fed.1 != self.generation {
            self.fed.1 = self.generation;
            if self.plan != self.fed.0 {
                if self.editing != Some(source) {
                    // The plan before this edit ends the previous one: an undo point of its own.
                    self.undoer.add_undo(&self.fed.0);
                    self.editing = Some(source);
                }
                self.fed.0.clone_from(&self.plan);
            }
        }
        if dragging {
            return false;
        }
        self.undoer.feed_state(time_s, &self.plan);
        self.undoer.is_in_flux()
    }

    /// Takes the plan as it is now as seen by the undo history, with no edit settling (after
    /// undo, redo and gestures, which set the history themselves).
    fn resync_undo(&mut self) {
        self.fed.0.clone_from(&self.plan);
        self.editing = None;
    }

    /// Makes the current state an undo point of its own (call before a discrete edit).
    pub fn checkpoint(&mut self) {
        self.undoer.add_undo(&self.plan);
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.undoer.has_undo(&self.plan)
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.plan)
    }

    /// Starts a gesture (a slider drag): the plan as it is now becomes an undo point, and the
    /// changes until [`Document::end_gesture`] are one undo step however long the drag lasts.
    pub fn begin_gesture(&mut self) {
        if !self.gesture {
            self.undoer.add_undo(&self.plan);
            self.gesture = true;
        }
    }

    /// Whether a gesture is in progress.
    pub fn in_gesture(&self) -> bool {
        self.gesture
    }

    /// Ends a gesture: the plan as it is now becomes the undo point after it (and the redo
    /// history is dropped if the gesture changed the plan).
    pub fn end_gesture(&mut self, time_s: f64) {
        if self.gesture {
            self.gesture = false;
            // Feeding a changed state drops stale redos; add_undo then closes the step at once.
            self.undoer.feed_state(time_s, &self.plan);
            self.undoer.add_undo(&self.plan);
            self.resync_undo();
        }
    }

    /// Steps back in the history.
    pub fn undo(&mut self) {
        self.end_gesture(0.0);
        if let Some(previous) = self.undoer.undo(&self.plan) {
            self.plan = previous.clone();
        }
        self.resync_undo();
    }

    /// Steps forward in the history.
    pub fn redo(&mut self) {
        self.end_gesture(0.0);
        if let Some(next) = self.undoer.redo(&self.plan) {
            self.plan = next.clone();
        }
        self.resync_undo();
    }

    /// Records that the plan was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved.clone_from(&self.plan);
        self.dirty_at.set(None);
        self.recovered = false;
        self.path = Some(path);
    }
}

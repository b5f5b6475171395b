//! Presentation mode and export from the app, driven headless through egui_kittest: F11 and Esc,
//! the big tiles, the what-if levers (one undo step per drag), and File → Export ….
//!
//! Snapshots: `tests/snapshots/presentation_<width>x<height>.png`; regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test --test presentation`.

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, HarnessBuilder};

use consortium_planner::app::{PlannerApp, StartOptions};
use consortium_planner::catalog::Catalog;
use consortium_planner::export::{self, Format};

fn start_at(size: [f32; 2], path: Option<&str>) -> Harness<'static, PlannerApp> {
    // Relative to the package (cargo runs tests there), so the status line in snapshots does not
    // depend on where the repository is checked out.
    let path = path.map(std::path::PathBuf::from);
    HarnessBuilder::default()
        .with_size(size)
        .build_eframe(move |cc| {
            PlannerApp::from_creation_context(
                cc,
                StartOptions {
                    path,
                    typed_paths_only: true,
                    data_dir: None,
                },
            )
        })
}

/// The built-in example (Latam-GPT) on a common laptop screen.
fn app() -> Harness<'static, PlannerApp> {
    start_at([1366.0, 768.0], None)
}

fn click(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Clicks the menu item whose label starts with `label` (items carry their shortcut after it).
fn click_item(h: &mut Harness<'_, PlannerApp>, label: &str) {
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with(label)))
        .click();
    h.run();
}

/// Presses `key` and runs exactly the one frame that sees it (so that frame's output can be read).
fn key_frame(h: &mut Harness<'_, PlannerApp>, key: Key) {
    h.event(egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    h.step();
}

fn present(h: &mut Harness<'_, PlannerApp>) {
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting, "F11 enters presentation mode");
}

fn texts_containing(h: &Harness<'_, PlannerApp>, part: &str) -> Vec<String> {
    h.query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.contains(part)))
        .filter_map(|n| n.value())
        .collect()
}

fn repaint_delay(h: &Harness<'_, PlannerApp>) -> Duration {
    h.output().viewport_output[&ViewportId::ROOT].repaint_delay
}

fn sent_fullscreen(h: &Harness<'_, PlannerApp>) -> Option<bool> {
    h.output().viewport_output[&ViewportId::ROOT]
        .commands
        .iter()
        .find_map(|c| match c {
            ViewportCommand::Fullscreen(on) => Some(*on),
            _ => None,
        })
}

/// Drags the slider labelled `label` from its centre by `dx` points, in several moves a few
/// frames (and more than the undo settling time) apart, then releases.
fn drag_slider(h: &mut Harness<'_, PlannerApp>, label: &str, dx: f32) {
    let rect = h.get_by_role_and_label(Role::Slider, label).rect();
    let start = rect.center();
    h.event(egui::Event::PointerMoved(start));
    h.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    let mut pos = start;
    for i in 1..=6 {
        pos = start + egui::vec2(dx * i as f32 / 6.0, 0.0);
        h.event(egui::Event::PointerMoved(pos));
        // 4 frames of 0.25 s: well past the 0.6 s after which a pause would become an undo point.
        h.run_steps(4);
    }
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

#[test]
fn f11_enters_presentation_mode_full_screen_with_big_tiles_and_esc_leaves() {
    let mut h = app();
    assert!(h.query_by_label("Leave presentation (Esc)").is_none());
    present(&mut h);
    for tile in ["Pooled compute", "Power", "Experts", "Foreign dependency"] {
        assert!(
            h.query_all_by_value(tile).next().is_some(),
            "the tile {tile} is shown"
        );
    }
    assert!(h.query_by_label("Leave presentation (Esc)").is_some());
    assert!(
        h.query_by_role_and_label(Role::Slider, "MFU (model FLOPs utilisation)")
            .is_some(),
        "the levers are shown"
    );
    assert!(
        h.query_by_label("Members").is_none(),
        "the editing tabs are hidden"
    );
    key_frame(&mut h, Key::Escape);
    assert!(!h.state().presenting, "Esc leaves presentation mode");
    assert_eq!(sent_fullscreen(&h), Some(false), "and leaves full screen");
    h.run();
    assert!(h.query_by_label("Members").is_some());
}

#[test]
fn entering_presentation_mode_asks_for_full_screen() {
    let mut h = app();
    key_frame(&mut h, Key::F11);
    assert_eq!(sent_fullscreen(&h), Some(true));
    h.run();
    key_frame(&mut h, Key::F11);
    assert!(!h.state().presenting, "F11 again leaves too");
    assert_eq!(sent_fullscreen(&h), Some(false));
}

#[test]
fn the_view_menu_has_presentation_mode() {
    let mut h = app();
    click(&mut h, "View");
    click_item(&mut h, "Presentation mode");
    assert!(h.state().presenting);
}

#[test]
fn a_lever_drag_changes_the_figures_live_and_one_undo_restores_them() {
    let mut h = app();
    present(&mut h);
    let mfu_before = h.state().doc.plan.assumptions.mfu;
    let days_before = texts_containing(&h, " days");
    assert!(!days_before.is_empty(), "the days tiles are shown");
    drag_slider(&mut h, "MFU (model FLOPs utilisation)", 120.0);
    let mfu_after = h.state().doc.plan.assumptions.mfu;
    assert!(
        mfu_after > mfu_before + 0.05,
        "dragging right raised MFU: {mfu_before} → {mfu_after}"
    );
    assert_ne!(
        texts_containing(&h, " days"),
        days_before,
        "the days shown followed the lever"
    );
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.plan.assumptions.mfu,
        mfu_before,
        "one undo restores the plan from before the drag"
    );
    assert_eq!(texts_containing(&h, " days"), days_before);
    assert!(
        !h.state().doc.can_undo(),
        "the whole drag was one undo step (the built-in plan has no earlier history)"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.assumptions.mfu, mfu_after, "redo");
}

#[test]
fn scaling_a_member_goes_back_exactly_when_the_slider_returns() {
    let mut h = app();
    present(&mut h);
    let before = h.state().doc.plan.members[0].clone();
    let accelerators_before = h.state().doc.report.pooled.accelerators;
    drag_slider(&mut h, "Contribution", 60.0);
    let scaled = h.state().doc.plan.members[0].clone();
    assert_ne!(scaled, before, "the drag scaled the first member");
    assert!(h.state().doc.report.pooled.accelerators > accelerators_before);
    let percent = h.state().state.levers.scale.as_ref().map(|s| s.percent);
    assert!(percent.is_some_and(|p| p > 100.0), "scaled up: {percent:?}");
    // The slider back at 100 % gives the member exactly as it was (counts are not re-rounded).
    h.get_by_role_and_label(Role::Slider, "Contribution")
        .set_value_accesskit(100.0);
    h.run();
    assert_eq!(h.state().doc.plan.members[0], before, "back to the base");
    // Undo twice: back to the scaled member, then to the original.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.members[0], scaled);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.members[0], before, "undo restores it");
}

#[test]
fn swapping_the_base_model_with_the_lever_changes_the_model_and_undoes() {
    let mut h = app();
    present(&mut h);
    let before = h.state().doc.plan.base_model.clone();
    assert_ne!(before, "qwen3-32b");
    h.get_by_label("Model").click();
    h.run();
    let option = h.get_by_label("Qwen3-32B");
    option.scroll_to_me();
    h.run();
    h.get_by_label("Qwen3-32B").click();
    h.run();
    assert_eq!(h.state().doc.plan.base_model, "qwen3-32b");
    assert_eq!(
        h.state().doc.report.model.as_ref().map(|m| m.id.as_ref()),
        Some("qwen3-32b")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.base_model, before);
}

#[test]
fn every_input_in_presentation_mode_has_an_accessible_name() {
    let mut h = app();
    present(&mut h);
    let unnamed = h.unnamed_widgets();
    assert!(
        unnamed.is_empty(),
        "unnamed inputs:\n{}",
        unnamed.join("\n")
    );
}

#[test]
fn presentation_mode_requests_no_repaint_when_idle() {
    let mut h = app();
    present(&mut h);
    h.run_steps(4);
    h.run();
    h.step();
    assert_eq!(repaint_delay(&h), Duration::MAX);
}

fn export_via_menu(h: &mut Harness<'_, PlannerApp>, item: &str, hint: &str, path: &Path) {
    click(h, "File");
    click_item(h, item);
    let field = h.get_by(|n| n.data().placeholder() == Some(hint));
    assert!(field.is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(path.display().to_string()));
    h.run();
    click(h, "Export");
}

#[test]
fn exporting_csv_html_and_markdown_writes_what_export_makes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app();
    let cases = [
        (
            "Export contributions (CSV)…",
            "/path/to/contributions.csv",
            "c.csv",
            Format::Csv,
        ),
        (
            "Export report (HTML)…",
            "/path/to/report.html",
            "r.html",
            Format::Html,
        ),
        (
            "Export report (Markdown)…",
            "/path/to/report.md",
            "r",
            Format::Markdown,
        ),
    ];
    for (item, hint, name, format) in cases {
        export_via_menu(&mut h, item, hint, &dir.path().join(name));
        let written = if name == "r" {
            dir.path().join("r.md")
        } else {
            dir.path().join(name)
        };
        let text = std::fs::read_to_string(&written)
            .unwrap_or_else(|e| panic!("{item} wrote {}: {e}", written.display()));
        let expected = export::export(&h.state().doc.plan, Catalog::builtin(), format);
        assert_eq!(text, expected, "{item}");
        assert!(
            !texts_containing(&h, "Exported").is_empty(),
            "the status bar says so"
        );
    }
}

#[test]
fn an_export_that_fails_says_why_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app();
    let target = dir.path().join("no-such-folder").join("r.csv");
    export_via_menu(
        &mut h,
        "Export contributions (CSV)…",
        "/path/to/contributions.csv",
        &target,
    );
    assert!(!target.exists());
    assert!(!texts_containing(&h, "Could not export").is_empty());
}

#[test]
fn exporting_a_png_ends_with_a_file_or_a_message_and_never_spins() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("view.png");
    let mut h = app();
    export_via_menu(&mut h, "Export view as PNG…", "/path/to/view.png", &target);
    // Wait past the screenshot timeout (3 s at 0.25 s per frame).
    h.run_steps(16);
    h.run();
    let wrote = !texts_containing(&h, "Exported the view as PNG").is_empty();
    let gave_up = !texts_containing(&h, "No screenshot came").is_empty();
    assert!(wrote || gave_up, "the status bar says how it ended");
    if wrote {
        let bytes = std::fs::read(&target).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
    h.step();
    assert_eq!(repaint_delay(&h), Duration::MAX, "and then idles");
}

#[test]
fn the_png_encoder_writes_a_png_that_decodes_to_the_same_pixels() {
    let mut image = egui::ColorImage::filled([3, 2], egui::Color32::WHITE);
    image.pixels[1] = egui::Color32::from_rgb(0x12, 0x34, 0x56);
    let bytes = consortium_planner::app::png::encode_png(&image).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (3, 2));
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(&buf[4..8], &[0x12, 0x34, 0x56, 0xff]);
    assert_eq!(&buf[0..4], &[0xff, 0xff, 0xff, 0xff]);
}

/// Presentation mode of the built-in example (or `plan`) at `size`, settled.
fn presenting_at(size: [f32; 2], plan: Option<&str>) -> Harness<'static, PlannerApp> {
    let mut h = start_at(size, plan);
    present(&mut h);
    h.run_steps(2);
    h.run();
    h
}

/// The whole slide fits the screen at `size`: the four charts and everything else on the slide
/// lie within its visible area (nothing to scroll to, nothing cut at the bottom), so do the
/// levers; the key figures are large for the screen (a share of its height, which is what a room
/// reads) and each stays on one line. Then the snapshot.
fn fits_at(size: [f32; 2], plan: Option<&str>, figure: &str, name: &str) {
    let mut h = presenting_at(size, plan);
    let slide = h.state().state.slide.clone();
    let screen = h.ctx.content_rect();
    assert!(screen.contains_rect(slide.screen), "{slide:?}");
    // A point's leeway for rounding to pixels at the zoom that fits the slide to the screen.
    let visible = slide.screen.expand(1.0);
    assert_eq!(slide.charts.len(), 4, "four charts: {:?}", slide.charts);
    for (chart, rect) in &slide.charts {
        assert!(
            rect.height() >= 150.0 && rect.width() >= 300.0,
            "“{chart}” is drawn, not squashed, at {size:?}: {rect:?}"
        );
        assert!(
            visible.contains_rect(*rect),
            "“{chart}” lies on screen at {size:?}: {rect:?} in {:?}",
            slide.screen
        );
    }
    assert!(
        visible.contains_rect(slide.content),
        "the slide lies on screen at {size:?} (nothing to scroll to): {:?} in {:?}",
        slide.content,
        slide.screen
    );
    assert!(
        slide.levers.bottom() <= slide.levers_screen.bottom(),
        "the levers fit at {size:?}: {:?} in {:?}",
        slide.levers,
        slide.levers_screen
    );
    for text in ["Pooled compute", "Foreign dependency", figure] {
        let node = h
            .query_all_by_value(text)
            .next()
            .unwrap_or_else(|| panic!("{text} shown at {size:?}"));
        assert!(
            screen.contains_rect(node.rect()),
            "{text} is on screen, not cut off, at {size:?}"
        );
    }
    let share = |text: &str| {
        let node = h.query_all_by_value(text).next().expect("shown");
        node.rect().height() / screen.height()
    };
    let value = share(figure);
    let title = share("Pooled compute");
    assert!(
        value >= 0.03,
        "a tile's figure is at least 3 % of the screen height at {size:?}: {value}"
    );
    assert!(
        title >= 0.018,
        "a tile's title is at least 1.8 % of the screen height at {size:?}: {title}"
    );
    for tile in h.query_all_by(|n| {
        n.role() == Role::Label
            && n.value().is_some_and(|v| {
                v.ends_with(" PFLOP/s") || v.ends_with(" TB") || v.ends_with(" MW")
            })
    }) {
        let r = tile.rect();
        assert!(
            r.width() > 2.5 * r.height(),
            "“{}” is on one line at {size:?}: {r:?}",
            tile.value().unwrap_or_default()
        );
    }
    // Legend entries (check boxes that show or hide a series) are at the body size: 21 points on a
    // 1080-point slide, about 2 % of its height.
    let legends: Vec<f32> = h
        .query_all_by_role(Role::CheckBox)
        .map(|n| n.rect().height() / screen.height())
        .collect();
    assert!(legends.len() >= 6, "the charts have legends");
    assert!(
        legends.iter().all(|&l| l >= 0.019),
        "legend text is at the body size at {size:?}: {legends:?}"
    );
    let lever = h.get_by_role_and_label(Role::Slider, "Contribution").rect();
    assert!(screen.contains_rect(lever), "the levers are on screen");
    h.snapshot(name);
}

#[test]
fn the_slide_fits_1920x1080() {
    fits_at(
        [1920.0, 1080.0],
        None,
        "221.5 PFLOP/s",
        "presentation_1920x1080",
    );
}

#[test]
fn the_slide_fits_1366x768() {
    fits_at(
        [1366.0, 768.0],
        None,
        "221.5 PFLOP/s",
        "presentation_1366x768",
    );
}

#[test]
fn the_slide_fits_1280x720() {
    fits_at(
        [1280.0, 720.0],
        None,
        "221.5 PFLOP/s",
        "presentation_1280x720",
    );
}

#[test]
fn the_african_union_slide_fits_1920x1080() {
    // 55 members: the capacity legends name the largest, then "others" and "needed".
    fits_at(
        [1920.0, 1080.0],
        Some("saves/african-union.ron"),
        "822.8 PFLOP/s",
        "presentation_african_union_1920",
    );
}

#[test]
fn the_african_union_slide_fits_1366x768() {
    fits_at(
        [1366.0, 768.0],
        Some("saves/african-union.ron"),
        "822.8 PFLOP/s",
        "presentation_african_union_1366x768",
    );
}

/// Opens the member lever's list and types `query` into its search field.
fn find_member(h: &mut Harness<'_, PlannerApp>, query: &str) {
    h.get_by_role_and_label(Role::ComboBox, "Member").click();
    h.run();
    h.event(egui::Event::Text(query.to_string()));
    h.run();
}

#[test]
fn the_member_list_is_searched_by_typing_and_enter_picks_the_first_match() {
    let mut h = presenting_at([1366.0, 768.0], Some("saves/african-union.ron"));
    find_member(&mut h, "ken");
    let unnamed = h.unnamed_widgets();
    assert!(
        unnamed.is_empty(),
        "the open list's inputs are named: {unnamed:?}"
    );
    assert!(
        h.query_by_label("KE Kenya").is_some(),
        "typing filters the list to the matches"
    );
    assert!(
        h.query_by_label("EG Egypt").is_none(),
        "members that do not match are hidden"
    );
    h.key_press(Key::Enter);
    h.run();
    let kenya = h
        .state()
        .doc
        .plan
        .members
        .iter()
        .position(|m| m.country == "KE")
        .unwrap();
    assert_eq!(h.state().state.levers.member, kenya, "Enter picks Kenya");
    assert!(
        h.query_by_label("KE Kenya").is_none(),
        "and closes the list"
    );
    assert!(
        h.get_by_role_and_label(Role::ComboBox, "Member")
            .value()
            .is_some_and(|v| v.contains("Kenya")),
        "the lever shows Kenya"
    );
    // Reopening starts a new search.
    find_member(&mut h, "zzz");
    assert!(h.query_by_label("No member matches.").is_some());
    h.key_press(Key::Escape);
    h.run();
    // By keyboard alone: the focused lever opens with Enter, the search field has the cursor.
    h.get_by_role_and_label(Role::ComboBox, "Member").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.event(egui::Event::Text("nigeria".to_string()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let nigeria = h
        .state()
        .doc
        .plan
        .members
        .iter()
        .position(|m| m.country == "NG")
        .unwrap();
    assert_eq!(h.state().state.levers.member, nigeria, "picked by keyboard");
}

#[test]
fn lever_lists_are_at_the_presentation_text_size_at_768_rows() {
    let mut h = presenting_at([1366.0, 768.0], Some("saves/african-union.ron"));
    let screen = h.ctx.content_rect().height();
    let button = h.get_by_role_and_label(Role::ComboBox, "Member").rect();
    find_member(&mut h, "zzz");
    let note = h.get_by_label("No member matches.").rect();
    // The body text is 21 points on a 1080-point slide (about 2 % of its height; the app's
    // everyday 12.5-point text would be 1.2 %).
    assert!(
        note.height() / screen >= 0.019,
        "a line of the member list is at the body size: {} of the screen height",
        note.height() / screen
    );
    h.key_press(Key::Escape);
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Model").click();
    h.run();
    let item = h.get_by_label("Qwen3-32B").rect();
    assert!(
        item.height() >= button.height() * 0.9,
        "the model list's items are as tall as the lever's button: {item:?} vs {button:?}"
    );
}

/// The colour of each legend marker named `label` (one per chart that names it), read from the
/// rendered screen: the marker is a filled dot at the right end of the legend entry.
fn legend_colours(h: &mut Harness<'_, PlannerApp>, label: &str) -> Vec<[u8; 3]> {
    let ppp = h.ctx.pixels_per_point();
    let rects: Vec<egui::Rect> = h
        .query_all_by_role_and_label(Role::CheckBox, label)
        .map(|n| n.rect())
        .collect();
    let image = h.render().expect("the harness renders");
    rects
        .iter()
        .map(|r| {
            let centre = egui::pos2(r.right() - r.height() / 2.0, r.center().y) * ppp;
            let p = image.get_pixel(centre.x.round() as u32, centre.y.round() as u32);
            [p[0], p[1], p[2]]
        })
        .collect()
}

#[test]
fn a_member_keeps_its_colour_when_another_member_is_scaled_to_nothing() {
    let mut h = presenting_at([1920.0, 1080.0], Some("saves/african-union.ron"));
    let before = legend_colours(&mut h, "ZA");
    assert!(
        before.len() >= 2,
        "South Africa is named in the capacity charts: {before:?}"
    );
    assert!(
        before.iter().all(|c| *c == before[0]),
        "South Africa has one colour in every chart: {before:?}"
    );
    assert!(
        h.query_all_by_role_and_label(Role::CheckBox, "EG")
            .next()
            .is_some()
    );
    find_member(&mut h, "Egypt");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_role_and_label(Role::Slider, "Contribution")
        .set_value_accesskit(0.0);
    h.run();
    assert!(
        h.query_all_by_role_and_label(Role::CheckBox, "EG")
            .next()
            .is_none(),
        "Egypt at 0 % has left the charts"
    );
    let after = legend_colours(&mut h, "ZA");
    assert!(!after.is_empty(), "South Africa is still named");
    assert!(
        after.iter().all(|c| *c == before[0]),
        "South Africa kept its colour {:?} in every chart: {after:?}",
        before[0]
    );
}

#[test]
fn scaling_a_member_multiplies_every_contribution_and_rounds_only_chip_counts() {
    let plan = consortium_planner::cli::default_plan(Catalog::builtin()).plan;
    let member = plan
        .members
        .iter()
        .find(|m| !m.chips.is_empty() && !m.power.is_empty() && !m.experts.is_empty())
        .expect("the example has a member with chips, power and experts");
    assert_eq!(&member.scaled(1.0), member, "100 % changes nothing");
    let half = member.scaled(0.5);
    for (a, b) in member.chips.iter().zip(&half.chips) {
        assert_eq!(b.count, (f64::from(a.count) * 0.5).round() as u32);
        assert_eq!(b.accelerator, a.accelerator, "only the count changes");
    }
    for (a, b) in member.power.iter().zip(&half.power) {
        assert_eq!(b.mw, a.mw * 0.5);
    }
    for (a, b) in member.experts.iter().zip(&half.experts) {
        assert_eq!((b.fte, b.foreign_fte), (a.fte * 0.5, a.foreign_fte * 0.5));
    }
    let none = member.scaled(0.0);
    assert!(none.chips.iter().all(|c| c.count == 0));
    assert_eq!(
        member.scaled(f64::NAN),
        *member,
        "a bad factor changes nothing"
    );
    assert_eq!(member.scaled(-1.0), none, "a negative factor counts as 0");
}

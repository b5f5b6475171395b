//! The floor for the start-up benchmark: an empty eframe window with the same eframe features,
//! renderer and window options as the app, and the same start-up probe
//! (`benches/startup.rs` runs both and compares).

use consortium_planner::app::probe::StartupProbe;

struct Empty {
    probe: Option<StartupProbe>,
}

impl eframe::App for Empty {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.probe {
            probe.on_frame(ui.ctx());
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Empty window");
        });
    }
}

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Empty window")
            .with_inner_size([1280.0, 760.0]),
        ..Default::default()
    };
    eframe::run_native(
        "consortium-planner-empty-window",
        native,
        Box::new(|_cc| {
            Ok(Box::new(Empty {
                probe: StartupProbe::from_env(),
            }))
        }),
    )
}

//! A bare eframe + egui_plot window built the same way as Lindung (same eframe features,
//! same window size), to compare start-up time and memory against. With
//! `LINDUNG_EXIT_AFTER_FIRST_FRAME` set it closes after its first frame, as Lindung does:
//!
//! ```text
//! xvfb-run -a -s "-screen 0 1280x800x24" env LINDUNG_EXIT_AFTER_FIRST_FRAME=1 \
//!     /usr/bin/time -v target/release/examples/bare_window
//! ```

use egui_plot::{Line, Plot, PlotPoints};

struct Bare {
    exit_after_first_frame: bool,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("bare eframe + egui_plot");
            let points: PlotPoints<'_> =
                (0..100).map(|i| [f64::from(i), f64::from(i * i)]).collect();
            Plot::new("plot").show(ui, |plot_ui| plot_ui.line(Line::new("line", points)));
        });
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id("lindung_bare_window")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    let exit_after_first_frame = std::env::var_os("LINDUNG_EXIT_AFTER_FIRST_FRAME").is_some();
    eframe::run_native(
        "bare",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(Bare {
                exit_after_first_frame,
            }))
        }),
    )
}

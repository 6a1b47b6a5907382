//! The window on the screen it opens on: one that does not fit (a 1280×800 window on a
//! 1366×768 or 1280×720 laptop, whose taskbar takes the bottom 40 pixels) opens maximized
//! instead, so that nothing hides below the taskbar. eframe already keeps the window's size
//! and place from one run to the next, and never opens it larger than the screen.

use super::LindungApp;

/// The taskbar's height on Windows 10 and 11 (and most Linux panels are no taller).
const TASKBAR: f32 = 40.0;
/// A title bar, when the window's outer size is not known.
const TITLE_BAR: f32 = 32.0;

/// Whether a window of `outer` size (title bar included) leaves no room on a `monitor` for
/// the taskbar, all in points.
pub(super) fn too_big(outer: egui::Vec2, monitor: egui::Vec2) -> bool {
    outer.x > monitor.x || outer.y + TASKBAR > monitor.y
}

impl LindungApp {
    /// In the first frames, once the screen's size is known: maximizes a window that does
    /// not fit it.
    pub(super) fn fit_to_screen(&mut self, ctx: &egui::Context) {
        if self.fitted {
            return;
        }
        let (monitor, outer, inner, maximized) = ctx.input(|i| {
            let viewport = i.viewport();
            (
                viewport.monitor_size,
                viewport.outer_rect,
                viewport.inner_rect,
                viewport.maximized,
            )
        });
        let outer = outer
            .map(|r| r.size())
            .or_else(|| inner.map(|r| r.size() + egui::vec2(0.0, TITLE_BAR)));
        let (Some(monitor), Some(outer)) = (monitor, outer) else {
            // Not known yet (or never, as in tests): look again next frame, for a few frames.
            self.fitted = self.frames > 10;
            return;
        };
        self.fitted = true;
        if maximized != Some(true) && too_big(outer, monitor) {
            log::debug!("window {outer:?} does not fit the screen {monitor:?}: maximized");
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_that_hides_below_the_taskbar_is_maximized() {
        let window = |w, h| egui::vec2(w, h);
        // 1280×800 inside, 32 of title bar: 832 + 40 of taskbar > 768 and > 720.
        assert!(too_big(window(1280.0, 832.0), egui::vec2(1366.0, 768.0)));
        assert!(too_big(window(1280.0, 752.0), egui::vec2(1280.0, 720.0)));
        // On 1920×1080 it fits (832 + 40 = 872).
        assert!(!too_big(window(1280.0, 832.0), egui::vec2(1920.0, 1080.0)));
        // A smaller window the planner chose on the laptop stays as it is (632 + 40 ≤ 768).
        assert!(!too_big(window(1000.0, 632.0), egui::vec2(1366.0, 768.0)));
        // Wider than the screen.
        assert!(too_big(window(1400.0, 600.0), egui::vec2(1366.0, 768.0)));
    }
}

//! The editor panel's width: the one the user dragged it to, kept (never what its contents
//! would push it to) and narrowed to fit the window.

use crate::i18n::Lang;

/// The editor panel's first width, and the narrowest it can be (points).
pub const EDITOR_WIDTH: f32 = 430.0;
const EDITOR_MIN_WIDTH: f32 = 320.0;

/// The editor panel's width: the one saved, kept between the narrowest and what leaves the
/// results 400 points of a `window` that wide (and never over 720).
pub fn editor_width(saved: f32, window: f32) -> f32 {
    let widest = (window - 400.0).clamp(EDITOR_MIN_WIDTH, 720.0);
    if saved.is_finite() {
        saved.clamp(EDITOR_MIN_WIDTH, widest)
    } else {
        EDITOR_WIDTH.min(widest)
    }
}

/// A handle on the right edge of the editor panel: returns how far it was dragged this frame.
pub fn resize_handle(ui: &mut egui::Ui, panel: egui::Rect, lang: Lang) -> f32 {
    let grab = ui.style().interaction.resize_grab_radius_side;
    let rect =
        egui::Rect::from_x_y_ranges(panel.right() - grab..=panel.right() + grab, panel.y_range());
    let response = ui
        .interact(
            rect,
            ui.scope_id().with("editor_resize"),
            egui::Sense::drag(),
        )
        .on_hover_text(lang.tr("ui.resize_editor"));
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    if response.dragged() {
        response.drag_delta().x
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_editor_width_is_kept_but_fits_the_window() {
        // 1280 points: the results keep 400, so the editor may be 320–720 wide.
        assert_eq!(editor_width(500.0, 1280.0), 500.0);
        assert_eq!(editor_width(2000.0, 1280.0), 720.0);
        assert_eq!(editor_width(100.0, 1280.0), 320.0);
        // 1024 points: at most 1024 − 400 = 624.
        assert_eq!(editor_width(700.0, 1024.0), 624.0);
        assert_eq!(editor_width(f32::NAN, 1024.0), 430.0);
    }
}

//! Lindung's look, in both themes: one accent colour (a deep green, as on BPJS
//! Ketenagakerjaan's own material) for what is selected or active and for the results'
//! header, the same spacing everywhere, and the editor set apart from the results by a shade.
//! Everything else keeps egui's defaults, so both themes stay readable.

use egui::{Color32, Stroke, Style, Theme};

use super::state::ThemeChoice;

/// The accent on a light background, and on a dark one.
const ACCENT_LIGHT: Color32 = Color32::from_rgb(0x0b, 0x6e, 0x4f);
const ACCENT_DARK: Color32 = Color32::from_rgb(0x4c, 0xc9, 0x9b);
/// The fill of a selected item: the accent, faint.
const SELECTED_LIGHT: Color32 = Color32::from_rgb(0xd2, 0xee, 0xe2);
const SELECTED_DARK: Color32 = Color32::from_rgb(0x1d, 0x4d, 0x3d);
/// The editor's background (egui's panels are grey 248 and 27).
const EDITOR_LIGHT: Color32 = Color32::from_gray(240);
const EDITOR_DARK: Color32 = Color32::from_gray(22);

/// The accent colour of the theme `ui` is drawn in.
pub fn accent(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        ACCENT_DARK
    } else {
        ACCENT_LIGHT
    }
}

/// Sets both themes' styles once, and shows `choice`.
pub fn install(ctx: &egui::Context, choice: ThemeChoice) {
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| lindung_style(style, theme));
    }
    ctx.set_theme(choice.theme());
}

fn lindung_style(style: &mut Style, theme: Theme) {
    let (accent, selected) = match theme {
        Theme::Light => (ACCENT_LIGHT, SELECTED_LIGHT),
        Theme::Dark => (ACCENT_DARK, SELECTED_DARK),
    };
    let spacing = &mut style.spacing;
    spacing.item_spacing = egui::vec2(8.0, 6.0);
    spacing.button_padding = egui::vec2(8.0, 3.0);
    spacing.menu_margin = egui::Margin::same(8);
    spacing.window_margin = egui::Margin::same(12);

    let visuals = &mut style.visuals;
    visuals.selection.bg_fill = selected;
    visuals.selection.stroke = Stroke::new(1.0, accent);
    visuals.hyperlink_color = accent;
    visuals.widgets.hovered.bg_stroke = Stroke::new(1.0, accent.gamma_multiply(0.6));
    visuals.widgets.active.bg_stroke = Stroke::new(1.0, accent);
    visuals.text_cursor.stroke = Stroke::new(2.0, accent);
}

/// The editor's panel: a shade apart from the results.
pub fn editor_frame(style: &Style) -> egui::Frame {
    let fill = if style.visuals.dark_mode {
        EDITOR_DARK
    } else {
        EDITOR_LIGHT
    };
    egui::Frame::side_top_panel(style).fill(fill)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG contrast ratio of two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let luminance = |c: Color32| {
            let channel = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
        };
        let (l1, l2) = (luminance(a), luminance(b));
        (l1.max(l2) + 0.05) / (l1.min(l2) + 0.05)
    }

    #[test]
    fn the_accent_reads_as_text_in_both_themes() {
        // WCAG AA asks 4,5:1 for body text: the accent against each theme's backgrounds and
        // against the fill of a selected item.
        let light = [Color32::from_gray(248), EDITOR_LIGHT, SELECTED_LIGHT];
        for background in light {
            assert!(contrast(ACCENT_LIGHT, background) >= 4.5, "{background:?}");
        }
        let dark = [Color32::from_gray(27), EDITOR_DARK, SELECTED_DARK];
        for background in dark {
            assert!(contrast(ACCENT_DARK, background) >= 4.5, "{background:?}");
        }
    }
}

//! Graphics that never leave the planner with nothing. The window is drawn with wgpu: first
//! with what wgpu picks by default (Direct3D 12 on Windows, Vulkan on Linux; or what
//! `WGPU_BACKEND` names), and when that cannot start (an old laptop's Intel driver, Wine's
//! Direct3D 12) with Vulkan alone, then OpenGL. Only when none starts does the planner see a
//! message box that says, in Bahasa Indonesia and English, what was tried and what to do.
//!
//! eframe keeps its event loop between runs (`run_and_return`), so a second attempt opens a
//! new window in the same process. A failure after the first frame was drawn is not a start
//! failure: the app does not open again on its own.

use std::sync::atomic::{AtomicBool, Ordering};

use eframe::egui_wgpu::{WgpuSetup, WgpuSetupCreateNew};
use eframe::wgpu::Backends;

use crate::i18n::Lang;

/// Set once the app has drawn a frame.
static DRAWN: AtomicBool = AtomicBool::new(false);

/// The app drew a frame: the graphics work.
pub(crate) fn mark_drawn() {
    DRAWN.store(true, Ordering::Relaxed);
}

pub(super) fn drawn() -> bool {
    DRAWN.load(Ordering::Relaxed)
}

/// The back ends to try, in order: `first` (wgpu's default choice, or `WGPU_BACKEND`'s), then
/// Vulkan alone, then OpenGL alone, each once.
pub(super) fn attempts(first: Option<Backends>) -> Vec<Backends> {
    let mut list = vec![first.unwrap_or(Backends::PRIMARY | Backends::GL)];
    for next in [Backends::VULKAN, Backends::GL] {
        if !list.contains(&next) {
            list.push(next);
        }
    }
    list
}

/// `options` drawing with `backends` only.
pub(super) fn with_backends(
    mut options: eframe::NativeOptions,
    backends: Backends,
) -> eframe::NativeOptions {
    let mut setup = WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backends;
    options.wgpu_options.wgpu_setup = WgpuSetup::CreateNew(setup);
    options
}

/// A set of back ends as a planner's IT officer would name them.
fn names(backends: Backends) -> Vec<&'static str> {
    [
        (Backends::DX12, "Direct3D 12"),
        (Backends::VULKAN, "Vulkan"),
        (Backends::METAL, "Metal"),
        (Backends::GL, "OpenGL"),
    ]
    .into_iter()
    .filter(|(backend, _)| backends.contains(*backend))
    .map(|(_, name)| name)
    .collect()
}

/// What the message box says when no back end started: what was tried, the last error, and
/// what to do, in Bahasa Indonesia then English.
pub fn failed_text(tried: &[Backends], error: &str) -> String {
    let mut tried_names: Vec<&str> = tried.iter().flat_map(|b| names(*b)).collect();
    tried_names.dedup();
    let mut seen = Vec::new();
    tried_names.retain(|name| {
        let first = !seen.contains(name);
        seen.push(*name);
        first
    });
    Lang::ALL
        .iter()
        .map(|lang| {
            lang.tr_args(
                "ui.renderer_failed",
                &[
                    ("tried", tried_names.join(", ")),
                    ("error", error.to_owned()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Shows `text` in the desktop's own message box (no egui: the graphics are what failed).
pub(super) fn tell(text: &str) {
    let _answer = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Lindung")
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_back_end_is_tried_once_in_order() {
        // wgpu's default first (on Windows Direct3D 12 among the primary ones), then Vulkan,
        // then OpenGL.
        assert_eq!(
            attempts(None),
            [
                Backends::PRIMARY | Backends::GL,
                Backends::VULKAN,
                Backends::GL
            ]
        );
        // WGPU_BACKEND=vulkan: Vulkan is not tried twice.
        assert_eq!(
            attempts(Some(Backends::VULKAN)),
            [Backends::VULKAN, Backends::GL]
        );
    }

    #[test]
    fn the_message_says_what_was_tried_and_what_to_do() {
        let text = failed_text(
            &[Backends::DX12, Backends::VULKAN, Backends::GL],
            "no suitable adapter",
        );
        // Indonesian first, then English; each names the three, the error and the way out.
        let (id, en) = text.split_once("\n\n").unwrap_or_else(|| panic!("{text}"));
        for part in [id, en] {
            assert!(part.contains("Direct3D 12, Vulkan, OpenGL"), "{part}");
            assert!(part.contains("no suitable adapter"), "{part}");
            assert!(part.contains("lindung run"), "{part}");
        }
        assert!(id.contains("driver kartu grafis"), "{id}");
        assert!(en.contains("graphics driver"), "{en}");
    }
}

//! Start-up measurement and screenshots: close after the first frame, or save a picture of
//! the window after a few frames (the README's screenshot, the checks under Xvfb).

use std::path::Path;
use std::sync::Arc;

use super::LindungApp;

impl LindungApp {
    /// Start-up measurement and screenshot mode.
    pub(super) fn automation(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.launch.exit_after_first_frame {
            self.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // A few frames let plots settle their bounds before the picture is taken.
        if self.frames == 4
            && let Some(path) = self.launch.screenshot.clone()
        {
            self.closing = true;
            let ctx_for_close = ctx.clone();
            ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
                if let Err(e) = save_png(&path, &image) {
                    log::error!("screenshot {}: {e}", path.display());
                }
                ctx_for_close.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx_for_close.request_repaint();
            });
        }
        if self.launch.screenshot.is_some() {
            ctx.request_repaint();
        }
    }
}

fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, pixels)
        .ok_or_else(|| "image size does not match its pixels".to_owned())?;
    buffer.save(path).map_err(|e| e.to_string())
}

//! Laying a report out on A4 pages as data: text measured in the font it is drawn in,
//! wrapped paragraphs, tables with a repeated header, images; page breaks where they fall.

use std::sync::Arc;

use ab_glyph::{Font as _, FontRef};

use super::{ACCENT, BODY, BOTTOM, FONT, INK, MARGIN, PAGE, SHADE};

/// What is drawn on a page.
pub(super) enum Item {
    Text {
        at: (f32, f32),
        size: f32,
        color: (u8, u8, u8),
        text: String,
    },
    Image {
        at: (f32, f32),
        size: (f32, f32),
        image: Arc<super::ChartImage>,
    },
    Shade {
        rect: (f32, f32, f32, f32),
        color: (u8, u8, u8),
    },
}

/// Lays text out on pages, top to bottom, measuring it in the font it is drawn in.
pub(super) struct Layout {
    font: FontRef<'static>,
    pub(super) pages: Vec<Vec<Item>>,
    y: f32,
}

impl Layout {
    pub(super) fn new() -> Option<Self> {
        Some(Self {
            font: FontRef::try_from_slice(FONT).ok()?,
            pages: vec![Vec::new()],
            y: MARGIN,
        })
    }

    pub(super) fn width_of(&self, text: &str, size: f32) -> f32 {
        let per_unit = size / self.font.units_per_em().unwrap_or(1000.0);
        text.chars()
            .map(|c| self.font.h_advance_unscaled(self.font.glyph_id(c)) * per_unit)
            .sum()
    }

    /// `text` broken into lines no wider than `width`, between words (a word wider than the
    /// line is broken between characters).
    pub(super) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ') {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width_of(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for c in word.chars() {
                    if !line.is_empty() && self.width_of(&format!("{line}{c}"), size) > width {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push(c);
                }
            }
            lines.push(line);
        }
        lines
    }

    fn page(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Makes room for `height` below the cursor, on a new page if this one is full.
    fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > MARGIN {
            self.new_page();
        }
    }

    fn text_at(&mut self, x: f32, baseline: f32, size: f32, color: (u8, u8, u8), text: &str) {
        self.page().push(Item::Text {
            at: (x, baseline),
            size,
            color,
            text: text.to_owned(),
        });
    }

    /// A paragraph across the text width.
    pub(super) fn paragraph(&mut self, text: &str, size: f32, color: (u8, u8, u8)) {
        let line_height = size * 1.35;
        for line in self.wrap(text, size, PAGE.0 - 2.0 * MARGIN) {
            self.room(line_height);
            self.y += line_height;
            self.text_at(MARGIN, self.y - size * 0.3, size, color, &line);
        }
        self.y += size * 0.5;
    }

    pub(super) fn heading(&mut self, text: &str, size: f32) {
        self.heading_over(text, size, BODY * 4.0);
    }

    /// A heading kept on the page of the `below` points that follow it (never left alone at
    /// the foot of a page).
    pub(super) fn heading_over(&mut self, text: &str, size: f32, below: f32) {
        self.room(size * 1.6 + below);
        self.y += size * 0.6;
        self.paragraph(text, size, ACCENT);
    }

    /// A table: `widths` are the columns' shares of the text width; the first row is the
    /// header (shaded, repeated on a new page); numbers right-aligned from `right_from` on.
    pub(super) fn table(
        &mut self,
        rows: &[Vec<String>],
        widths: &[f32],
        size: f32,
        right_from: usize,
    ) {
        let total: f32 = widths.iter().sum();
        let full = PAGE.0 - 2.0 * MARGIN;
        let widths: Vec<f32> = widths.iter().map(|w| w / total * full).collect();
        let pad = 3.0;
        let line_height = size * 1.3;
        let Some(header) = rows.first() else {
            return;
        };
        let draw_row = |layout: &mut Layout, row: &[String], shaded: bool| {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(text, width)| layout.wrap(text, size, width - 2.0 * pad))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * line_height + 2.0 * pad;
            let top = layout.y;
            if shaded {
                layout.page().push(Item::Shade {
                    rect: (MARGIN, top, full, height),
                    color: SHADE,
                });
            }
            let mut x = MARGIN;
            for (column, (lines, width)) in cells.iter().zip(&widths).enumerate() {
                for (i, line) in lines.iter().enumerate() {
                    let baseline = top + pad + (i as f32 + 1.0) * line_height - size * 0.3;
                    let at = if column >= right_from {
                        x + width - pad - layout.width_of(line, size)
                    } else {
                        x + pad
                    };
                    layout.text_at(at, baseline, size, INK, line);
                }
                x += width;
            }
            layout.y += height;
            height
        };
        draw_row(self, header, true);
        for row in &rows[1..] {
            let lines = row
                .iter()
                .zip(&widths)
                .map(|(text, width)| self.wrap(text, size, width - 2.0 * pad).len())
                .max()
                .unwrap_or(1);
            if self.y + lines as f32 * line_height + 2.0 * pad > BOTTOM {
                self.new_page();
                draw_row(self, header, true);
            }
            draw_row(self, row, false);
        }
        self.y += BODY;
    }

    pub(super) fn image(&mut self, image: Arc<super::ChartImage>, (width, height): (f32, f32)) {
        self.room(height);
        let at = (MARGIN, self.y);
        self.page().push(Item::Image {
            at,
            size: (width, height),
            image,
        });
        self.y += height + BODY;
    }
}

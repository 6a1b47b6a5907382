//! Where a chart's legend goes: the corner its series pass least.

use super::Corner;

/// The corner where `lines` ((year, value) points each) pass least, the top corners first
/// when it is a tie, on a value axis from 0 to the highest value or `least_top`.
pub(super) fn emptiest_corner(lines: &[Vec<[f64; 2]>], least_top: f64) -> Corner {
    let (first, last) = lines
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(first, last), p| {
            (first.min(p[0]), last.max(p[0]))
        });
    if first > last {
        return Corner::RightBottom;
    }
    let span = (last - first).max(1.0);
    let top = lines
        .iter()
        .flatten()
        .fold(least_top, |top, p| top.max(p[1]))
        .max(f64::MIN_POSITIVE);
    // Points along every line, ten per year, as (x, y) shares of the plot.
    let mut along = Vec::new();
    for line in lines {
        for pair in line.windows(2) {
            for step in 0..10 {
                let t = f64::from(step) / 10.0;
                let x = pair[0][0] + (pair[1][0] - pair[0][0]) * t;
                let y = pair[0][1] + (pair[1][1] - pair[0][1]) * t;
                along.push(((x - first) / span, y / top));
            }
        }
    }
    let crowd = |left: bool, upper: bool| {
        along
            .iter()
            .filter(|(x, y)| {
                (if left { *x < 0.4 } else { *x > 0.6 })
                    && (if upper { *y > 0.6 } else { *y < 0.4 })
            })
            .count()
    };
    [
        (Corner::LeftTop, crowd(true, true)),
        (Corner::RightTop, crowd(false, true)),
        (Corner::LeftBottom, crowd(true, false)),
        (Corner::RightBottom, crowd(false, false)),
    ]
    .into_iter()
    .min_by_key(|(_, count)| *count)
    .map_or(Corner::RightBottom, |(corner, _)| corner)
}

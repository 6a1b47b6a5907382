//! Sasaran: the pool of pekerja rentan who could be enrolled.

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::plan::Region;
use crate::model::plan::field::RegionPath;

pub fn ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    path: RegionPath,
    region: &mut Region,
    first_year: i32,
) {
    let pool = &mut region.pool;
    let p = path.pool();
    let source = pool.source.clone();
    let source = Some(source.as_str());
    grid(ui, "pool", |ui| {
        fields.int(
            ui,
            "pool_count",
            p.count(),
            &mut pool.count,
            Unit::Workers,
            source,
        );
        fields.float(
            ui,
            "pool_growth",
            p.growth_pct(),
            &mut pool.growth_pct,
            Unit::PercentPerYear,
            2,
            source,
        );
        fields.int(
            ui,
            "age_min",
            p.age_min(),
            &mut pool.age_min,
            Unit::Age,
            source,
        );
        fields.int(
            ui,
            "age_max",
            p.age_max(),
            &mut pool.age_max,
            Unit::Age,
            source,
        );
        fields.base_year(ui, p.base_year(), &mut pool.base_year, first_year);
        fields.source(ui, &mut pool.source);
    });
}

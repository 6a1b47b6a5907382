//! Version 2 of the scenario file format: the `version` number followed by the model's plan
//! ([`crate::model::plan`]), field by field in the plan's order.

use serde::{Deserialize, Serialize};

use crate::model::plan::{
    Assumptions, Direction, Horizon, Meta, Plan, Programme, ProvinceQuota, Region, RuleSet,
};

/// A version 2 file as read. Only the top level is spelled out here; everything below it is
/// the plan's own types.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub version: u32,
    pub meta: Meta,
    pub horizon: Horizon,
    pub direction: Direction,
    pub programme: Programme,
    pub assumptions: Assumptions,
    pub regions: Vec<Region>,
    #[serde(default)]
    pub province_quota: Option<ProvinceQuota>,
    #[serde(default)]
    pub rule_sets: Vec<RuleSet>,
}

impl From<File> for Plan {
    fn from(file: File) -> Self {
        let File {
            version: _,
            meta,
            horizon,
            direction,
            programme,
            assumptions,
            regions,
            province_quota,
            rule_sets,
        } = file;
        Plan {
            meta,
            horizon,
            direction,
            programme,
            assumptions,
            regions,
            province_quota,
            rule_sets,
        }
    }
}

/// A plan as written: borrowed, with the version in front.
#[derive(Serialize)]
pub struct FileRef<'a> {
    pub version: u32,
    pub meta: &'a Meta,
    pub horizon: &'a Horizon,
    pub direction: &'a Direction,
    pub programme: &'a Programme,
    pub assumptions: &'a Assumptions,
    pub regions: &'a [Region],
    #[serde(skip_serializing_if = "no_quota")]
    pub province_quota: &'a Option<ProvinceQuota>,
    #[serde(skip_serializing_if = "<[RuleSet]>::is_empty")]
    pub rule_sets: &'a [RuleSet],
}

impl<'a> FileRef<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let Plan {
            meta,
            horizon,
            direction,
            programme,
            assumptions,
            regions,
            province_quota,
            rule_sets,
        } = plan;
        Self {
            version: 2,
            meta,
            horizon,
            direction,
            programme,
            assumptions,
            regions,
            province_quota,
            rule_sets,
        }
    }
}

fn no_quota(quota: &&Option<ProvinceQuota>) -> bool {
    quota.is_none()
}

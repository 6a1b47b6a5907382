//! Members grouped by when they joined: who has been a member long enough for the waiting
//! period and the scholarship minimum.

/// Members grouped by the month they joined (0 = January of the first year; negative for
/// members enrolled before the horizon), in joining order, with running totals: how many have
/// been members for at least some months is a short search from the newest group, however
/// many enrolment waves came before. Sizes are fractional only after a cut or members leaving
/// at the upper age, which remove the same share of every group (kept as one factor, so that
/// it costs the same however many groups there are).
#[derive(Clone, Debug, Default)]
pub(super) struct Tenure {
    /// Joining months, ascending.
    starts: Vec<i64>,
    /// `totals[i] × scale` = members of the first `i` groups.
    totals: Vec<f64>,
    scale: f64,
}

impl Tenure {
    /// One group of `size` members who joined in `start`, with room for `more` groups.
    #[cfg(test)]
    fn new(start: i64, size: f64, more: usize) -> Self {
        let mut tenure = Self::default();
        tenure.restart(start, size, more);
        tenure
    }

    /// Starts again from one group of `size` members who joined in `start`, with room for
    /// `more` groups (the room already made is kept).
    pub(super) fn restart(&mut self, start: i64, size: f64, more: usize) {
        self.starts.clear();
        self.totals.clear();
        self.starts.reserve(1 + more);
        self.totals.reserve(2 + more);
        self.starts.push(start);
        self.totals.extend([0.0, size]);
        self.scale = 1.0;
    }

    pub(super) fn join(&mut self, start: i64, size: f64) {
        let total = self.totals.last().copied().unwrap_or(0.0);
        self.starts.push(start);
        self.totals.push(total + size / self.scale);
    }

    /// Keeps `share` of every group.
    pub(super) fn keep(&mut self, share: f64) {
        if share > 0.0 && self.scale * share > f64::MIN_POSITIVE {
            self.scale *= share;
        } else {
            // Nobody is left: start again from empty groups.
            self.totals.fill(0.0);
            self.scale = 1.0;
        }
    }

    /// Removes `count` members, those who joined last first.
    pub(super) fn drop_newest(&mut self, count: f64) {
        let all = self.totals.last().copied().unwrap_or(0.0);
        let keep_up_to = (all - count / self.scale).max(0.0);
        while self.totals.len() > 1 && self.totals[self.totals.len() - 2] >= keep_up_to {
            self.totals.pop();
            self.starts.pop();
        }
        if let Some(last) = self.totals.last_mut() {
            *last = keep_up_to;
        }
    }

    /// Members who joined in or before `month`.
    #[cfg(test)]
    fn joined_by(&self, month: i64) -> f64 {
        self.totals[self.starts.partition_point(|&start| start <= month)] * self.scale
    }

    /// Member-months over the months `from..=to` of members who, in each of those months,
    /// had joined at least `months` months before: the sum of `joined_by(now - months)`.
    /// The groups that joined before the first month count for every month; only the few
    /// that join within the span are visited.
    pub(super) fn member_months(&self, from: i64, to: i64, months: i64) -> f64 {
        if to < from {
            return 0.0;
        }
        // The groups that joined within the span are the last few: search from the end.
        let full = self
            .starts
            .iter()
            .rposition(|&start| start + months <= from)
            .map_or(0, |i| i + 1);
        let mut sum = self.totals[full] * (to - from + 1) as f64;
        let sizes = self.totals[full..].windows(2);
        for (start, size) in self.starts[full..].iter().zip(sizes) {
            let first = start + months;
            if first > to {
                break;
            }
            sum += (size[1] - size[0]) * (to - first + 1) as f64;
        }
        sum * self.scale
    }

    /// Member-months over the months `from..=to` of members who, in each of those months, had
    /// joined less than `months` months before: the sum of `joined_by(now) - joined_by(now -
    /// months)`, worked out from the few groups that joined that recently (not as the
    /// difference of two large sums, which would lose the small one's last digits).
    pub(super) fn recent_member_months(&self, from: i64, to: i64, months: i64) -> f64 {
        let mut sum = 0.0;
        // Newest first: once a group's first `months` months end before the span, so do
        // those of every group before it.
        for (start, size) in self.starts.iter().zip(self.totals.windows(2)).rev() {
            let recent_until = start + months - 1;
            if recent_until < from {
                break;
            }
            let months_in_span = recent_until.min(to) - (*start).max(from) + 1;
            if months_in_span > 0 {
                sum += (size[1] - size[0]) * months_in_span as f64;
            }
        }
        sum * self.scale
    }
}

/// One year's new members of one wave: the months they are paid for (absolute months of the
/// horizon) and how many they are.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Joiners {
    pub(super) first: i64,
    pub(super) last: i64,
    pub(super) count: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_the_newest_removes_the_last_groups_first() {
        // 100 members from before the horizon, 50 from January and 30 from September of the
        // first year; cutting 40 removes the 30 September members and 10 of January's.
        let mut tenure = Tenure::new(-12, 100.0, 2);
        tenure.join(0, 50.0);
        tenure.join(8, 30.0);
        tenure.drop_newest(40.0);
        assert_eq!(tenure.joined_by(20), 140.0);
        assert_eq!(tenure.joined_by(0), 140.0);
        assert_eq!(tenure.joined_by(-1), 100.0);
        // Cutting more than the newer groups reaches the oldest.
        tenure.drop_newest(60.0);
        assert_eq!(tenure.joined_by(20), 80.0);
        assert_eq!(tenure.joined_by(-12), 80.0);
    }

    #[test]
    fn member_months_add_up_the_members_of_each_month() {
        // 100 members from a year before the horizon, 50 joining in March (month 2) and 30
        // in September (month 8). Over January–December, members of at least 3 months:
        // the 100 in all 12 months = 1200; March's 50 from June (5 + 3 = 8 → months 5..11,
        // 7 months) = 350; September's 30 from December (8 + 3 = 11, 1 month) = 30.
        let mut tenure = Tenure::new(-12, 100.0, 2);
        tenure.join(2, 50.0);
        tenure.join(8, 30.0);
        assert_eq!(tenure.member_months(0, 11, 3), 1200.0 + 350.0 + 30.0);
        // All members: 100 × 12 + 50 × 10 + 30 × 4 = 1820.
        assert_eq!(tenure.member_months(0, 11, 0), 1820.0);
        // Members of less than 3 months: March's 50 in March–May (150) and September's 30 in
        // September–November (90); the 100 joined long before. 1820 − 1580 = 240.
        assert_eq!(tenure.recent_member_months(0, 11, 3), 240.0);
        // Of less than 13 months over January–March: the 100 who joined in January of the
        // year before, in January (their 13th month begins in February): 100; March's 50: 50.
        assert_eq!(tenure.recent_member_months(0, 2, 13), 150.0);
        // The same month by month, for any span and offset.
        for (from, to, months) in [(0, 11, 0), (3, 9, 3), (0, 11, 36), (5, 4, 0), (9, 9, 1)] {
            let by_month: f64 = (from..=to).map(|m| tenure.joined_by(m - months)).sum();
            assert_eq!(tenure.member_months(from, to, months), by_month);
            let recent: f64 = (from..=to)
                .map(|m| tenure.joined_by(m) - tenure.joined_by(m - months))
                .sum();
            assert_eq!(tenure.recent_member_months(from, to, months), recent);
        }
    }
}

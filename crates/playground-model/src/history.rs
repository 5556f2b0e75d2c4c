//! The loss curve of one run, bounded in memory however long the run lasts.
//!
//! Points are appended one per recorded epoch. When the history holds [`LossHistory::capacity`]
//! points, the older half is thinned by merging neighbouring pairs into one point (at the later
//! epoch, with the mean of their losses, weighted by how many epochs each already stands for).
//! The newer half always stays exact, so the newest points are never merged. A loss that is not
//! finite (a diverged run) is stored as `None` and merges as missing: the chart skips it.

use serde::{Deserialize, Serialize};

/// Points kept by [`LossHistory::default`].
pub const DEFAULT_CAPACITY: usize = 1000;

/// One point of the loss curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LossPoint {
    /// The epoch after which the losses were measured (the latest of merged points).
    pub epoch: u64,
    /// Training data loss; `None` when not finite.
    pub train_loss: Option<f64>,
    /// Test data loss; `None` for an empty test split or when not finite.
    pub test_loss: Option<f64>,
    /// Number of recorded epochs this point stands for (1 until merged).
    pub span: u64,
}

/// A loss curve of at most `capacity` points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LossHistory {
    /// The points, oldest first.
    points: Vec<LossPoint>,
    /// Most points kept; at least 4.
    capacity: usize,
}

impl Default for LossHistory {
    fn default() -> Self {
        LossHistory::with_capacity(DEFAULT_CAPACITY)
    }
}

impl LossHistory {
    /// An empty history keeping at most `capacity` points (at least 4).
    pub fn with_capacity(capacity: usize) -> Self {
        let capacity = capacity.max(4);
        LossHistory {
            points: Vec::with_capacity(capacity),
            capacity,
        }
    }

    /// Most points kept.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The points, oldest first.
    pub fn points(&self) -> &[LossPoint] {
        &self.points
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// True before the first point.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The newest point.
    pub fn last(&self) -> Option<&LossPoint> {
        self.points.last()
    }

    /// Forgets every point.
    pub fn clear(&mut self) {
        self.points.clear();
    }

    /// Appends the losses measured after `epoch`; non-finite losses are stored as `None`.
    pub fn record(&mut self, epoch: u64, train_loss: Option<f64>, test_loss: Option<f64>) {
        if self.points.len() >= self.capacity {
            self.thin_older_half();
        }
        let finite = |loss: Option<f64>| loss.filter(|value| value.is_finite());
        let point = LossPoint {
            epoch,
            train_loss: finite(train_loss),
            test_loss: finite(test_loss),
            span: 1,
        };
        self.points.push(point);
    }

    /// Merges neighbouring pairs among the older half of the points.
    fn thin_older_half(&mut self) {
        let older = (self.points.len() / 2) & !1;
        let merged: Vec<LossPoint> = self.points[..older]
            .chunks(2)
            .map(|pair| merge(pair[0], pair[1]))
            .collect();
        self.points.splice(..older, merged);
    }
}

/// One point standing for two neighbours.
fn merge(earlier: LossPoint, later: LossPoint) -> LossPoint {
    let weights = (earlier.span as f64, later.span as f64);
    LossPoint {
        epoch: later.epoch,
        train_loss: weighted_mean(earlier.train_loss, later.train_loss, weights),
        test_loss: weighted_mean(earlier.test_loss, later.test_loss, weights),
        span: earlier.span + later.span,
    }
}

/// The weighted mean of the values present; `None` when neither is.
fn weighted_mean(a: Option<f64>, b: Option<f64>, (wa, wb): (f64, f64)) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a * wa + b * wb) / (wa + wb)),
        (one, None) | (None, one) => one,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_bounded_over_a_long_run_and_keeps_the_newest_points_exact() {
        let mut history = LossHistory::with_capacity(100);
        for epoch in 1..=100_000u64 {
            history.record(epoch, Some(epoch as f64), None);
        }
        assert!(history.len() <= 100);
        let newest = &history.points()[history.len() - 40..];
        for (offset, point) in newest.iter().enumerate() {
            let epoch = 100_000 - 39 + offset as u64;
            assert_eq!(
                (point.epoch, point.train_loss, point.span),
                (epoch, Some(epoch as f64), 1)
            );
        }
        let total: u64 = history.points().iter().map(|p| p.span).sum();
        assert_eq!(total, 100_000);
    }

    #[test]
    fn epochs_stay_increasing_after_merging() {
        let mut history = LossHistory::with_capacity(8);
        for epoch in 0..50 {
            history.record(epoch, Some(1.0), Some(2.0));
        }
        let epochs: Vec<u64> = history.points().iter().map(|p| p.epoch).collect();
        assert!(
            epochs.windows(2).all(|pair| pair[0] < pair[1]),
            "{epochs:?}"
        );
        assert_eq!(*epochs.last().unwrap(), 49);
    }

    #[test]
    fn merged_losses_are_span_weighted_means() {
        // Merging (1: 1.0) with (2: 4.0) gives 2.5; then with a span-2 neighbour of 2.5 and a
        // point of 10.0 the mean is (2 * 2.5 + 10) / 3 = 5.
        let a = LossPoint {
            epoch: 1,
            train_loss: Some(1.0),
            test_loss: None,
            span: 1,
        };
        let b = LossPoint {
            epoch: 2,
            train_loss: Some(4.0),
            test_loss: Some(3.0),
            span: 1,
        };
        let ab = merge(a, b);
        assert_eq!(
            (ab.epoch, ab.train_loss, ab.test_loss, ab.span),
            (2, Some(2.5), Some(3.0), 2)
        );
        let c = LossPoint {
            epoch: 3,
            train_loss: Some(10.0),
            test_loss: None,
            span: 1,
        };
        assert_eq!(merge(ab, c).train_loss, Some(5.0));
    }

    #[test]
    fn non_finite_losses_are_never_stored() {
        let mut history = LossHistory::with_capacity(4);
        history.record(1, Some(f64::NAN), Some(f64::INFINITY));
        history.record(2, Some(f64::NEG_INFINITY), Some(0.5));
        for epoch in 3..20 {
            history.record(epoch, Some(f64::NAN), None);
        }
        let values = history
            .points()
            .iter()
            .flat_map(|p| [p.train_loss, p.test_loss]);
        assert!(values.flatten().all(f64::is_finite));
        assert_eq!(history.points()[0].train_loss, None);
    }
}

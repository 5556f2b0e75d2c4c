//! The loss curve of one run, bounded in memory however long the run lasts.
//!
//! Points are appended one per recorded epoch. When the history holds [`LossHistory::capacity`]
//! points, the older half is thinned by merging neighbouring pairs into one point (at the later
//! epoch, with the mean of their losses, weighted by how many epochs each already stands for).
//! The newer half always stays exact, so the newest points are never merged. A loss that is not
//! finite (a diverged run) is stored as `None` and merges as missing: the chart skips it.
//!
//! Classification runs also keep accuracies. They cost a pass over all the data, so the session
//! measures them once per run of epochs (the readouts'), not every epoch: a point carries the
//! accuracies only when they were measured after its epoch (see [`LossHistory::set_accuracy`]);
//! the others have `None`, which merges as missing.

use serde::{Deserialize, Serialize};

/// Points kept by [`LossHistory::default`].
pub const DEFAULT_CAPACITY: usize = 1000;
/// Largest capacity a history read from a file may ask for.
pub const MAX_CAPACITY: usize = 100_000;

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
    /// Share of training points classified right; `None` in regression, when not measured
    /// after this epoch, or when not finite.
    #[serde(default)]
    pub train_accuracy: Option<f64>,
    /// Share of test points classified right; `None` as for the training accuracy.
    #[serde(default)]
    pub test_accuracy: Option<f64>,
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

    /// Whether a history read from outside (a saved file) keeps this type's promises: a
    /// capacity from 4 to [`MAX_CAPACITY`], no more points than that, epochs in order, and
    /// every number finite.
    pub fn is_sound(&self) -> bool {
        let numbers = self
            .points
            .iter()
            .flat_map(|p| [p.train_loss, p.test_loss, p.train_accuracy, p.test_accuracy]);
        (4..=MAX_CAPACITY).contains(&self.capacity)
            && self.points.len() <= self.capacity
            && self.points.windows(2).all(|w| w[0].epoch <= w[1].epoch)
            && numbers.flatten().all(f64::is_finite)
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
            train_accuracy: None,
            test_accuracy: None,
        };
        self.points.push(point);
    }

    /// Adds the accuracies measured after `epoch` to the newest point, if it is that epoch's
    /// (otherwise nothing changes); non-finite accuracies are stored as `None`.
    pub fn set_accuracy(&mut self, epoch: u64, train: Option<f64>, test: Option<f64>) {
        if let Some(point) = self.points.last_mut().filter(|p| p.epoch == epoch) {
            point.train_accuracy = train.filter(|value| value.is_finite());
            point.test_accuracy = test.filter(|value| value.is_finite());
        }
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
        train_accuracy: weighted_mean(earlier.train_accuracy, later.train_accuracy, weights),
        test_accuracy: weighted_mean(earlier.test_accuracy, later.test_accuracy, weights),
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
            train_accuracy: Some(0.5),
            test_accuracy: None,
        };
        let b = LossPoint {
            epoch: 2,
            train_loss: Some(4.0),
            test_loss: Some(3.0),
            span: 1,
            train_accuracy: Some(1.0),
            test_accuracy: None,
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
            train_accuracy: None,
            test_accuracy: None,
        };
        assert_eq!(merge(ab, c).train_loss, Some(5.0));
        // Accuracies merge the same way: (0.5 + 1.0) / 2; a missing one leaves the other.
        assert_eq!((ab.train_accuracy, ab.test_accuracy), (Some(0.75), None));
        assert_eq!(merge(ab, c).train_accuracy, Some(0.75));
    }

    #[test]
    fn accuracies_go_on_the_newest_point_only_when_it_is_their_epoch() {
        let mut history = LossHistory::default();
        history.record(0, Some(1.0), None);
        history.record(1, Some(0.9), None);
        history.set_accuracy(0, Some(0.2), Some(0.3));
        assert_eq!(
            history.last().unwrap().train_accuracy,
            None,
            "epoch 0 is not the newest"
        );
        history.set_accuracy(1, Some(0.6), Some(f64::NAN));
        let last = history.last().unwrap();
        assert_eq!((last.train_accuracy, last.test_accuracy), (Some(0.6), None));
        assert_eq!(history.points()[0].train_accuracy, None);
    }

    #[test]
    fn a_saved_point_without_accuracies_still_reads() {
        let json = r#"{"epoch":3,"train_loss":0.5,"test_loss":null,"span":1}"#;
        let point: LossPoint = serde_json::from_str(json).unwrap();
        assert_eq!((point.epoch, point.train_accuracy), (3, None));
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

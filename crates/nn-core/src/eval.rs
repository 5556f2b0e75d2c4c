//! Evaluation of a network on a data set: loss, accuracy and confusion matrix for
//! classification, RMSE and R^2 for regression.
//!
//! An empty data set has no metrics (`None`), never NaN. A diverged network may give
//! non-finite values; nothing panics.

use serde::{Deserialize, Serialize};

use crate::backprop::Workspace;
use crate::dataset::Dataset;
use crate::loss::class_index;
use crate::network::Network;

/// Scores of a network on a data set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Number of examples scored.
    pub count: usize,
    /// Mean data loss (no penalty), in the objective's convention.
    pub loss: f64,
    /// Share of examples whose predicted class is the true one (classification only).
    pub accuracy: Option<f64>,
    /// `confusion[true][predicted]` counts (classification only).
    pub confusion: Option<Vec<Vec<usize>>>,
    /// Root mean squared error `sqrt(mean (y_hat - y)^2)` (regression only).
    pub rmse: Option<f64>,
    /// Coefficient of determination `1 - SS_res / SS_tot` (regression only; `None` when the
    /// targets are all equal, where it is undefined).
    pub r2: Option<f64>,
}

/// Running sums while scoring.
struct Tally {
    loss: f64,
    confusion: Vec<Vec<usize>>,
    squared_error: f64,
    /// Mean of all targets (regression), for `SS_tot`.
    target_mean: f64,
    /// `SS_tot = sum (y - mean)^2`.
    total_square_sum: f64,
}

/// Scores `network` on `data`; `None` for an empty set or rows of the wrong width.
pub fn evaluate(network: &Network, data: &Dataset) -> Option<Metrics> {
    evaluate_with(network, data, &mut Workspace::new(network))
}

/// [`evaluate`] with caller-provided buffers (rebuilt if they do not fit `network`).
pub fn evaluate_with(network: &Network, data: &Dataset, ws: &mut Workspace) -> Option<Metrics> {
    if data.is_empty() || data.dim != network.input_count() {
        return None;
    }
    if !ws.fits(network) {
        *ws = Workspace::new(network);
    }
    let objective = network.spec().objective;
    let classes = objective.classes();
    let mut tally = Tally {
        loss: 0.0,
        confusion: vec![vec![0; classes.unwrap_or(0)]; classes.unwrap_or(0)],
        squared_error: 0.0,
        target_mean: data.targets.iter().sum::<f64>() / data.len() as f64,
        total_square_sum: 0.0,
    };
    for row in 0..data.len() {
        let target = data.targets[row];
        ws.forward(network, data.row(row));
        tally.loss += ws.loss(network, target);
        tally.add(
            objective.predicted_class(ws.output()),
            ws.output()[0],
            target,
            classes,
        );
    }
    Some(tally.finish(data.len(), classes.is_some()))
}

/// The class `network` predicts for every example of `data`, in order, with `ws` reused (and
/// rebuilt if it does not fit); `None` for regression, an empty set or rows of the wrong width.
pub fn predict_classes_with(
    network: &Network,
    data: &Dataset,
    ws: &mut Workspace,
) -> Option<Vec<usize>> {
    let objective = network.spec().objective;
    let classes = objective.classes()?;
    if data.is_empty() || data.dim != network.input_count() {
        return None;
    }
    if !ws.fits(network) {
        *ws = Workspace::new(network);
    }
    let predict = |row| {
        ws.forward(network, data.row(row));
        objective
            .predicted_class(ws.output())
            .map(|p| p.min(classes - 1))
    };
    (0..data.len()).map(predict).collect()
}

/// `confusion[true][predicted]` counts of `classes` classes, from each example's predicted
/// class and the targets (class indices) of the same examples.
pub fn confusion_from(predicted: &[usize], targets: &[f64], classes: usize) -> Vec<Vec<usize>> {
    let mut confusion = vec![vec![0; classes]; classes];
    if classes == 0 {
        return confusion;
    }
    for (&p, &target) in predicted.iter().zip(targets) {
        confusion[class_index(target, classes)][p.min(classes - 1)] += 1;
    }
    confusion
}

/// The confusion matrix of `network` on `data` (`confusion[true][predicted]`), as
/// [`Metrics::confusion`] gives it; `None` for regression, an empty set or the wrong width.
pub fn confusion_matrix(network: &Network, data: &Dataset) -> Option<Vec<Vec<usize>>> {
    let predicted = predict_classes_with(network, data, &mut Workspace::new(network))?;
    let classes = network.spec().objective.classes()?;
    Some(confusion_from(&predicted, &data.targets, classes))
}

impl Tally {
    /// Adds one example: its predicted class (classification) or first output (regression).
    fn add(&mut self, predicted: Option<usize>, output: f64, target: f64, classes: Option<usize>) {
        if let (Some(p), Some(k)) = (predicted, classes) {
            self.confusion[class_index(target, k)][p.min(k - 1)] += 1;
            return;
        }
        let error = output - target;
        self.squared_error += error * error;
        let spread = target - self.target_mean;
        self.total_square_sum += spread * spread;
    }

    /// Turns the sums into metrics.
    fn finish(self, count: usize, classification: bool) -> Metrics {
        let n = count as f64;
        let loss = self.loss / n;
        if classification {
            let correct: usize = (0..self.confusion.len())
                .map(|k| self.confusion[k][k])
                .sum();
            let accuracy = Some(correct as f64 / n);
            let confusion = Some(self.confusion);
            return Metrics {
                count,
                loss,
                accuracy,
                confusion,
                rmse: None,
                r2: None,
            };
        }
        let rmse = Some(libm::sqrt(self.squared_error / n));
        let total = self.total_square_sum;
        let r2 = (total > 0.0).then(|| 1.0 - self.squared_error / total);
        Metrics {
            count,
            loss,
            accuracy: None,
            confusion: None,
            rmse,
            r2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::dataset::Task;
    use crate::init::Init;
    use crate::loss::Objective;
    use crate::network::NetworkSpec;
    use crate::rng::rng_from_seed;

    fn net(objective: Objective, params: &[f64]) -> Network {
        let spec = NetworkSpec::new(2, vec![], Activation::Tanh, objective);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("eval")).unwrap();
        net.set_params(params).unwrap();
        net
    }

    #[test]
    fn c05_reports_the_data_loss_only() {
        // C05 in the project's worked cases: y_hat = 0.5 x1 - 1.0 x2 + 0.1 on two points;
        // predictions -1.4 and -0.9, data loss 0.8449999999999999.
        let net = net(Objective::LinearSquared, &[0.5, -1.0, 0.1]);
        let inputs = vec![1.0, 2.0, -1.0, 0.5];
        let data = Dataset::new(inputs, 2, vec![0.3, -0.2], Task::Regression, None).unwrap();
        let metrics = evaluate(&net, &data).unwrap();
        assert!((metrics.loss - 0.8449999999999999).abs() < 1e-9);
        assert!((metrics.rmse.unwrap() - libm::sqrt(0.845 * 2.0)).abs() < 1e-12);
        // SS_tot = 2 * 0.25^2 = 0.125; SS_res = 1.7^2 + 0.7^2 = 3.38; R^2 = 1 - 27.04.
        assert!((metrics.r2.unwrap() + 26.04).abs() < 1e-9);
    }

    #[test]
    fn accuracy_and_confusion_count_each_prediction() {
        // One tanh unit reading x1 only: class 1 when x1 >= 0.
        let net = net(Objective::TanhSquared, &[1.0, 0.0, 0.0]);
        let inputs = vec![1.0, 0.0, -1.0, 0.0, 2.0, 0.0, -3.0, 0.0];
        let task = Task::Classification { classes: 2 };
        let data = Dataset::new(inputs, 2, vec![1.0, 0.0, 0.0, 0.0], task, None).unwrap();
        let metrics = evaluate(&net, &data).unwrap();
        assert_eq!(metrics.accuracy, Some(0.75));
        assert_eq!(metrics.confusion, Some(vec![vec![2, 1], vec![0, 1]]));
        assert_eq!(metrics.rmse, None);
    }

    #[test]
    fn confusion_matrix_counts_a_hand_made_three_class_set() {
        // Softmax over three classes, no hidden layer, biases (b0, b1, b2) = (0, 0, 0):
        // the logits are z_k = w_k . x, with w_0 = (1, 0), w_1 = (0, 1), w_2 = (-1, -1).
        // So (2, 0) -> class 0, (0, 2) -> class 1, (-2, -2) -> class 2.
        let objective = Objective::SoftmaxCrossEntropy { classes: 3 };
        let net = net(objective, &[1.0, 0.0, 0.0, 1.0, -1.0, -1.0, 0.0, 0.0, 0.0]);
        let rows = [(2.0, 0.0), (0.0, 2.0), (-2.0, -2.0), (2.0, 0.0), (0.0, 2.0)];
        let inputs = rows.iter().flat_map(|&(a, b)| [a, b]).collect();
        // True classes: 0, 1, 2 right; then a true 2 read as 0 and a true 0 read as 1.
        let targets = vec![0.0, 1.0, 2.0, 2.0, 0.0];
        let task = Task::Classification { classes: 3 };
        let data = Dataset::new(inputs, 2, targets, task, None).unwrap();
        let mut ws = Workspace::new(&net);
        let predicted = predict_classes_with(&net, &data, &mut ws).unwrap();
        assert_eq!(predicted, [0, 1, 2, 0, 1]);
        let expected = vec![vec![1, 1, 0], vec![0, 1, 0], vec![1, 0, 1]];
        assert_eq!(confusion_matrix(&net, &data), Some(expected.clone()));
        assert_eq!(evaluate(&net, &data).unwrap().confusion, Some(expected));
    }

    #[test]
    fn regression_has_no_predicted_classes() {
        let net = net(Objective::LinearSquared, &[0.5, -1.0, 0.1]);
        let data = Dataset::new(vec![1.0, 2.0], 2, vec![0.3], Task::Regression, None).unwrap();
        assert_eq!(confusion_matrix(&net, &data), None);
        assert_eq!(confusion_from(&[], &[], 0), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn empty_or_mismatched_sets_have_no_metrics() {
        let net = net(Objective::LinearSquared, &[0.5, -1.0, 0.1]);
        let empty = Dataset::new(vec![], 2, vec![], Task::Regression, None).unwrap();
        assert_eq!(evaluate(&net, &empty), None);
        let narrow = Dataset::new(vec![1.0], 1, vec![0.0], Task::Regression, None).unwrap();
        assert_eq!(evaluate(&net, &narrow), None);
    }

    #[test]
    fn constant_targets_have_no_r2_and_diverged_nets_do_not_panic() {
        let net = net(Objective::LinearSquared, &[f64::INFINITY, 0.0, 0.0]);
        let data = Dataset::new(vec![1.0, 1.0], 2, vec![0.5], Task::Regression, None).unwrap();
        let metrics = evaluate(&net, &data).unwrap();
        assert_eq!(metrics.r2, None);
        assert!(!metrics.loss.is_finite());
    }
}

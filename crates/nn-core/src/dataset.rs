//! Data sets: examples (input rows and targets), the task they pose and the domain they live in.
//!
//! This file holds the shared types; the generators live in submodules declared below.

use serde::{Deserialize, Serialize};

use crate::NnError;

/// What the targets of a data set mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Task {
    /// Each target is a class index `0..classes`, stored as an `f64` (0.0, 1.0, ...).
    Classification {
        /// Number of classes, at least 2.
        classes: usize,
    },
    /// Each target is a real value.
    Regression,
}

/// The rectangle of the input plane a 2-D data set lives in, drawn by heatmaps.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    /// Smallest x1 shown.
    pub x1_min: f64,
    /// Largest x1 shown.
    pub x1_max: f64,
    /// Smallest x2 shown.
    pub x2_min: f64,
    /// Largest x2 shown.
    pub x2_max: f64,
}

impl Domain {
    /// A square domain `[-half, half]` in both axes (TensorFlow Playground's is `half = 6`).
    pub fn square(half: f64) -> Self {
        Domain {
            x1_min: -half,
            x1_max: half,
            x2_min: -half,
            x2_max: half,
        }
    }
}

/// A set of examples: `len()` rows of `dim` inputs each, row-major, and one target per row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Input values, row-major: row `i` is `inputs[i * dim..(i + 1) * dim]`.
    pub inputs: Vec<f64>,
    /// Number of inputs per row.
    pub dim: usize,
    /// One target per row; see [`Task`] for its meaning.
    pub targets: Vec<f64>,
    /// Classification with its number of classes, or regression.
    pub task: Task,
    /// The input rectangle for 2-D data (and 1-D data, on x1); `None` for data such as digits.
    pub domain: Option<Domain>,
}

impl Dataset {
    /// Builds a data set, checking that the inputs split into `targets.len()` rows of `dim`.
    pub fn new(
        inputs: Vec<f64>,
        dim: usize,
        targets: Vec<f64>,
        task: Task,
        domain: Option<Domain>,
    ) -> Result<Self, NnError> {
        if dim == 0 || inputs.len() != dim * targets.len() {
            let (inputs, rows) = (inputs.len(), targets.len());
            return Err(NnError::DatasetShape { inputs, rows, dim });
        }
        Ok(Dataset {
            inputs,
            dim,
            targets,
            task,
            domain,
        })
    }

    /// Number of examples.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// True when the set has no examples.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// The inputs of example `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.inputs[i * self.dim..(i + 1) * self.dim]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_rejects_inputs_that_do_not_fill_whole_rows() {
        let task = Task::Regression;
        let err = Dataset::new(vec![1.0, 2.0, 3.0], 2, vec![0.0, 1.0], task, None).unwrap_err();
        assert_eq!(
            err,
            NnError::DatasetShape {
                inputs: 3,
                rows: 2,
                dim: 2
            }
        );
        let ok = Dataset::new(vec![1.0, 2.0, 3.0, 4.0], 2, vec![0.0, 1.0], task, None).unwrap();
        assert_eq!(ok.row(1), &[3.0, 4.0]);
    }
}

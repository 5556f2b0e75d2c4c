//! The lecture's logic gates as data: each truth table repeated `repeats` times.
//!
//! Inputs are exactly 0.0 and 1.0; the label is the gate's output as a class index (0 = false,
//! 1 = true), so a gate is a two-class problem. There is no randomness and no noise: the table's
//! rows come in order (for two inputs: 00, 01, 10, 11), and the train/test split shuffles them.

use serde::{Deserialize, Serialize};

use crate::data::DEFAULT_GATE_REPEATS;
use crate::{Dataset, Domain, Task};

/// A logic gate of the lecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gate {
    /// `x1 AND x2`: true only for 11 (linearly separable).
    And,
    /// `x1 OR x2`: false only for 00 (linearly separable).
    Or,
    /// `NOT (x1 AND x2)`: false only for 11 (linearly separable).
    Nand,
    /// `x1 XOR x2`: true for 01 and 10; no single line separates it.
    Xor,
    /// `NOT x1`, on one input.
    Not,
}

impl Gate {
    /// Every gate, in the order the playground lists them.
    pub const ALL: [Gate; 5] = [Gate::And, Gate::Or, Gate::Nand, Gate::Xor, Gate::Not];

    /// Number of inputs: 1 for NOT, 2 for the others.
    pub fn inputs(self) -> usize {
        match self {
            Gate::Not => 1,
            _ => 2,
        }
    }

    /// The gate's output for inputs that are each false (0) or true (anything else); `x2` is
    /// ignored by NOT.
    pub fn output(self, x1: bool, x2: bool) -> bool {
        match self {
            Gate::And => x1 && x2,
            Gate::Or => x1 || x2,
            Gate::Nand => !(x1 && x2),
            Gate::Xor => x1 != x2,
            Gate::Not => !x1,
        }
    }

    /// The truth table, one `(inputs, class)` row per input combination, in counting order
    /// (00, 01, 10, 11; or 0, 1 for NOT). Unused second inputs are 0.0.
    pub fn truth_table(self) -> Vec<([f64; 2], f64)> {
        let combos: &[(bool, bool)] = match self.inputs() {
            1 => &[(false, false), (true, false)],
            _ => &[(false, false), (false, true), (true, false), (true, true)],
        };
        let bit = |b: bool| if b { 1.0 } else { 0.0 };
        combos
            .iter()
            .map(|&(a, b)| ([bit(a), bit(b)], bit(self.output(a, b))))
            .collect()
    }
}

/// The domain gate data is drawn in: [-0.5, 1.5] on both axes, so the four corners 0/1 sit well
/// inside with room for a boundary line between them. For NOT (one input) the second axis is
/// only a drawing axis and gets the same range.
pub fn gate_domain() -> Domain {
    Domain {
        x1_min: -0.5,
        x1_max: 1.5,
        x2_min: -0.5,
        x2_max: 1.5,
    }
}

/// The truth table of `gate` repeated `repeats` times (the lecture uses
/// [`DEFAULT_GATE_REPEATS`] = 100): `repeats * 4` rows of 2 inputs, or `repeats * 2` rows of
/// 1 input for NOT. Labels are class indices (two classes). `repeats = 0` gives an empty set.
/// No noise applies.
pub fn gate(gate: Gate, repeats: usize) -> Dataset {
    let table = gate.truth_table();
    let dim = gate.inputs();
    let mut inputs = Vec::with_capacity(repeats * table.len() * dim);
    let mut targets = Vec::with_capacity(repeats * table.len());
    for _ in 0..repeats {
        for (row, class) in &table {
            inputs.extend_from_slice(&row[..dim]);
            targets.push(*class);
        }
    }
    let task = Task::Classification { classes: 2 };
    Dataset {
        inputs,
        dim,
        targets,
        task,
        domain: Some(gate_domain()),
    }
}

/// [`gate`] with the lecture's [`DEFAULT_GATE_REPEATS`] repeats.
pub fn gate_default(gate_kind: Gate) -> Dataset {
    gate(gate_kind, DEFAULT_GATE_REPEATS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of a data set as `(inputs, class)` pairs.
    fn rows(data: &Dataset) -> Vec<(Vec<f64>, f64)> {
        (0..data.len())
            .map(|i| (data.row(i).to_vec(), data.targets[i]))
            .collect()
    }

    #[test]
    fn two_input_tables_are_exact() {
        // Outputs for 00, 01, 10, 11, written out by hand.
        let expected = [
            (Gate::And, [0.0, 0.0, 0.0, 1.0]),
            (Gate::Or, [0.0, 1.0, 1.0, 1.0]),
            (Gate::Nand, [1.0, 1.0, 1.0, 0.0]),
            (Gate::Xor, [0.0, 1.0, 1.0, 0.0]),
        ];
        let corners = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]];
        for (g, outputs) in expected {
            let data = gate(g, 1);
            let want: Vec<_> = corners
                .iter()
                .zip(outputs)
                .map(|(c, o)| (c.to_vec(), o))
                .collect();
            assert_eq!(rows(&data), want, "{g:?}");
        }
    }

    #[test]
    fn not_is_one_input_and_exact() {
        let data = gate(Gate::Not, 1);
        assert_eq!(data.dim, 1);
        assert_eq!(rows(&data), vec![(vec![0.0], 1.0), (vec![1.0], 0.0)]);
    }

    #[test]
    fn default_repeats_the_table_100_times() {
        let data = gate_default(Gate::Xor);
        assert_eq!(data.len(), 400);
        assert_eq!(data.inputs.len(), 800);
        assert_eq!(data.task, Task::Classification { classes: 2 });
        // Every block of four rows is the table again.
        assert_eq!(rows(&data)[396..], rows(&gate(Gate::Xor, 1))[..]);
        assert_eq!(data.targets.iter().filter(|&&t| t == 1.0).count(), 200);
        assert_eq!(gate_default(Gate::Not).len(), 200);
    }

    #[test]
    fn points_lie_inside_the_domain_and_zero_repeats_is_empty() {
        let domain = gate_domain();
        for g in Gate::ALL {
            let data = gate(g, 3);
            assert!(
                data.inputs
                    .iter()
                    .all(|&x| x > domain.x1_min && x < domain.x1_max)
            );
            assert!(
                Dataset::new(data.inputs.clone(), data.dim, data.targets, data.task, None).is_ok()
            );
            assert!(gate(g, 0).is_empty());
        }
    }
}

//! The engine's one error type.

use thiserror::Error;

/// Everything that can go wrong when input from outside (a configuration, a data set, a saved
/// state) reaches the engine. Internal invariants are `debug_assert!`s, not errors.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum NnError {
    /// A data set's inputs do not split into rows of its stated width, or its targets do not
    /// match its rows.
    #[error("data set shape mismatch: {inputs} input values for {rows} rows of width {dim}")]
    DatasetShape {
        /// Number of input values given.
        inputs: usize,
        /// Number of rows (targets) given.
        rows: usize,
        /// Stated input width.
        dim: usize,
    },
}

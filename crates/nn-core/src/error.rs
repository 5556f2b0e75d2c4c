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

    // Data-set generators and the split (src/data/).
    /// A generator's noise is not a number in 0..=0.5 (the reference's slider value / 100).
    #[error("noise {noise} is outside 0..=0.5")]
    NoiseOutOfRange {
        /// The noise given.
        noise: f64,
    },
    /// A multi-class generator (blobs, K-arm spiral) was asked for a class count outside 2..=6.
    #[error("{classes} classes requested; the generators make 2 to 6")]
    ClassCountOutOfRange {
        /// The class count given.
        classes: usize,
    },
    /// A generator was asked for more points (or gate table repeats) than the limit.
    #[error("{points} points requested; the limit is {max}")]
    TooManyPoints {
        /// The number of points requested.
        points: usize,
        /// The largest number allowed.
        max: usize,
    },
    /// The training share of a split is not a number in 0..=100 percent.
    #[error("training share {percent} % is outside 0..=100")]
    TrainShareOutOfRange {
        /// The share given, in percent.
        percent: f64,
    },
    /// A feature set with no feature was applied to 2-D data.
    #[error("no input feature is selected")]
    NoFeatures,
    // Networks and training (network.rs, train.rs).
    /// A layer of a network spec has no unit or more than the limit (layer 0 = the inputs).
    #[error("layer {layer} has {width} units; widths must be in 1..={max}")]
    LayerWidth {
        /// Layer index, counting the input layer as 0.
        layer: usize,
        /// The width given.
        width: usize,
        /// The largest width allowed.
        max: usize,
    },
    /// A network spec asks for more hidden layers than the limit.
    #[error("{got} hidden layers requested; the limit is {max}")]
    TooManyLayers {
        /// The number of hidden layers given.
        got: usize,
        /// The largest number allowed.
        max: usize,
    },
    /// A softmax objective was given fewer than 2 classes.
    #[error("softmax needs at least 2 classes, got {classes}")]
    TooFewClasses {
        /// The class count given.
        classes: usize,
    },
    /// A flat parameter vector does not have the network's parameter count.
    #[error("expected {expected} parameters, got {got}")]
    ParamCount {
        /// The network's parameter count.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// A weight (with `input`) or bias (without) index does not exist in the network.
    #[error("no parameter at layer {layer}, neuron {neuron}, input {input:?}")]
    NoSuchParameter {
        /// Layer index (0 = first hidden layer).
        layer: usize,
        /// Unit index in the layer.
        neuron: usize,
        /// Input index for a weight; `None` for a bias.
        input: Option<usize>,
    },
    /// A data set's rows are not as wide as the network's input layer.
    #[error("the network takes {expected} inputs but the data rows have {got}")]
    InputWidth {
        /// The network's input count.
        expected: usize,
        /// The data set's row width.
        got: usize,
    },
    /// A batch named a row the data set does not have.
    #[error("row {row} requested from a data set of {rows} rows")]
    NoSuchRow {
        /// The row index given.
        row: usize,
        /// The data set's row count.
        rows: usize,
    },
    /// A saved trainer's state does not fit its network (a file edited or from elsewhere).
    #[error("the saved training state does not fit the network: {0}")]
    StateMismatch(&'static str),
}

//! `nn-core`: a small multilayer-perceptron engine for the playground, with no web dependency.
//!
//! Data flows in one direction: a seed string becomes a random generator ([`rng`]); the
//! generator makes a [`Dataset`] and the network's initial weights; a trainer runs epochs of
//! mini-batch updates over the training split and reports the data loss; evaluation turns the
//! network into metrics and into per-neuron outputs over a grid of the input domain, which the
//! views draw as heatmaps. Everything is deterministic given the seed, natively and in wasm,
//! because the engine's maths goes through `libm` rather than the platform's maths library.
#![warn(missing_docs)]

pub mod activation;
pub mod backprop;
pub mod batch;
pub mod data;
pub mod dataset;
pub mod error;
pub mod eval;
pub mod fingerprint;
pub mod grid;
pub mod init;
pub mod loss;
pub mod math;
pub mod network;
pub mod optimizer;
pub mod regularization;
pub mod rng;
pub mod trace;
pub mod train;

pub use data::{DataKind, Feature, Features, Gate, generate, split};
pub use dataset::{Dataset, Domain, Task};
pub use error::NnError;

pub use activation::Activation;
pub use backprop::Workspace;
pub use eval::{Metrics, evaluate};
pub use fingerprint::trajectory_fingerprint;
pub use grid::{GridOutputs, evaluate_grid, evaluate_line};
pub use init::Init;
pub use loss::Objective;
pub use network::{Network, NetworkSpec};
pub use optimizer::{OptimizerKind, OptimizerState};
pub use regularization::Regularization;
pub use trace::{LayerTrace, Trace};
pub use train::{EpochReport, Hyperparameters, TrainStatus, Trainer};

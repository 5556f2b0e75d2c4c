//! `nn-core`: a small multilayer-perceptron engine for the playground, with no web dependency.
//!
//! Data flows in one direction: a seed string becomes a random generator ([`rng`]); the
//! generator makes a [`Dataset`] and the network's initial weights; a trainer runs epochs of
//! mini-batch updates over the training split and reports the data loss; evaluation turns the
//! network into metrics and into per-neuron outputs over a grid of the input domain, which the
//! views draw as heatmaps. Everything is deterministic given the seed, natively and in wasm,
//! because the engine's maths goes through `libm` rather than the platform's maths library.
#![warn(missing_docs)]

pub mod dataset;
pub mod error;
pub mod rng;

pub use dataset::{Dataset, Domain, Task};
pub use error::NnError;

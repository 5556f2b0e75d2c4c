//! The playground's model: everything a user can set, share or replay, with no DOM dependency.
//!
//! [`config`] holds the settings and their limits, [`link`] turns them into the URL fragment and
//! back, [`presets`] names links for the lecture, [`history`] keeps a bounded loss curve, and
//! [`session`] runs one experiment on the engine (`nn-core`). The web app and the command-line
//! trainer share all of it.
//!
//! ```
//! use playground_model::{Session, decode, encode};
//!
//! // A TensorFlow Playground link opens the same experiment; values beyond the limits are
//! // clamped with a warning naming the key.
//! let decoded = decode("#dataset=xor&batchSize=1000&seed=0.5", || unreachable!());
//! assert_eq!(decoded.config.batch_size, 30);
//! assert_eq!(decoded.warnings[0].key, "batchSize");
//! assert!(encode(&decoded.config).starts_with("#v=1&activation=tanh&regularization=none"));
//!
//! let mut session = Session::new(decoded.config).unwrap();
//! let readout = session.run(3).unwrap();
//! assert_eq!((readout.epoch, readout.diverged), (3, false));
//! assert_eq!(session.history().len(), 4, "epoch 0 and three epochs");
//! ```
#![warn(missing_docs)]

pub mod config;
mod engine;
pub mod history;
pub mod link;
pub mod model_file;
pub mod own_data;
pub mod presets;
pub mod session;
pub mod step_text;
pub mod stepper;
pub mod weights;

pub use config::{Config, Warning};
pub use history::{LossHistory, LossPoint};
pub use link::{Decoded, decode, encode};
pub use own_data::{OwnData, OwnPoint};
pub use session::{Readout, SavedSession, Session};
pub use stepper::{Stage, Stepper};
pub use weights::{LayerWeights, Weights};

/// What can go wrong in the model when input from outside reaches it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// A `weights=` text could not be read; the text says why.
    #[error("bad weights: {0}")]
    BadWeights(String),
    /// A saved session does not match the network its own settings describe.
    #[error("saved state does not match its settings: {0}")]
    StateMismatch(String),
    /// A hand-set value is not finite.
    #[error("{0} is not a finite number")]
    NotFinite(f64),
    /// A point of the user's own data is outside the limits; the text says which and why.
    #[error("{0}")]
    BadPoint(String),
    /// The user's own data already hold the most points allowed.
    #[error("at most {max} points are allowed")]
    TooManyPoints {
        /// The limit.
        max: usize,
    },
    /// A line of a CSV file could not be read as a point.
    #[error("line {line}: {message}")]
    Csv {
        /// The line, counted from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A file is larger than the playground reads.
    #[error("the file has {bytes} bytes; at most {max} are read")]
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// A model file could not be read; the text says why.
    #[error("{0}")]
    BadModelFile(String),
    /// The engine refused the configuration or a saved state.
    #[error("engine: {0}")]
    Engine(#[from] nn_core::NnError),
}

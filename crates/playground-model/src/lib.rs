//! The playground's model: everything a user can set, share or replay, with no DOM dependency.
#![warn(missing_docs)]

//! The page's parts, one component a file.

pub mod boundary;

//! The page's parts, one component a file.

pub mod boundary;
pub mod loss_chart;
pub mod readouts;

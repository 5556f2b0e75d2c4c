//! The page's parts, one component a file.

pub mod boundary;
pub mod data_panel;
pub mod loss_chart;
pub mod network;
pub mod readouts;
pub mod settings_panel;

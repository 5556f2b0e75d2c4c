//! The page's parts, one component a file.

pub mod boundary;
pub mod curve;
pub mod data_panel;
pub mod dataset_preview;
pub mod digits;
pub mod help;
pub mod loss_chart;
pub mod network;
pub mod off_plane;
pub mod readouts;
pub mod settings_panel;
pub mod widgets;

//! The page's parts, one component a file.

pub mod boundary;
pub mod data_panel;
pub mod dataset_preview;
pub mod help;
pub mod loss_chart;
pub mod network;
pub mod readouts;
pub mod settings_panel;
pub mod stepper;
pub mod widgets;

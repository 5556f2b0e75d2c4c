//! The page's parts, one component a file.

pub mod activations;
pub mod boundary;
pub mod curve;
pub mod data_editor;
pub mod data_panel;
pub mod dataset_preview;
pub mod digits;
pub mod help;
pub mod loss_chart;
pub mod network;
pub mod objective;
pub mod off_plane;
pub mod optimizers;
pub mod perceptron;
pub mod preset_select;
pub mod readouts;
pub mod settings_panel;
pub mod share;
pub mod stepper;
pub mod widgets;

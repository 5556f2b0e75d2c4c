//! Drawing: colour scales and heatmap pixels (plain Rust, tested natively), and the canvas calls
//! that put them on the page.

pub mod accuracy_chart;
pub mod axes;
pub mod canvas;
pub mod colour;
pub mod curve_chart;
pub mod diagram_png;
pub mod heatmap;
pub mod loss_chart;

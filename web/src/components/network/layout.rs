//! Where each part of the diagram goes, in the units of the SVG's `viewBox`.
//!
//! Columns run from the inputs (column 0) through the hidden layers to the output (last). Each
//! column holds its neurons from the top, one row each; a column of more than [`MAX_ROWS`]
//! neurons shows the first `MAX_ROWS - 1` and a "+N more" row. The HTML laid over the SVG (the
//! thumbnails and buttons) is placed in percent of the same box, so both scale together.

/// Side of a neuron's square.
pub const NODE: f64 = 40.0;
/// Distance between the centres of two rows.
pub const ROW_PITCH: f64 = 52.0;
/// Room left of the input column for the features' names.
pub const LABEL_WIDTH: f64 = 84.0;
/// Empty border around the drawing.
pub const MARGIN: f64 = 10.0;
/// Extra room right of the output column, for its header.
pub const RIGHT_ROOM: f64 = 16.0;
/// Closest and farthest distance between the centres of two columns.
pub const PITCH_RANGE: (f64, f64) = (64.0, 130.0);
/// Width the columns are spread over when they fit in it.
pub const TARGET_WIDTH: f64 = 640.0;
/// Most rows a column shows (the last of them says how many are left out).
pub const MAX_ROWS: usize = 12;

/// The diagram's geometry for given column sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// Distance between the centres of two columns.
    pub pitch: f64,
    /// Number of neurons of each column (inputs first, output last).
    pub sizes: Vec<usize>,
}

impl Layout {
    /// The layout of columns of `sizes` neurons (at least one column).
    pub fn new(sizes: &[usize]) -> Layout {
        let columns = sizes.len().max(1);
        let span = TARGET_WIDTH - LABEL_WIDTH - NODE - 2.0 * MARGIN - RIGHT_ROOM;
        let pitch = if columns > 1 {
            (span / (columns - 1) as f64).clamp(PITCH_RANGE.0, PITCH_RANGE.1)
        } else {
            PITCH_RANGE.1
        };
        let rows = sizes.iter().map(|&n| rows_of(n)).max().unwrap_or(1).max(1);
        Layout {
            width: LABEL_WIDTH + NODE + pitch * (columns - 1) as f64 + 2.0 * MARGIN + RIGHT_ROOM,
            height: 2.0 * MARGIN + NODE + ROW_PITCH * (rows - 1) as f64,
            pitch,
            sizes: sizes.to_vec(),
        }
    }

    /// Neurons drawn in `column` (the others are summed up in a "+N more" row).
    pub fn shown(&self, column: usize) -> usize {
        let size = self.sizes.get(column).copied().unwrap_or(0);
        if size > MAX_ROWS { MAX_ROWS - 1 } else { size }
    }

    /// Neurons of `column` left out of the drawing.
    pub fn hidden(&self, column: usize) -> usize {
        self.sizes.get(column).copied().unwrap_or(0) - self.shown(column)
    }

    /// Centre of `column`, left to right.
    pub fn x(&self, column: usize) -> f64 {
        MARGIN + LABEL_WIDTH + NODE / 2.0 + self.pitch * column as f64
    }

    /// Centre of `row`, top to bottom.
    pub fn y(&self, row: usize) -> f64 {
        MARGIN + NODE / 2.0 + ROW_PITCH * row as f64
    }

    /// The link from row `from` of `column` to row `to` of the next column, as an SVG path:
    /// a curve from the right edge of one square to the left edge of the other.
    pub fn link_path(&self, column: usize, from: usize, to: usize) -> String {
        let (x1, y1) = (self.x(column) + NODE / 2.0, self.y(from));
        let (x2, y2) = (self.x(column + 1) - NODE / 2.0, self.y(to));
        let middle = (x1 + x2) / 2.0;
        format!("M{x1:.1} {y1:.1}C{middle:.1} {y1:.1} {middle:.1} {y2:.1} {x2:.1} {y2:.1}")
    }

    /// CSS placing a box of `width` x `height` whose top-left corner is (`x`, `y`), in percent
    /// of the drawing, so that it scales with the SVG.
    pub fn place(&self, x: f64, y: f64, width: f64, height: f64) -> String {
        let (w, h) = (self.width, self.height);
        format!(
            "left:{:.3}%;top:{:.3}%;width:{:.3}%;height:{:.3}%",
            100.0 * x / w,
            100.0 * y / h,
            100.0 * width / w,
            100.0 * height / h
        )
    }

    /// CSS placing the square of row `row` of `column`.
    pub fn place_node(&self, column: usize, row: usize) -> String {
        let half = NODE / 2.0;
        self.place(self.x(column) - half, self.y(row) - half, NODE, NODE)
    }

    /// CSS placing a column's header over its centre, in percent of the width.
    pub fn place_column(&self, column: usize) -> String {
        format!("left:{:.3}%", 100.0 * self.x(column) / self.width)
    }

    /// The `aspect-ratio` of the drawing, for CSS.
    pub fn aspect_ratio(&self) -> String {
        format!("aspect-ratio:{:.1}/{:.1}", self.width, self.height)
    }

    /// The SVG `viewBox`.
    pub fn view_box(&self) -> String {
        format!("0 0 {:.1} {:.1}", self.width, self.height)
    }
}

/// Rows a column of `size` neurons takes.
fn rows_of(size: usize) -> usize {
    size.min(MAX_ROWS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_network_spreads_its_columns_up_to_the_widest_pitch() {
        let layout = Layout::new(&[7, 4, 2, 1]);
        assert_eq!(layout.pitch, PITCH_RANGE.1);
        assert_eq!(layout.x(0), MARGIN + LABEL_WIDTH + NODE / 2.0);
        assert_eq!(layout.x(3) - layout.x(0), 3.0 * PITCH_RANGE.1);
        assert_eq!(layout.width, layout.x(3) + NODE / 2.0 + MARGIN + RIGHT_ROOM);
        assert_eq!(layout.height, layout.y(6) + NODE / 2.0 + MARGIN);
    }

    #[test]
    fn the_heavy_network_fits_the_target_width() {
        let layout = Layout::new(&[7, 8, 8, 8, 8, 8, 8, 1]);
        assert!(layout.width <= TARGET_WIDTH + 1e-9, "{}", layout.width);
        assert!(layout.pitch >= PITCH_RANGE.0);
        assert_eq!(layout.height, 2.0 * MARGIN + NODE + 7.0 * ROW_PITCH);
    }

    #[test]
    fn tall_columns_show_a_few_rows_and_count_the_rest() {
        let layout = Layout::new(&[64, 128, 10]);
        assert_eq!((layout.shown(0), layout.hidden(0)), (11, 53));
        assert_eq!((layout.shown(2), layout.hidden(2)), (10, 0));
        assert_eq!(layout.height, 2.0 * MARGIN + NODE + 11.0 * ROW_PITCH);
    }

    #[test]
    fn links_run_between_the_facing_edges() {
        let layout = Layout::new(&[2, 1]);
        let path = layout.link_path(0, 1, 0);
        let (x1, x2) = (layout.x(0) + NODE / 2.0, layout.x(1) - NODE / 2.0);
        let start = format!("M{x1:.1} {:.1}", layout.y(1));
        assert!(path.starts_with(&start), "{path}");
        assert!(
            path.ends_with(&format!("{x2:.1} {:.1}", layout.y(0))),
            "{path}"
        );
    }

    #[test]
    fn boxes_are_placed_in_percent_of_the_drawing() {
        let layout = Layout::new(&[1, 1]);
        let css = layout.place(layout.width / 2.0, 0.0, layout.width / 4.0, layout.height);
        assert_eq!(css, "left:50.000%;top:0.000%;width:25.000%;height:100.000%");
    }
}

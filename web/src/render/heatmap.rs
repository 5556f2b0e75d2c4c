//! Turns a grid of outputs into RGBA pixels, ready to be put on a canvas as image data.

use super::colour::{Rgb, confident};

/// A square grid of outputs over the input domain, row 0 at the top (largest x2).
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Cells per side.
    pub size: usize,
    /// One block of `size * size` values (row-major from the top-left corner) per output:
    /// a single block in -1..1 for two classes and regression, one block of probabilities per
    /// class for more classes.
    pub values: Vec<f64>,
    /// Number of blocks: 1, or the number of classes.
    pub outputs: usize,
}

impl Grid {
    /// A grid of one output.
    pub fn single(size: usize, values: Vec<f64>) -> Self {
        Grid {
            size,
            values,
            outputs: 1,
        }
    }

    /// True when the values fill `outputs` blocks of `size * size`.
    pub fn is_well_formed(&self) -> bool {
        self.size > 0 && self.outputs > 0 && self.values.len() == self.outputs * self.size.pow(2)
    }

    /// The colour of cell `cell` (index `row * size + column`): for one output, `scale` of its
    /// value; for classes, the most probable class with its probability as intensity.
    pub fn cell_colour(&self, cell: usize, scale: impl Fn(f64) -> Rgb) -> Rgb {
        if self.outputs == 1 {
            return scale(self.values[cell]);
        }
        let cells = self.size * self.size;
        let probability = |class: usize| self.values[class * cells + cell];
        let best = (0..self.outputs).fold(0, |best, c| {
            if probability(c) > probability(best) {
                c
            } else {
                best
            }
        });
        confident(best, self.outputs, probability(best))
    }
}

/// Fills `pixels` (RGBA, `side * side * 4` bytes) with the grid scaled to `side` pixels a side
/// by nearest-neighbour sampling, cell `i` coloured `colour(i)` (see [`Grid::cell_colour`]).
///
/// Each cell's colour is computed once, and each pixel row is copied from the row above when
/// it samples the same grid row, so the cost is one `colour` call per cell, not per pixel.
pub fn paint(grid: &Grid, side: usize, colour: impl Fn(usize) -> Rgb, pixels: &mut Vec<u8>) {
    pixels.clear();
    if !grid.is_well_formed() {
        pixels.resize(side * side * 4, 0);
        return;
    }
    let mut cells = Vec::with_capacity(grid.size);
    let mut line = Vec::with_capacity(side * 4);
    let mut line_row = None;
    for py in 0..side {
        let row = py * grid.size / side;
        if line_row != Some(row) {
            cells.clear();
            cells.extend((row * grid.size..(row + 1) * grid.size).map(&colour));
            line.clear();
            for px in 0..side {
                let Rgb(r, g, b) = cells[px * grid.size / side];
                line.extend_from_slice(&[r, g, b, 255]);
            }
            line_row = Some(row);
        }
        pixels.extend_from_slice(&line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::colour::{NEGATIVE, POSITIVE, class_colour, diverging};

    #[test]
    fn each_grid_cell_covers_its_block_of_pixels() {
        let grid = Grid::single(2, vec![-1.0, 1.0, 1.0, -1.0]);
        let mut pixels = Vec::new();
        paint(&grid, 4, |i| grid.cell_colour(i, diverging), &mut pixels);
        assert_eq!(pixels.len(), 4 * 4 * 4);
        let at = |x: usize, y: usize| {
            let i = (y * 4 + x) * 4;
            Rgb(pixels[i], pixels[i + 1], pixels[i + 2])
        };
        assert_eq!(at(0, 0), NEGATIVE);
        assert_eq!(at(1, 1), NEGATIVE);
        assert_eq!(at(2, 0), POSITIVE);
        assert_eq!(at(3, 3), NEGATIVE);
        assert_eq!(at(0, 3), POSITIVE);
        assert!(
            pixels.chunks(4).all(|p| p[3] == 255),
            "every pixel is opaque"
        );
    }

    #[test]
    fn each_cell_is_coloured_once_whatever_the_canvas_size() {
        let grid = Grid::single(3, vec![0.0; 9]);
        let calls = std::cell::Cell::new(0);
        let mut pixels = Vec::new();
        let counted = |i| {
            calls.set(calls.get() + 1);
            grid.cell_colour(i, diverging)
        };
        paint(&grid, 300, counted, &mut pixels);
        assert_eq!(calls.get(), 9);
        assert_eq!(pixels.len(), 300 * 300 * 4);
    }

    #[test]
    fn with_classes_each_cell_shows_its_most_probable_class() {
        // Two cells, three classes: cell 0 is surely class 2, cell 1 leans to class 0.
        let grid = Grid {
            size: 1,
            values: vec![0.0],
            outputs: 1,
        };
        assert!(grid.is_well_formed());
        let grid = Grid {
            size: 1,
            values: vec![0.0, 0.0, 1.0],
            outputs: 3,
        };
        assert_eq!(grid.cell_colour(0, diverging), class_colour(2, 3));
        let grid = Grid {
            size: 1,
            values: vec![0.5, 0.3, 0.2],
            outputs: 3,
        };
        assert_eq!(grid.cell_colour(0, diverging), confident(0, 3, 0.5));
    }

    #[test]
    fn a_malformed_grid_paints_transparent_pixels_instead_of_panicking() {
        let grid = Grid::single(3, vec![0.0; 4]);
        let mut pixels = Vec::new();
        paint(&grid, 2, |i| grid.cell_colour(i, diverging), &mut pixels);
        assert_eq!(pixels, vec![0; 16]);
    }
}

//! Turns a grid of outputs into RGBA pixels, ready to be put on a canvas as image data.

use super::colour::Rgb;

/// A square grid of values over the input domain, row 0 at the top (largest x2).
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Cells per side.
    pub size: usize,
    /// `size * size` values, row-major from the top-left corner.
    pub values: Vec<f64>,
}

/// Fills `pixels` (RGBA, `side * side * 4` bytes) with the grid scaled to `side` pixels a side
/// by nearest-neighbour sampling, each cell coloured by `colour`.
///
/// Each cell's colour is computed once, and each pixel row is copied from the row above when
/// it samples the same grid row, so the cost is one `colour` call per cell, not per pixel.
pub fn paint(grid: &Grid, side: usize, colour: impl Fn(f64) -> Rgb, pixels: &mut Vec<u8>) {
    pixels.clear();
    if grid.size == 0 || grid.values.len() != grid.size * grid.size {
        pixels.resize(side * side * 4, 0);
        return;
    }
    let mut cells = Vec::with_capacity(grid.size);
    let mut line = Vec::with_capacity(side * 4);
    let mut line_row = None;
    for py in 0..side {
        let row = py * grid.size / side;
        if line_row != Some(row) {
            let values = &grid.values[row * grid.size..(row + 1) * grid.size];
            cells.clear();
            cells.extend(values.iter().map(|&value| colour(value)));
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
    use crate::render::colour::{NEGATIVE, POSITIVE, diverging};

    #[test]
    fn each_grid_cell_covers_its_block_of_pixels() {
        let grid = Grid {
            size: 2,
            values: vec![-1.0, 1.0, 1.0, -1.0],
        };
        let mut pixels = Vec::new();
        paint(&grid, 4, diverging, &mut pixels);
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
        let grid = Grid {
            size: 3,
            values: vec![0.0; 9],
        };
        let calls = std::cell::Cell::new(0);
        let mut pixels = Vec::new();
        paint(
            &grid,
            300,
            |v| {
                calls.set(calls.get() + 1);
                diverging(v)
            },
            &mut pixels,
        );
        assert_eq!(calls.get(), 9);
        assert_eq!(pixels.len(), 300 * 300 * 4);
    }

    #[test]
    fn a_malformed_grid_paints_transparent_pixels_instead_of_panicking() {
        let grid = Grid {
            size: 3,
            values: vec![0.0; 4],
        };
        let mut pixels = Vec::new();
        paint(&grid, 2, diverging, &mut pixels);
        assert_eq!(pixels, vec![0; 16]);
    }
}

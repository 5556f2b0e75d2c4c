//! Thumbnails: each neuron's output over the plane, averaged down from the decision
//! boundary's grid, and each input feature's value over the plane; and their pixels.

use nn_core::grid::{GridOutputs, cell_centre};
use nn_core::{Domain, Feature};

use crate::render::colour::{Rgb, background, diverging};

/// Cells per side of a thumbnail.
pub const SIDE: usize = 20;

/// Averages a `resolution x resolution` grid (row-major) into `side x side` cells, appended to
/// `out`. Cell `(r, c)` is the mean of the grid's rows `r * resolution / side ..
/// (r + 1) * resolution / side` and likewise for columns, so every grid value counts once.
pub fn downsample(values: &[f64], resolution: usize, side: usize, out: &mut Vec<f64>) {
    debug_assert_eq!(values.len(), resolution * resolution);
    let bounds = |i: usize| (i * resolution / side, (i + 1) * resolution / side);
    for row in 0..side {
        let (top, bottom) = bounds(row);
        for col in 0..side {
            let (left, right) = bounds(col);
            let mut sum = 0.0;
            for grid_row in top..bottom {
                sum += values[grid_row * resolution + left..grid_row * resolution + right]
                    .iter()
                    .sum::<f64>();
            }
            let count = ((bottom - top) * (right - left)).max(1);
            out.push(sum / count as f64);
        }
    }
}

/// Every neuron's thumbnail (neuron-major, [`SIDE`]² values each) from the grid of all
/// neurons' outputs; empty when the grid is not a square one of `neurons` neurons (data off
/// the plane).
pub fn neuron_thumbnails(grid: &GridOutputs, neurons: usize) -> Vec<f64> {
    let n = grid.resolution;
    let square = n >= SIDE && grid.rows == n && grid.values.len() == neurons * n * n;
    if !square || neurons == 0 {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(neurons * SIDE * SIDE);
    for neuron in 0..neurons {
        downsample(grid.neuron(neuron), n, SIDE, &mut out);
    }
    out
}

/// Thumbnails of all seven features over `domain` (in [`Feature::ALL`] order), each scaled by
/// its largest magnitude over the domain so that it spans the colour scale.
pub fn feature_thumbnails(domain: &Domain) -> Vec<f64> {
    let mut out = Vec::with_capacity(Feature::ALL.len() * SIDE * SIDE);
    for feature in Feature::ALL {
        let start = out.len();
        for row in 0..SIDE {
            let x2 = cell_centre(domain.x2_max, domain.x2_min, SIDE, row);
            for col in 0..SIDE {
                let x1 = cell_centre(domain.x1_min, domain.x1_max, SIDE, col);
                out.push(feature.value(x1, x2));
            }
        }
        let largest = out[start..].iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        if largest > 0.0 {
            out[start..].iter_mut().for_each(|v| *v /= largest);
        }
    }
    out
}

/// Fills `pixels` with the RGBA pixels of one thumbnail's values, one pixel a cell.
pub fn thumbnail_pixels(values: &[f64], pixels: &mut Vec<u8>) {
    pixels.clear();
    for &value in values {
        let Rgb(r, g, b) = background(diverging(value));
        pixels.extend_from_slice(&[r, g, b, 255]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling_averages_whole_blocks() {
        // A 4 x 4 grid of its own indices, averaged to 2 x 2.
        let values: Vec<f64> = (0..16).map(f64::from).collect();
        let mut out = Vec::new();
        downsample(&values, 4, 2, &mut out);
        assert_eq!(out, [2.5, 4.5, 10.5, 12.5]);
    }

    #[test]
    fn the_boundary_grid_becomes_twenty_by_twenty_per_neuron() {
        let n = 100;
        let mut values = vec![1.0; n * n];
        values.extend(std::iter::repeat_n(-0.5, n * n));
        let grid = GridOutputs {
            resolution: n,
            rows: n,
            layer_sizes: vec![1, 1],
            values,
        };
        let thumbs = neuron_thumbnails(&grid, 2);
        assert_eq!(thumbs.len(), 2 * SIDE * SIDE);
        assert!(thumbs[..SIDE * SIDE].iter().all(|&v| v == 1.0));
        assert!(thumbs[SIDE * SIDE..].iter().all(|&v| v == -0.5));
    }

    #[test]
    fn an_empty_or_mismatched_grid_gives_no_thumbnails() {
        assert!(neuron_thumbnails(&GridOutputs::default(), 3).is_empty());
        let line = GridOutputs {
            resolution: 100,
            rows: 1,
            layer_sizes: vec![1],
            values: vec![0.0; 100],
        };
        assert!(neuron_thumbnails(&line, 1).is_empty());
    }

    #[test]
    fn feature_thumbnails_span_the_scale_with_x1_growing_to_the_right() {
        let thumbs = feature_thumbnails(&Domain::square(6.0));
        assert_eq!(thumbs.len(), 7 * SIDE * SIDE);
        let x1 = &thumbs[..SIDE * SIDE];
        assert!(x1[0] < 0.0 && x1[SIDE - 1] > 0.0);
        assert_eq!(x1.iter().fold(0.0_f64, |m, v| m.max(v.abs())), 1.0);
        let x2 = &thumbs[SIDE * SIDE..2 * SIDE * SIDE];
        assert!(x2[0] > 0.0, "row 0 is the top: the largest x2");
        let squared = &thumbs[2 * SIDE * SIDE..3 * SIDE * SIDE];
        assert!(squared.iter().all(|&v| (0.0..=1.0).contains(&v)));
    }

    #[test]
    fn pixels_are_opaque_and_one_per_cell() {
        let mut pixels = vec![9; 3];
        thumbnail_pixels(&[-1.0, 0.0, f64::NAN], &mut pixels);
        assert_eq!(pixels.len(), 12);
        assert!(pixels.chunks(4).all(|p| p[3] == 255));
    }
}

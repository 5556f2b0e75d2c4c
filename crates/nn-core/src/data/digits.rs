//! The 8x8 handwritten digits (1797 images, 64 pixels of ink count 0..16, labels 0..9).
//!
//! The data is the test part of the UCI "Optical Recognition of Handwritten Digits" set as
//! distributed with scikit-learn's `load_digits` (authors E. Alpaydin and C. Kaynak, CC BY 4.0;
//! see `data/README.md`). It is embedded in the build from `data/digits.bin`, one byte per
//! value, 65 bytes per image (64 pixels row by row, then the label), packed from
//! `data/digits.csv` by `data/pack_digits.py`. Nothing is read from disk at run time.

use crate::{Dataset, Task};

/// The packed images, embedded in the build.
static PACKED: &[u8] = include_bytes!("../../data/digits.bin");

/// Pixels per image (8 x 8).
pub const DIGIT_PIXELS: usize = 64;

/// Number of classes (the digits 0..9).
pub const DIGIT_CLASSES: usize = 10;

/// Largest ink count of a pixel.
pub const DIGIT_MAX_INK: f64 = 16.0;

/// Bytes per packed image: the pixels, then the label.
const RECORD: usize = DIGIT_PIXELS + 1;

/// All 1797 digit images in the source's order: 64 inputs per row (ink counts 0..16 as `f64`,
/// unscaled; pixel `i` is cell `8 * row + column`), 10 classes, no domain (the data is not
/// 2-D). No randomness and no noise apply; the split shuffles.
pub fn digits() -> Dataset {
    let images = PACKED.len() / RECORD;
    let mut inputs = Vec::with_capacity(images * DIGIT_PIXELS);
    let mut targets = Vec::with_capacity(images);
    for record in PACKED.chunks_exact(RECORD) {
        inputs.extend(record[..DIGIT_PIXELS].iter().map(|&ink| f64::from(ink)));
        targets.push(f64::from(record[DIGIT_PIXELS]));
    }
    let task = Task::Classification {
        classes: DIGIT_CLASSES,
    };
    Dataset {
        inputs,
        dim: DIGIT_PIXELS,
        targets,
        task,
        domain: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository's CSV copy, the source the packed file was made from (test builds only).
    const CSV: &str = include_str!("../../data/digits.csv");

    #[test]
    fn has_1797_images_of_64_pixels_in_range() {
        let data = digits();
        assert_eq!(PACKED.len() % RECORD, 0);
        assert_eq!(data.len(), 1797);
        assert_eq!(data.dim, 64);
        assert_eq!(data.inputs.len(), 1797 * 64);
        assert!(
            data.inputs
                .iter()
                .all(|&x| (0.0..=DIGIT_MAX_INK).contains(&x))
        );
        assert_eq!(data.inputs.iter().copied().fold(0.0, f64::max), 16.0);
        assert_eq!(data.domain, None);
    }

    #[test]
    fn label_counts_match_the_csv() {
        // Counted from data/digits.csv with `cut -d, -f65 | sort | uniq -c`.
        let expected = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];
        let mut counts = [0usize; 10];
        for &label in &digits().targets {
            counts[label as usize] += 1;
        }
        assert_eq!(counts, expected);
    }

    #[test]
    fn first_image_is_the_csv_first_row() {
        // The first data row of digits.csv: a zero.
        let first = [
            0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4,
            12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10,
            12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
        ];
        let data = digits();
        let want: Vec<f64> = first.iter().map(|&v| f64::from(v)).collect();
        assert_eq!(data.row(0), &want[..]);
        assert_eq!(data.targets[0], 0.0);
    }

    #[test]
    fn packed_file_matches_the_csv_value_for_value() {
        let data = digits();
        let mut lines = CSV.lines();
        assert!(
            lines
                .next()
                .is_some_and(|header| header.starts_with("pixel_0,"))
        );
        let mut rows = 0;
        for (i, line) in lines.enumerate() {
            let values: Vec<f64> = line.split(',').map(|v| v.parse().unwrap()).collect();
            assert_eq!(&values[..64], data.row(i), "row {i}");
            assert_eq!(values[64], data.targets[i], "row {i}");
            rows += 1;
        }
        assert_eq!(rows, data.len());
    }
}

//! Axis ticks: round values ("nice numbers": 1, 2 or 5 times a power of ten) across a range.

/// Ticks inside `[min, max]`, about `count` of them, at a step of 1, 2 or 5 times a power of
/// ten. An empty or non-finite range gives no ticks.
pub fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max <= min || count == 0 {
        return Vec::new();
    }
    let step = nice_step((max - min) / count as f64);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// The smallest of 1, 2, 5 times a power of ten that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw)
        .unwrap_or(raw)
}

/// A tick's label: as few decimals as the value needs (`-6`, `0.5`), never `-0`.
pub fn label(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_fall_on_round_values_inside_the_range() {
        assert_eq!(
            ticks(-6.0, 6.0, 6),
            vec![-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0]
        );
        assert_eq!(ticks(-0.5, 1.5, 4), vec![-0.5, 0.0, 0.5, 1.0, 1.5]);
        assert_eq!(ticks(0.0, 1.0, 0), Vec::<f64>::new());
        assert_eq!(ticks(1.0, 1.0, 5), Vec::<f64>::new());
        assert_eq!(ticks(f64::NAN, 1.0, 5), Vec::<f64>::new());
    }

    #[test]
    fn labels_are_short_and_never_negative_zero() {
        assert_eq!(label(-6.0), "-6");
        assert_eq!(label(0.5), "0.5");
        assert_eq!(label(-0.0), "0");
        assert_eq!(label(0.1 + 0.2), "0.3");
    }
}

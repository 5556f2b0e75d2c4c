//! The train/test split by share of all points, shuffled from the seed and stratified by class.
//!
//! The training part gets exactly `floor(n * percent_train / 100)` of the `n` points (the
//! reference's rule: `percent_train` is a share of all points, not a train:test ratio); the
//! test part gets the rest. Either part may be empty (a 100 % share, or too few points), which
//! is not an error: callers report an empty part's loss as absent.
//!
//! # Stratification
//! For classification the training count `t` is shared out among the classes by the largest
//! remainder method: class `c` with `n_c` points first gets `floor(n_c * t / n)`; the `t` minus
//! the sum of those (fewer than the number of classes) go one each to the classes with the
//! largest remainders `n_c * t mod n`, the lower class index first among equals. So the total is
//! exactly `t`, and each class's training count is within one point of its exact share
//! `n_c * t / n` (and its test count within one of `n_c * (n - t) / n`). Each class's points are
//! drawn at random, then both parts are shuffled so classes are interleaved. Targets that are
//! not class indices (never made by this crate's generators) are kept together as one more
//! group. Regression data is simply shuffled and cut.

use std::collections::BTreeMap;

use super::sampling::shuffle;
use crate::rng::Rng;
use crate::{Dataset, NnError, Task};

/// Number of training points for `n` points and a training share in percent:
/// `floor(n * percent_train / 100)`.
///
/// # Errors
/// [`NnError::TrainShareOutOfRange`] unless `percent_train` is a number in 0..=100.
pub fn train_count(n: usize, percent_train: f64) -> Result<usize, NnError> {
    if !(0.0..=100.0).contains(&percent_train) {
        return Err(NnError::TrainShareOutOfRange {
            percent: percent_train,
        });
    }
    // For an integral share and n below 2^45, n * p is exact and the quotient's rounding can
    // not cross an integer, so the floor is the exact integer floor(n p / 100).
    let exact = libm::floor(n as f64 * percent_train / 100.0) as usize;
    Ok(exact.min(n))
}

/// Splits `data` into (train, test): `floor(n * percent_train / 100)` training points and the
/// rest, drawn at random from `rng` and stratified by class for classification (see the module
/// documentation for how rounding shares the count among classes). Both parts keep the data's
/// dimension, task and domain, and either may be empty.
///
/// # Errors
/// [`NnError::TrainShareOutOfRange`] unless `percent_train` is a number in 0..=100.
pub fn split(
    data: &Dataset,
    percent_train: f64,
    rng: &mut Rng,
) -> Result<(Dataset, Dataset), NnError> {
    let train_total = train_count(data.len(), percent_train)?;
    let (mut train, mut test) = match data.task {
        Task::Classification { classes } => stratified(data, classes, train_total, rng),
        Task::Regression => cut_shuffled((0..data.len()).collect(), train_total, rng),
    };
    shuffle(&mut train, rng);
    shuffle(&mut test, rng);
    Ok((subset(data, &train), subset(data, &test)))
}

/// Training counts per group by the largest remainder method: `floor(size * train / total)`
/// each, then one more for the groups with the largest remainders until they sum to `train`
/// (`train` is capped at the total size).
pub fn stratified_counts(sizes: &[usize], train: usize) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    if total == 0 {
        return vec![0; sizes.len()];
    }
    let train = train.min(total);
    let scaled = |size: usize| size as u128 * train as u128;
    let mut counts: Vec<usize> = sizes
        .iter()
        .map(|&s| (scaled(s) / total as u128) as usize)
        .collect();
    // A stable sort: among equal remainders the lower group index comes first.
    let mut by_remainder: Vec<usize> = (0..sizes.len()).collect();
    by_remainder.sort_by_key(|&g| core::cmp::Reverse(scaled(sizes[g]) % total as u128));
    let missing = train - counts.iter().sum::<usize>();
    for &group in by_remainder.iter().take(missing) {
        counts[group] += 1;
    }
    counts
}

/// Row indices grouped by class, in class order, leaving out classes with no rows; targets that
/// are not class indices below `classes` form one more group, last.
fn class_groups(data: &Dataset, classes: usize) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &target) in data.targets.iter().enumerate() {
        let valid = target >= 0.0 && target.fract() == 0.0 && target < classes as f64;
        let group = if valid { target as usize } else { classes };
        groups.entry(group).or_default().push(i);
    }
    groups.into_values().collect()
}

/// Draws each class's training rows at random, in the counts [`stratified_counts`] gives.
fn stratified(
    data: &Dataset,
    classes: usize,
    train_total: usize,
    rng: &mut Rng,
) -> (Vec<usize>, Vec<usize>) {
    let groups = class_groups(data, classes);
    let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    let counts = stratified_counts(&sizes, train_total);
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (group, count) in groups.into_iter().zip(counts) {
        let (group_train, group_test) = cut_shuffled(group, count, rng);
        train.extend(group_train);
        test.extend(group_test);
    }
    (train, test)
}

/// Shuffles `indices` and cuts off the first `count` (at most all of them).
fn cut_shuffled(mut indices: Vec<usize>, count: usize, rng: &mut Rng) -> (Vec<usize>, Vec<usize>) {
    shuffle(&mut indices, rng);
    let rest = indices.split_off(count.min(indices.len()));
    (indices, rest)
}

/// The rows of `data` at `indices`, in that order, with its dimension, task and domain.
fn subset(data: &Dataset, indices: &[usize]) -> Dataset {
    let mut inputs = Vec::with_capacity(indices.len() * data.dim);
    for &i in indices {
        inputs.extend_from_slice(data.row(i));
    }
    let targets = indices.iter().map(|&i| data.targets[i]).collect();
    Dataset {
        inputs,
        dim: data.dim,
        targets,
        task: data.task,
        domain: data.domain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Gate, blobs, digits, gate, reg_plane};
    use crate::rng::rng_for;

    /// A regression data set of `n` points whose single input is the row number.
    fn numbered(n: usize) -> Dataset {
        let inputs: Vec<f64> = (0..n).map(|i| i as f64).collect();
        Dataset::new(inputs.clone(), 1, inputs, Task::Regression, None).unwrap()
    }

    /// Points per class.
    fn class_counts(data: &Dataset, classes: usize) -> Vec<usize> {
        let mut counts = vec![0; classes];
        data.targets.iter().for_each(|&t| counts[t as usize] += 1);
        counts
    }

    #[test]
    fn case_c06_counts_are_exact() {
        // ../shared/cases C06: counts_train_test for n = 500 and 1200 at 10, 50 and 90 %.
        let cases = [
            (500, 10.0, 50, 450),
            (500, 50.0, 250, 250),
            (500, 90.0, 450, 50),
            (1200, 10.0, 120, 1080),
            (1200, 50.0, 600, 600),
            (1200, 90.0, 1080, 120),
        ];
        for (n, percent, train_n, test_n) in cases {
            let (train, test) = split(&numbered(n), percent, &mut rng_for("c06", "split")).unwrap();
            assert_eq!(
                (train.len(), test.len()),
                (train_n, test_n),
                "n{n} p{percent}"
            );
        }
    }

    #[test]
    fn empty_parts_are_allowed() {
        let mut rng = rng_for("empty", "split");
        let (train, test) = split(&numbered(500), 100.0, &mut rng).unwrap();
        assert_eq!((train.len(), test.len(), train.dim), (500, 0, 1));
        let (train, test) = split(&numbered(3), 10.0, &mut rng).unwrap();
        assert_eq!((train.len(), test.len()), (0, 3));
        let (train, test) = split(&numbered(0), 50.0, &mut rng).unwrap();
        assert!(train.is_empty() && test.is_empty());
        let gates = gate(Gate::And, 0);
        assert!(split(&gates, 50.0, &mut rng).unwrap().0.is_empty());
    }

    #[test]
    fn the_parts_are_a_shuffled_partition() {
        let data = numbered(200);
        let (train, test) = split(&data, 30.0, &mut rng_for("partition", "split")).unwrap();
        let mut all: Vec<f64> = train.targets.iter().chain(&test.targets).copied().collect();
        assert_ne!(train.targets, (0..60).map(|i| i as f64).collect::<Vec<_>>());
        all.sort_by(f64::total_cmp);
        assert_eq!(all, data.targets);
        assert_eq!(
            train.inputs, train.targets,
            "rows must move with their targets"
        );
    }

    #[test]
    fn same_seed_same_split_other_seed_other_split() {
        let data = reg_plane(100, 0.0, &mut rng_for("s", "data")).unwrap();
        let first = split(&data, 50.0, &mut rng_for("one", "split")).unwrap();
        assert_eq!(
            first,
            split(&data, 50.0, &mut rng_for("one", "split")).unwrap()
        );
        assert_ne!(
            first,
            split(&data, 50.0, &mut rng_for("two", "split")).unwrap()
        );
    }

    #[test]
    fn classes_keep_their_share_within_one_point() {
        let images = digits();
        let sizes = class_counts(&images, 10);
        for percent in [10.0, 33.0, 67.0, 90.0] {
            let (train, test) = split(&images, percent, &mut rng_for("strata", "split")).unwrap();
            let t = train_count(1797, percent).unwrap();
            assert_eq!(train.len(), t);
            let (train_c, test_c) = (class_counts(&train, 10), class_counts(&test, 10));
            for c in 0..10 {
                let exact = sizes[c] as f64 * t as f64 / 1797.0;
                assert!(
                    (train_c[c] as f64 - exact).abs() < 1.0,
                    "class {c} at {percent}"
                );
                let exact_test = sizes[c] as f64 - exact;
                assert!(
                    (test_c[c] as f64 - exact_test).abs() < 1.0,
                    "class {c} at {percent}"
                );
            }
        }
    }

    #[test]
    fn lecture_digits_split_is_1203_by_594() {
        // The lecture's test share 0.33 is a 67 % training share.
        let (train, test) = split(&digits(), 67.0, &mut rng_for("d", "split")).unwrap();
        assert_eq!((train.len(), test.len()), (1203, 594));
    }

    #[test]
    fn largest_remainders_break_ties_by_class_order() {
        // 3 classes of 5 (n = 15), 7 training points: exact shares 7/3 each, floors 2 + 2 + 2,
        // one left over goes to the first of three equal remainders.
        assert_eq!(stratified_counts(&[5, 5, 5], 7), vec![3, 2, 2]);
        // Sizes 1, 2, 7 with 5 training points: shares 0.5, 1, 3.5 -> 0 + 1 + 3, then one more
        // for the first largest remainder (class 0).
        assert_eq!(stratified_counts(&[1, 2, 7], 5), vec![1, 1, 3]);
        assert_eq!(stratified_counts(&[0, 0], 0), vec![0, 0]);
    }

    #[test]
    fn gate_split_keeps_the_table_balanced() {
        let data = gate(Gate::Xor, 100);
        let (train, _) = split(&data, 50.0, &mut rng_for("g", "split")).unwrap();
        assert_eq!(class_counts(&train, 2), vec![100, 100]);
    }

    #[test]
    fn stray_targets_and_huge_class_counts_do_not_panic() {
        // Targets 0, 1 and two that are not class indices (2.5 and -1), under a class count far
        // beyond the data: the strays form their own group, split like a class.
        let targets = vec![0.0, 0.0, 1.0, 1.0, 2.5, -1.0];
        let inputs = targets.clone();
        let task = Task::Classification {
            classes: usize::MAX,
        };
        let data = Dataset::new(inputs, 1, targets, task, None).unwrap();
        let (train, test) = split(&data, 50.0, &mut rng_for("stray", "split")).unwrap();
        assert_eq!((train.len(), test.len()), (3, 3));
        let strays = train
            .targets
            .iter()
            .filter(|t| t.fract() != 0.0 || **t < 0.0)
            .count();
        assert_eq!(
            strays, 1,
            "one of the two strays trains: {:?}",
            train.targets
        );
    }

    #[test]
    fn bad_shares_are_errors() {
        let data = numbered(10);
        let mut rng = rng_for("bad", "split");
        assert_eq!(
            split(&data, 100.5, &mut rng),
            Err(NnError::TrainShareOutOfRange { percent: 100.5 })
        );
        assert!(split(&data, -1.0, &mut rng).is_err());
        assert!(split(&data, f64::NAN, &mut rng).is_err());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]

            #[test]
            fn sizes_sum_to_n_with_floor_train(n in 0usize..400, percent in 0u32..=100,
                                               classes in 2usize..=6, seed in 0u32..1000) {
                let mut rng = rng_for(&seed.to_string(), "data");
                let data = blobs(n, classes, 0.1, &mut rng).unwrap();
                let (train, test) = split(&data, f64::from(percent), &mut rng).unwrap();
                prop_assert_eq!(train.len() + test.len(), n);
                prop_assert_eq!(train.len(), n * percent as usize / 100);
                prop_assert_eq!(train.inputs.len(), train.len() * 2);
                let sizes = class_counts(&data, classes);
                let train_c = class_counts(&train, classes);
                let test_c = class_counts(&test, classes);
                for c in 0..classes {
                    prop_assert_eq!(train_c[c] + test_c[c], sizes[c]);
                    let exact = sizes[c] as f64 * train.len() as f64 / n.max(1) as f64;
                    prop_assert!((train_c[c] as f64 - exact).abs() < 1.0);
                }
            }

            #[test]
            fn fractional_shares_floor(n in 0usize..2000, percent in 0.0..=100.0f64) {
                let t = train_count(n, percent).unwrap();
                prop_assert!(t <= n);
                prop_assert!((t as f64) <= n as f64 * percent / 100.0);
                prop_assert!((t as f64 + 1.0) > n as f64 * percent / 100.0);
            }
        }
    }
}

//! 2-D classification generators on the domain [-6, 6]^2.
//!
//! `circle`, `xor`, `gauss` and `spiral` follow the reference product's generators (two classes;
//! class 1 is its +1/blue, class 0 its -1/orange); `blobs` and `spiral_k` extend them to K = 2..6
//! classes. Each takes the number of points `n` (the reference uses
//! [`DEFAULT_CLASSIFY_POINTS`](super::DEFAULT_CLASSIFY_POINTS) = 500), a noise level in 0..=0.5
//! and the seeded generator, and returns exactly `n` points, grouped by how they were drawn
//! (the split shuffles them). Where classes are drawn apart, their sizes differ by at most one,
//! the first classes taking the extra points. Every point lies inside [-6, 6]^2.

use core::f64::consts::{FRAC_PI_4, PI, TAU};

use super::sampling::{normal_within, uniform};
use super::{
    Builder, PLANE_HALF_WIDTH, check_classes, check_points_and_noise, class_of, group_sizes,
};
use crate::rng::Rng;
use crate::{Dataset, NnError, Task};

/// Radius of the circle data's outer ring; the class boundary is the circle of half this radius.
const CIRCLE_RADIUS: f64 = 5.0;
/// Half the side of the square the xor points are first drawn in.
const XOR_HALF_WIDTH: f64 = 5.0;
/// How far xor points are pushed away from the axes.
const XOR_PADDING: f64 = 0.3;
/// Coordinate of the gauss data's cluster centres: (2, 2) for class 1, (-2, -2) for class 0.
const GAUSS_CENTRE: f64 = 2.0;
/// Distance of the blobs' cluster centres from the origin.
const BLOB_RADIUS: f64 = 4.0;
/// Radius a spiral arm reaches at its end.
const SPIRAL_RADIUS: f64 = 5.0;
/// Turns a spiral arm makes.
const SPIRAL_TURNS: f64 = 1.75;

/// The two-class task.
const TWO_CLASSES: Task = Task::Classification { classes: 2 };

/// Two rings around the origin: `n - n / 2` points at radius uniform in [0, 2.5] (class 1,
/// inside), then `n / 2` at radius uniform in [3.5, 5] (class 0, outside), at uniform angles.
///
/// Noise: each point's label is decided on a copy shifted by uniform(-5, 5) * noise in each
/// axis (inside radius 2.5 or not), so noise flips labels near the boundary while the points
/// themselves stay where they are: for a given seed the points are the same at every noise level.
pub fn circle(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset, NnError> {
    check_points_and_noise(n, noise)?;
    let mut points = Builder::with_capacity(n, 2);
    let inner = n - n / 2;
    for i in 0..n {
        let (r_min, r_max) = if i < inner {
            (0.0, 0.5 * CIRCLE_RADIUS)
        } else {
            (0.7 * CIRCLE_RADIUS, CIRCLE_RADIUS)
        };
        let r = uniform(rng, r_min, r_max);
        let angle = uniform(rng, 0.0, TAU);
        let (x1, x2) = (r * libm::sin(angle), r * libm::cos(angle));
        let (s1, s2) = shifted(x1, x2, CIRCLE_RADIUS * noise, rng);
        let inside = libm::sqrt(s1 * s1 + s2 * s2) < 0.5 * CIRCLE_RADIUS;
        points.push(x1, x2, class_of(inside));
    }
    Ok(points.finish(TWO_CLASSES))
}

/// The four quadrants: each coordinate uniform in (-5, 5), then pushed 0.3 away from its axis
/// (so |x| >= 0.3); class 1 where x1 * x2 >= 0 (first and third quadrants), class 0 elsewhere.
/// Class sizes are random (about half each).
///
/// Noise: the label is decided on a copy shifted by uniform(-5, 5) * noise in each axis, so
/// noise flips labels near the axes while the points stay where they are.
pub fn xor(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset, NnError> {
    check_points_and_noise(n, noise)?;
    let mut points = Builder::with_capacity(n, 2);
    for _ in 0..n {
        let x1 = padded_coordinate(rng);
        let x2 = padded_coordinate(rng);
        let (s1, s2) = shifted(x1, x2, XOR_HALF_WIDTH * noise, rng);
        points.push(x1, x2, class_of(s1 * s2 >= 0.0));
    }
    Ok(points.finish(TWO_CLASSES))
}

/// Two gaussian clouds: `n - n / 2` points around (2, 2) (class 1), then `n / 2` around
/// (-2, -2) (class 0), each coordinate normal and redrawn if it would leave [-6, 6] (the
/// reference lets such points fall off the drawn domain).
///
/// Noise: sets the spread. Each coordinate's variance is 0.5 + 7 * noise, from 0.5 at noise 0
/// to 4 at noise 0.5, as in the reference; the clouds overlap more as it grows.
pub fn gauss(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset, NnError> {
    check_points_and_noise(n, noise)?;
    let mut points = Builder::with_capacity(n, 2);
    let sd = cloud_sd(noise);
    let centre = [GAUSS_CENTRE, -GAUSS_CENTRE];
    for (class, size) in group_sizes(n, 2).enumerate() {
        let c = centre[class];
        push_cloud(&mut points, (c, c), sd, (size, 1.0 - class as f64), rng);
    }
    Ok(points.finish(TWO_CLASSES))
}

/// Two interleaved spiral arms: `n - n / 2` points on the arm starting at angle 0 (class 1),
/// then `n / 2` on the arm turned by pi (class 0). Point `i` of an arm of `m` points has radius
/// 5 i / m and angle 1.75 * 2 pi * i / m plus the arm's turn, at (r sin t, r cos t).
///
/// Noise: each coordinate is shifted by uniform(-1, 1) * noise, blurring the arms; labels do
/// not change.
pub fn spiral(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset, NnError> {
    check_points_and_noise(n, noise)?;
    let mut points = Builder::with_capacity(n, 2);
    for (arm, size) in group_sizes(n, 2).enumerate() {
        let turn = PI * arm as f64;
        push_arm(&mut points, (size, turn), 1.0 - arm as f64, noise, rng);
    }
    Ok(points.finish(TWO_CLASSES))
}

/// `classes` gaussian clusters (K = 2..=6), centred on the circle of radius 4 at angles
/// pi/4 + 2 pi k / K, so K = 2 lies on the diagonal like [`gauss`]. Cluster `k` is class `k`
/// and gets `n / K` points, one more for the first `n % K` clusters; coordinates are normal and
/// redrawn if they would leave [-6, 6].
///
/// Noise: sets the spread as in [`gauss`]: variance 0.5 + 7 * noise per coordinate.
pub fn blobs(n: usize, classes: usize, noise: f64, rng: &mut Rng) -> Result<Dataset, NnError> {
    check_points_and_noise(n, noise)?;
    check_classes(classes)?;
    let mut points = Builder::with_capacity(n, 2);
    let sd = cloud_sd(noise);
    for (class, size) in group_sizes(n, classes).enumerate() {
        let angle = FRAC_PI_4 + TAU * class as f64 / classes as f64;
        let centre = (
            BLOB_RADIUS * libm::cos(angle),
            BLOB_RADIUS * libm::sin(angle),
        );
        push_cloud(&mut points, centre, sd, (size, class as f64), rng);
    }
    Ok(points.finish(Task::Classification { classes }))
}

/// `classes` interleaved spiral arms (K = 2..=6): arm `k` is class `k`, turned by 2 pi k / K,
/// with `n / K` points (one more for the first `n % K` arms) laid out as in [`spiral`]. For
/// K = 2 the points equal [`spiral`]'s, with the class indices swapped.
///
/// Noise: each coordinate is shifted by uniform(-1, 1) * noise, as in [`spiral`].
pub fn spiral_k(n: usize, classes: usize, noise: f64, rng: &mut Rng) -> Result<Dataset, NnError> {
    check_points_and_noise(n, noise)?;
    check_classes(classes)?;
    let mut points = Builder::with_capacity(n, 2);
    for (arm, size) in group_sizes(n, classes).enumerate() {
        let turn = TAU * arm as f64 / classes as f64;
        push_arm(&mut points, (size, turn), arm as f64, noise, rng);
    }
    Ok(points.finish(Task::Classification { classes }))
}

/// The point shifted by uniform(-reach, reach) in each axis (two draws, even when `reach` is 0,
/// so the stream, and with it every point, does not depend on the noise level).
fn shifted(x1: f64, x2: f64, reach: f64, rng: &mut Rng) -> (f64, f64) {
    let s1 = x1 + uniform(rng, -1.0, 1.0) * reach;
    let s2 = x2 + uniform(rng, -1.0, 1.0) * reach;
    (s1, s2)
}

/// A coordinate uniform in (-5, 5) pushed 0.3 away from zero (zero itself goes to -0.3).
fn padded_coordinate(rng: &mut Rng) -> f64 {
    let value = uniform(rng, -XOR_HALF_WIDTH, XOR_HALF_WIDTH);
    if value > 0.0 {
        value + XOR_PADDING
    } else {
        value - XOR_PADDING
    }
}

/// The standard deviation of a gaussian cloud at a noise level: sqrt(0.5 + 7 * noise).
fn cloud_sd(noise: f64) -> f64 {
    libm::sqrt(0.5 + 7.0 * noise)
}

/// Pushes `size` points of class `class` (given together as `(size, class)`) drawn around
/// `centre` with standard deviation `sd` per coordinate, truncated to the domain.
fn push_cloud(
    points: &mut Builder,
    centre: (f64, f64),
    sd: f64,
    (size, class): (usize, f64),
    rng: &mut Rng,
) {
    let (low, high) = (-PLANE_HALF_WIDTH, PLANE_HALF_WIDTH);
    for _ in 0..size {
        let x1 = normal_within(rng, centre.0, sd, low, high);
        let x2 = normal_within(rng, centre.1, sd, low, high);
        points.push(x1, x2, class);
    }
}

/// Pushes one spiral arm of `size` points turned by `turn` (given as `(size, turn)`), all of
/// class `class`, each coordinate shifted by uniform(-1, 1) * noise.
fn push_arm(
    points: &mut Builder,
    (size, turn): (usize, f64),
    class: f64,
    noise: f64,
    rng: &mut Rng,
) {
    for i in 0..size {
        let progress = i as f64 / size as f64;
        let r = SPIRAL_RADIUS * progress;
        let t = SPIRAL_TURNS * TAU * progress + turn;
        let (x1, x2) = shifted(r * libm::sin(t), r * libm::cos(t), noise, rng);
        points.push(x1, x2, class);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DEFAULT_CLASSIFY_POINTS as N;
    use crate::rng::rng_for;

    /// A generator of this file with its class count fixed, for loops over all of them.
    type Generator = Box<dyn Fn(usize, f64, &mut Rng) -> Result<Dataset, NnError>>;

    /// Every generator of this file, named, with the multi-class ones at K = 3 and K = 6.
    fn all_generators() -> Vec<(&'static str, Generator)> {
        vec![
            ("circle", Box::new(circle)),
            ("xor", Box::new(xor)),
            ("gauss", Box::new(gauss)),
            ("spiral", Box::new(spiral)),
            (
                "blobs3",
                Box::new(|n, noise, rng: &mut Rng| blobs(n, 3, noise, rng)),
            ),
            (
                "blobs6",
                Box::new(|n, noise, rng: &mut Rng| blobs(n, 6, noise, rng)),
            ),
            (
                "spiral3",
                Box::new(|n, noise, rng: &mut Rng| spiral_k(n, 3, noise, rng)),
            ),
            (
                "spiral6",
                Box::new(|n, noise, rng: &mut Rng| spiral_k(n, 6, noise, rng)),
            ),
        ]
    }

    /// Generates with the test seed.
    fn make(generator: &Generator, n: usize, noise: f64) -> Dataset {
        generator(n, noise, &mut rng_for("classify-tests", "data")).unwrap()
    }

    /// Number of points of each class.
    fn class_counts(data: &Dataset) -> Vec<usize> {
        let Task::Classification { classes } = data.task else {
            panic!("not classification")
        };
        let mut counts = vec![0; classes];
        data.targets.iter().for_each(|&t| counts[t as usize] += 1);
        counts
    }

    #[test]
    fn first_and_last_points_are_pinned() {
        // Computed once with seed "classify-tests"/"data", 500 points at noise 0.2: these pin
        // the random stream and the generators' arithmetic, so any change to either (or to the
        // sampling helpers) is noticed here. They must stay bit-identical natively and in wasm.
        // Each entry: (name, first point, its class, last point, its class).
        let expected = [
            ("circle", [-0.39320172173062684, -1.3667407847815416], 1.0),
            ("xor", [0.9887087698453236, 0.745837646659756], 1.0),
            ("gauss", [0.28164858578415664, 1.517115813158297], 1.0),
            ("spiral", [0.027548350793812928, 0.017833505866390233], 1.0),
            ("blobs3", [1.110075710530347, 2.3455429379044865], 0.0),
            ("blobs6", [1.110075710530347, 2.3455429379044865], 0.0),
            ("spiral3", [0.027548350793812928, 0.017833505866390233], 0.0),
            ("spiral6", [0.027548350793812928, 0.017833505866390233], 0.0),
        ];
        let expected_last = [
            ([4.302881723644041, 2.1930364872516432], 0.0),
            ([4.163422998865335, -3.5501787440273276], 0.0),
            ([-3.340568460187323, -1.6837746025133844], 0.0),
            ([4.784694779038294, 0.35960788109963393], 0.0),
            ([0.22195608468674177, -4.0391119075882775], 2.0),
            ([1.875019147729111, -1.9551871338276743], 5.0),
            ([2.573885565450446, -3.9894785742087255], 2.0),
            ([-2.073653331147476, -4.426071242260684], 5.0),
        ];
        let generators = all_generators();
        for (((name, generator), first), last) in generators.iter().zip(expected).zip(expected_last)
        {
            let data = make(generator, N, 0.2);
            assert_eq!(*name, first.0);
            assert_eq!(
                (data.row(0), data.targets[0]),
                (&first.1[..], first.2),
                "{name}"
            );
            assert_eq!(
                (data.row(N - 1), data.targets[N - 1]),
                (&last.0[..], last.1),
                "{name}"
            );
        }
    }

    #[test]
    fn every_point_is_inside_the_domain_with_a_valid_label() {
        for (name, generator) in all_generators() {
            for noise in [0.0, 0.25, 0.5] {
                let data = make(&generator, N, noise);
                assert_eq!(data.len(), N, "{name}");
                assert!(
                    data.inputs.iter().all(|x| (-6.0..=6.0).contains(x)),
                    "{name} {noise}"
                );
                assert!(class_counts(&data).iter().sum::<usize>() == N, "{name}");
                assert!(data.targets.iter().all(|t| t.fract() == 0.0), "{name}");
            }
        }
    }

    #[test]
    fn classes_are_balanced_at_zero_noise() {
        let mut rng = rng_for("balance", "data");
        assert_eq!(class_counts(&circle(N, 0.0, &mut rng).unwrap()), [250, 250]);
        assert_eq!(class_counts(&gauss(N, 0.5, &mut rng).unwrap()), [250, 250]);
        assert_eq!(
            class_counts(&spiral(501, 0.5, &mut rng).unwrap()),
            [250, 251]
        );
        assert_eq!(
            class_counts(&blobs(N, 3, 0.5, &mut rng).unwrap()),
            [167, 167, 166]
        );
        let six = class_counts(&spiral_k(N, 6, 0.5, &mut rng).unwrap());
        assert_eq!(six, [84, 84, 83, 83, 83, 83]);
        // xor's classes are random, about half each (sd of the count ~ 11).
        let xor_blue = class_counts(&xor(N, 0.0, &mut rng).unwrap())[1];
        assert!((200..=300).contains(&xor_blue), "{xor_blue}");
    }

    #[test]
    fn circle_rings_and_labels_follow_the_radius_without_noise() {
        let data = circle(N, 0.0, &mut rng_for("rings", "data")).unwrap();
        for i in 0..N {
            let [x1, x2] = [data.row(i)[0], data.row(i)[1]];
            let r = libm::sqrt(x1 * x1 + x2 * x2);
            let inner = i < 250;
            assert_eq!(data.targets[i], class_of(inner), "point {i}");
            let (low, high) = if inner { (0.0, 2.5) } else { (3.5, 5.0) };
            assert!(
                r >= low - 1e-12 && r <= high + 1e-12,
                "point {i} at radius {r}"
            );
        }
    }

    #[test]
    fn circle_and_xor_noise_moves_labels_not_points() {
        for generator in [&circle as &dyn Fn(_, _, &mut Rng) -> _, &xor] {
            let clean = generator(N, 0.0, &mut rng_for("same", "data")).unwrap();
            let noisy: Dataset = generator(N, 0.5, &mut rng_for("same", "data")).unwrap();
            assert_eq!(clean.inputs, noisy.inputs);
            let flipped = (0..N)
                .filter(|&i| clean.targets[i] != noisy.targets[i])
                .count();
            assert!(flipped > 10 && flipped < 250, "{flipped} labels flipped");
        }
    }

    #[test]
    fn xor_points_keep_off_the_axes_and_label_by_quadrant() {
        let data = xor(N, 0.0, &mut rng_for("quadrants", "data")).unwrap();
        for i in 0..N {
            let [x1, x2] = [data.row(i)[0], data.row(i)[1]];
            assert!(x1.abs() >= 0.3 && x2.abs() >= 0.3 && x1.abs() <= 5.3);
            assert_eq!(data.targets[i], class_of(x1 * x2 >= 0.0));
        }
    }

    #[test]
    fn cloud_means_sit_on_their_centres() {
        let data = blobs(600, 4, 0.0, &mut rng_for("centres", "data")).unwrap();
        for class in 0..4 {
            let angle = FRAC_PI_4 + TAU * class as f64 / 4.0;
            let rows: Vec<&[f64]> = (0..600)
                .filter(|&i| data.targets[i] == class as f64)
                .map(|i| data.row(i))
                .collect();
            let mean = |axis: usize| rows.iter().map(|r| r[axis]).sum::<f64>() / rows.len() as f64;
            // 150 points of sd 0.71: the mean's standard error is about 0.06.
            assert!(
                (mean(0) - 4.0 * libm::cos(angle)).abs() < 0.25,
                "class {class}"
            );
            assert!(
                (mean(1) - 4.0 * libm::sin(angle)).abs() < 0.25,
                "class {class}"
            );
        }
    }

    #[test]
    fn two_arm_spiral_k_is_spiral_with_classes_swapped() {
        let two = spiral(N, 0.3, &mut rng_for("arms", "data")).unwrap();
        let k2 = spiral_k(N, 2, 0.3, &mut rng_for("arms", "data")).unwrap();
        assert_eq!(two.inputs, k2.inputs);
        assert!(
            two.targets
                .iter()
                .zip(&k2.targets)
                .all(|(a, b)| a + b == 1.0)
        );
    }

    #[test]
    fn odd_and_tiny_counts_give_exactly_n_points() {
        for (name, generator) in all_generators() {
            for n in [0, 1, 3, 7] {
                assert_eq!(make(&generator, n, 0.1).len(), n, "{name} n={n}");
            }
        }
    }

    #[test]
    fn bad_parameters_are_errors() {
        let mut rng = rng_for("bad", "data");
        let noise_err = NnError::NoiseOutOfRange { noise: 0.6 };
        assert_eq!(circle(N, 0.6, &mut rng), Err(noise_err));
        assert!(gauss(N, f64::NAN, &mut rng).is_err());
        assert_eq!(
            blobs(N, 7, 0.0, &mut rng),
            Err(NnError::ClassCountOutOfRange { classes: 7 })
        );
        assert!(spiral_k(N, 1, 0.0, &mut rng).is_err());
        assert!(xor(crate::data::MAX_POINTS + 1, 0.0, &mut rng).is_err());
    }
}

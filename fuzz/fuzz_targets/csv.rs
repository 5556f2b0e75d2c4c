//! The CSV reader on arbitrary text, for both problems: it never panics, every point it keeps
//! is within the limits, and a refusal names what was wrong.
#![no_main]

use libfuzzer_sys::fuzz_target;
use playground_model::config::Problem;
use playground_model::own_data::{MAX_OWN_POINTS, check_point, read_csv};

fuzz_target!(|input: (bool, u8, &str)| {
    let (regression, classes, text) = input;
    let problem = if regression {
        Problem::Regression
    } else {
        Problem::Classification
    };
    let classes = usize::from(classes % 5) + 2;
    match read_csv(text, problem, classes) {
        Err(err) => assert!(!err.to_string().is_empty()),
        Ok(points) => {
            assert!(points.len() <= MAX_OWN_POINTS);
            for point in &points {
                assert_eq!(check_point(point, problem, classes), Ok(()), "{point:?}");
            }
        }
    }
});

//! The file decoders fed arbitrary text and near-misses of real files. The CSV reader never
//! panics, keeps only points within the limits, and names the line of anything it refuses; the
//! model-file importer never panics, and what it accepts is a run with finite numbers that
//! trains on.

use playground_model::config::Problem;
use playground_model::model_file::{export, import};
use playground_model::own_data::{MAX_OWN_POINTS, OwnData, check_point, read_csv};
use playground_model::{ModelError, Session, decode};
use proptest::prelude::*;
use serde_json::Value;

/// A point line of a CSV file, well formed, for two classes.
fn good_line() -> impl Strategy<Value = String> {
    (-6.0..6.0f64, -6.0..6.0f64, 0..2u8).prop_map(|(x1, x2, class)| format!("{x1},{x2},{class}"))
}

/// A field that almost reads: out of range, not finite, not a number, quoted, empty.
fn bad_field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("6.0001".to_string()),
        Just("-1e309".to_string()),
        Just("\"1\"x".to_string()),
        Just(String::new()),
        Just("0x10".to_string()),
        Just("1,5".to_string()),
        "[a-z]{1,8}",
    ]
}

/// Every point the reader keeps is within the limits of its problem.
fn check_points(text: &str, problem: Problem, classes: usize) -> Result<usize, ModelError> {
    let points = read_csv(text, problem, classes)?;
    assert!(points.len() <= MAX_OWN_POINTS);
    for point in &points {
        assert_eq!(check_point(point, problem, classes), Ok(()), "{point:?}");
    }
    Ok(points.len())
}

/// A small trained run's model file, as JSON.
fn model_file() -> Value {
    let decoded = decode("#networkShape=3,2&optimizer=adam&seed=fuzz", String::new);
    let mut session = Session::new(decoded.config).unwrap();
    session.run(3).unwrap();
    serde_json::from_str(&export(&session).unwrap()).unwrap()
}

/// Every number, string and array slot of a JSON value, by path.
fn leaves(value: &Value, path: &mut Vec<String>, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                path.push(key.clone());
                leaves(inner, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate().take(4) {
                path.push(i.to_string());
                leaves(inner, path, out);
                path.pop();
            }
        }
        _ => out.push(path.join("/")),
    }
}

/// Replaces the value at `path` (a `/`-joined list of keys and indices).
fn set_at(value: &mut Value, path: &str, new: Value) {
    let pointer = format!("/{path}");
    if let Some(slot) = value.pointer_mut(&pointer) {
        *slot = new;
    }
}

/// What a near-miss puts in a model file: numbers out of range, wrong types, empties.
fn bad_json() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!(1e300)),
        Just(serde_json::json!(u64::MAX)),
        Just(serde_json::json!("")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([1e300, -1e300])),
        (-1e6..1e6f64).prop_map(|x| serde_json::json!(x)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn csv_of_arbitrary_text_never_panics(text in "\\PC{0,400}", regression in any::<bool>()) {
        let problem = if regression { Problem::Regression } else { Problem::Classification };
        if let Err(err) = check_points(&text, problem, 3) {
            prop_assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn a_bad_field_is_refused_with_its_own_line(
        lines in prop::collection::vec(good_line(), 1..30),
        at in any::<prop::sample::Index>(),
        column in 0..3usize,
        field in bad_field(),
    ) {
        let bad = at.index(lines.len());
        let mut text_lines = lines.clone();
        let mut fields: Vec<String> = text_lines[bad].split(',').map(String::from).collect();
        fields[column] = field;
        text_lines[bad] = fields.join(",");
        let text = format!("x1,x2,label\n{}\n", text_lines.join("\n"));
        match check_points(&text, Problem::Classification, 2) {
            Err(ModelError::Csv { line, message }) => {
                prop_assert_eq!(line, bad + 2, "{}", message);
            }
            other => prop_assert!(false, "{text:?} gave {other:?}"),
        }
        let good = format!("{}\n", lines.join("\n"));
        prop_assert_eq!(check_points(&good, Problem::Classification, 2).unwrap(), lines.len());
    }

    #[test]
    fn model_files_of_arbitrary_text_never_panic(text in "\\PC{0,300}") {
        let err = import(&text).unwrap_err();
        prop_assert!(!err.to_string().is_empty());
    }

    #[test]
    fn near_miss_model_files_are_refused_or_train_on_with_finite_numbers(
        at in any::<prop::sample::Index>(),
        new in bad_json(),
    ) {
        let mut file = model_file();
        let mut paths = Vec::new();
        leaves(&file, &mut Vec::new(), &mut paths);
        let path = &paths[at.index(paths.len())];
        set_at(&mut file, path, new);
        match import(&file.to_string()) {
            Err(err) => prop_assert!(!err.to_string().is_empty(), "{path}"),
            Ok(imported) => {
                let mut session = imported.session;
                let readout = session.run(2).unwrap();
                prop_assert!(readout.train_loss.is_none_or(f64::is_finite), "{path}");
                let own: &OwnData = session.own_data();
                prop_assert!(own.check(6).is_ok(), "{path}");
            }
        }
    }
}

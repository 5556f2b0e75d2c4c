//! The user's own data: points of the plane placed by clicks on the decision boundary or read
//! from a CSV file, each with a class (classification) or a value (regression).
//!
//! Classification and regression keep separate point lists, like two data sets. The limits
//! below hold whatever the source: at most [`MAX_OWN_POINTS`] points, inside the plane's domain
//! `[-6, 6]^2`, classes `0..classes` (for two classes `-1` also reads as class 0, as in
//! TensorFlow Playground's labels), values in `[-1, 1]`. A CSV file of more than
//! [`MAX_CSV_BYTES`] is refused before it is read; a bad line refuses the whole file with its
//! line number, so the data in use stay as they were.

use nn_core::data::{PLANE_HALF_WIDTH, plane_domain};
use nn_core::{Dataset, Task};
use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::config::Problem;

/// Most points of the user's own data (per problem type).
pub const MAX_OWN_POINTS: usize = 2000;
/// Largest CSV file read, in bytes (a 2000-point file with long decimals takes about 100 kB).
pub const MAX_CSV_BYTES: usize = 200_000;
/// Largest value of a regression point (the colour scale's ends are -1 and +1).
pub const MAX_VALUE: f64 = 1.0;

/// One point of the user's data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OwnPoint {
    /// First input, in `[-6, 6]`.
    pub x1: f64,
    /// Second input, in `[-6, 6]`.
    pub x2: f64,
    /// The class index (classification) or the value in `[-1, 1]` (regression).
    pub label: f64,
}

/// The user's points, one list per problem type.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OwnData {
    /// Points of a classification, labelled by class index.
    #[serde(default)]
    pub classification: Vec<OwnPoint>,
    /// Points of a regression, labelled by value.
    #[serde(default)]
    pub regression: Vec<OwnPoint>,
}

impl OwnData {
    /// The points of `problem`.
    pub fn points(&self, problem: Problem) -> &[OwnPoint] {
        match problem {
            Problem::Classification => &self.classification,
            Problem::Regression => &self.regression,
        }
    }

    /// Whether both lists are empty.
    pub fn is_empty(&self) -> bool {
        self.classification.is_empty() && self.regression.is_empty()
    }

    /// Adds a point to the list of `problem` after checking it (see [`check_point`]).
    ///
    /// # Errors
    /// [`ModelError::BadPoint`] for a point outside the limits, [`ModelError::TooManyPoints`]
    /// when the list is full.
    pub fn add(
        &mut self,
        problem: Problem,
        point: OwnPoint,
        classes: usize,
    ) -> Result<(), ModelError> {
        check_point(&point, problem, classes).map_err(ModelError::BadPoint)?;
        let list = self.list_mut(problem);
        if list.len() >= MAX_OWN_POINTS {
            return Err(ModelError::TooManyPoints {
                max: MAX_OWN_POINTS,
            });
        }
        list.push(point);
        Ok(())
    }

    /// Removes the point of `problem` nearest to `(x1, x2)` if it lies within `radius`;
    /// returns whether one was removed.
    pub fn remove_near(&mut self, problem: Problem, x1: f64, x2: f64, radius: f64) -> bool {
        let list = self.list_mut(problem);
        let distance = |p: &OwnPoint| (p.x1 - x1).hypot(p.x2 - x2);
        let nearest = list
            .iter()
            .enumerate()
            .map(|(i, p)| (i, distance(p)))
            .filter(|&(_, d)| d <= radius)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match nearest {
            Some((index, _)) => {
                list.remove(index);
                true
            }
            None => false,
        }
    }

    /// Replaces the points of `problem`.
    pub fn set(&mut self, problem: Problem, points: Vec<OwnPoint>) {
        *self.list_mut(problem) = points;
    }

    /// Checks every point of both lists, as a file from outside must be checked.
    ///
    /// # Errors
    /// The first problem found, naming the point.
    pub fn check(&self, classes: usize) -> Result<(), ModelError> {
        for problem in [Problem::Classification, Problem::Regression] {
            let points = self.points(problem);
            if points.len() > MAX_OWN_POINTS {
                return Err(ModelError::TooManyPoints {
                    max: MAX_OWN_POINTS,
                });
            }
            for (i, point) in points.iter().enumerate() {
                check_point(point, problem, classes)
                    .map_err(|why| ModelError::BadPoint(format!("point {}: {why}", i + 1)))?;
            }
        }
        Ok(())
    }

    /// The points of `problem` as a data set of the plane, keeping only the classes below
    /// `classes` (fewer classes than before leave the other points out until there are
    /// enough again).
    pub fn dataset(&self, problem: Problem, classes: usize) -> Dataset {
        let task = match problem {
            Problem::Classification => Task::Classification { classes },
            Problem::Regression => Task::Regression,
        };
        let keep = |p: &&OwnPoint| problem == Problem::Regression || p.label < classes as f64;
        let points: Vec<&OwnPoint> = self.points(problem).iter().filter(keep).collect();
        Dataset {
            inputs: points.iter().flat_map(|p| [p.x1, p.x2]).collect(),
            dim: 2,
            targets: points.iter().map(|p| p.label).collect(),
            task,
            domain: Some(plane_domain()),
        }
    }

    /// The points of `problem` as CSV text with a header line `x1,x2,label`.
    pub fn to_csv(&self, problem: Problem) -> String {
        let mut text = String::from("x1,x2,label\n");
        for p in self.points(problem) {
            text.push_str(&format!("{},{},{}\n", p.x1, p.x2, p.label));
        }
        text
    }

    fn list_mut(&mut self, problem: Problem) -> &mut Vec<OwnPoint> {
        match problem {
            Problem::Classification => &mut self.classification,
            Problem::Regression => &mut self.regression,
        }
    }
}

/// Checks a point against the limits of `problem`; the error says what is wrong.
pub fn check_point(point: &OwnPoint, problem: Problem, classes: usize) -> Result<(), String> {
    for (name, value) in [("x1", point.x1), ("x2", point.x2)] {
        if !(-PLANE_HALF_WIDTH..=PLANE_HALF_WIDTH).contains(&value) {
            return Err(format!("{name} = {value} is outside -6 to 6"));
        }
    }
    let label = point.label;
    match problem {
        Problem::Classification => {
            let whole = label.fract() == 0.0 && (0.0..classes as f64).contains(&label);
            if !whole {
                return Err(format!(
                    "the class {label} is not a whole number from 0 to {}",
                    classes - 1
                ));
            }
        }
        Problem::Regression => {
            if !(-MAX_VALUE..=MAX_VALUE).contains(&label) {
                return Err(format!("the value {label} is outside -1 to 1"));
            }
        }
    }
    Ok(())
}

/// Reads CSV text of points: two feature columns (x1, x2) and a label column, separated by
/// commas, with or without a header line. Blank lines and lines starting with `#` are skipped.
/// For classification the label is a class index `0..classes` (with two classes, `-1` is
/// class 0 too); for regression it is a value in `[-1, 1]`.
///
/// # Errors
/// [`ModelError::TooLarge`] for more than [`MAX_CSV_BYTES`] (before anything is read),
/// [`ModelError::Csv`] naming the first bad line, [`ModelError::TooManyPoints`] past
/// [`MAX_OWN_POINTS`] points.
pub fn read_csv(text: &str, problem: Problem, classes: usize) -> Result<Vec<OwnPoint>, ModelError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(ModelError::TooLarge {
            bytes: text.len(),
            max: MAX_CSV_BYTES,
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut points = Vec::new();
    let mut lines = LineCounter::new(text);
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| csv_error(&err, &mut lines))?;
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        let fields: Vec<&str> = record.iter().collect();
        if index == 0 && is_header(&fields) {
            continue;
        }
        let point = read_point(&fields, problem, classes)
            .map_err(|message| ModelError::Csv { line, message })?;
        if points.len() == MAX_OWN_POINTS {
            return Err(ModelError::TooManyPoints {
                max: MAX_OWN_POINTS,
            });
        }
        points.push(point);
    }
    Ok(points)
}

/// A header line: three fields, not all of them numbers.
fn is_header(fields: &[&str]) -> bool {
    fields.len() == 3 && fields.iter().any(|f| f.parse::<f64>().is_err())
}

/// One line's point, or what is wrong with it.
fn read_point(fields: &[&str], problem: Problem, classes: usize) -> Result<OwnPoint, String> {
    if fields.len() != 3 {
        return Err(format!(
            "{} column{}, expected 3 (x1, x2, label)",
            fields.len(),
            if fields.len() == 1 { "" } else { "s" }
        ));
    }
    let number = |name: &str, text: &str| match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(format!("{name} \"{}\" is not a number", shorten(text))),
    };
    let x1 = number("x1", fields[0])?;
    let x2 = number("x2", fields[1])?;
    let mut label = number("the label", fields[2])?;
    if problem == Problem::Classification && classes == 2 && label == -1.0 {
        label = 0.0;
    }
    let point = OwnPoint { x1, x2, label };
    check_point(&point, problem, classes)?;
    Ok(point)
}

/// A field cut to a length that fits in a message.
fn shorten(text: &str) -> String {
    const MAX: usize = 20;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        text.chars().take(MAX).chain("...".chars()).collect()
    }
}

/// Line numbers of byte offsets in a text, for offsets asked in increasing order (the CSV
/// reader's own line count leaves out the blank and comment lines it skips).
struct LineCounter<'a> {
    text: &'a [u8],
    /// Offset counted up to, and the number of line breaks before it.
    seen: (usize, usize),
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            seen: (0, 0),
        }
    }

    /// The line (from 1) of the record that the CSV reader started reading at `offset`: the
    /// first line from there that is neither blank nor a comment.
    fn line_at(&mut self, offset: u64) -> usize {
        let offset = self.skip_blank_and_comments((offset as usize).min(self.text.len()));
        let (from, breaks) = self.seen;
        let (start, before) = if offset >= from {
            (from, breaks)
        } else {
            (0, 0)
        };
        let more = self.text[start..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.seen = (offset, before + more);
        before + more + 1
    }

    fn skip_blank_and_comments(&self, mut offset: usize) -> usize {
        while let Some(&byte) = self.text.get(offset) {
            match byte {
                b'\r' | b'\n' => offset += 1,
                b'#' => {
                    let rest = &self.text[offset..];
                    offset += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                }
                _ => break,
            }
        }
        offset
    }
}

/// The CSV reader's own error (bad UTF-8, mostly), with its line.
fn csv_error(err: &csv::Error, lines: &mut LineCounter) -> ModelError {
    let line = lines.line_at(err.position().map_or(0, |p| p.byte()));
    let message = match err.kind() {
        csv::ErrorKind::Utf8 { .. } => "the text is not UTF-8".to_string(),
        _ => "the line cannot be read".to_string(),
    };
    ModelError::Csv { line, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: Problem = Problem::Classification;
    const R: Problem = Problem::Regression;

    fn point(x1: f64, x2: f64, label: f64) -> OwnPoint {
        OwnPoint { x1, x2, label }
    }

    #[test]
    fn csv_with_or_without_a_header_reads_the_same_points() {
        let plain = "1,2,0\n-3.5,4,1\n";
        let headed = "x1, x2, label\n1, 2, 0\n\n# a comment\n-3.5, 4, 1\n";
        let expected = vec![point(1.0, 2.0, 0.0), point(-3.5, 4.0, 1.0)];
        assert_eq!(read_csv(plain, C, 2).unwrap(), expected);
        assert_eq!(read_csv(headed, C, 2).unwrap(), expected);
    }

    #[test]
    fn minus_one_is_class_zero_only_for_two_classes() {
        assert_eq!(
            read_csv("0,0,-1", C, 2).unwrap(),
            vec![point(0.0, 0.0, 0.0)]
        );
        assert!(read_csv("0,0,-1", C, 3).is_err());
        assert_eq!(
            read_csv("0,0,-1", R, 2).unwrap(),
            vec![point(0.0, 0.0, -1.0)]
        );
    }

    #[test]
    fn a_bad_line_is_named_with_its_number_and_its_problem() {
        let cases = [
            ("1,2,0\n1,2\n", 2, "2 columns, expected 3"),
            ("x1,x2,y\n1,2,0\n3,abc,1\n", 3, "x2 \"abc\" is not a number"),
            ("1,2,0\n\n7,0,1\n", 3, "x1 = 7 is outside -6 to 6"),
            (
                "1,2,2\n",
                1,
                "the class 2 is not a whole number from 0 to 1",
            ),
            ("1,2,0.5\n", 1, "the class 0.5 is not a whole number"),
            ("1,2,NaN\n", 1, "the label \"NaN\" is not a number"),
            ("# notes\n1,2,0\n\n# more\n\n1,2,9\n", 6, "the class 9"),
        ];
        for (text, line, message) in cases {
            match read_csv(text, C, 2) {
                Err(ModelError::Csv {
                    line: l,
                    message: m,
                }) => {
                    assert_eq!(l, line, "{text:?}");
                    assert!(m.contains(message), "{text:?}: {m}");
                }
                other => panic!("{text:?} gave {other:?}"),
            }
        }
        let err = read_csv("0,0,1.5", R, 2).unwrap_err().to_string();
        assert_eq!(err, "line 1: the value 1.5 is outside -1 to 1");
    }

    #[test]
    fn size_limits_hold_before_and_while_reading() {
        let big = "0,0,0\n".repeat(MAX_CSV_BYTES / 6 + 1);
        assert!(matches!(
            read_csv(&big, C, 2),
            Err(ModelError::TooLarge { .. })
        ));
        let many = "0,0,0\n".repeat(MAX_OWN_POINTS + 1);
        assert!(many.len() <= MAX_CSV_BYTES);
        assert!(matches!(
            read_csv(&many, C, 2),
            Err(ModelError::TooManyPoints { .. })
        ));
        assert_eq!(
            read_csv(&"0,0,0\n".repeat(MAX_OWN_POINTS), C, 2)
                .unwrap()
                .len(),
            2000
        );
    }

    #[test]
    fn exported_csv_reads_back_exactly() {
        let mut own = OwnData::default();
        own.set(
            C,
            vec![point(0.1, -5.999999999999, 1.0), point(1.0 / 3.0, 2.5, 0.0)],
        );
        let back = read_csv(&own.to_csv(C), C, 2).unwrap();
        assert_eq!(back, own.classification);
    }

    #[test]
    fn add_checks_points_and_remove_takes_the_nearest_within_reach() {
        let mut own = OwnData::default();
        own.add(C, point(1.0, 1.0, 0.0), 2).unwrap();
        own.add(C, point(1.2, 1.0, 1.0), 2).unwrap();
        assert!(own.add(C, point(9.0, 0.0, 0.0), 2).is_err());
        assert!(own.add(C, point(0.0, 0.0, 2.0), 2).is_err());
        assert!(!own.remove_near(C, 3.0, 3.0, 0.5));
        assert!(own.remove_near(C, 1.15, 1.0, 0.5));
        assert_eq!(own.classification, vec![point(1.0, 1.0, 0.0)]);
        assert!(own.regression.is_empty());
    }

    #[test]
    fn the_data_set_keeps_only_classes_that_exist() {
        let mut own = OwnData::default();
        own.set(C, vec![point(1.0, 2.0, 0.0), point(3.0, 4.0, 2.0)]);
        let two = own.dataset(C, 2);
        assert_eq!((two.len(), two.row(0)), (1, &[1.0, 2.0][..]));
        assert_eq!(own.dataset(C, 3).len(), 2);
        assert_eq!(own.dataset(C, 3).task, Task::Classification { classes: 3 });
        assert_eq!(own.dataset(R, 2).len(), 0);
    }
}

//! Model files: a run saved as JSON, loaded back later to continue exactly where it was.
//!
//! A file holds the settings (as the page's canonical link), the user's own points when the
//! run uses them, the whole trainer (every weight and bias, the optimizer's state, the
//! shuffling generator's state, the epoch) and the loss curve. Floats are written so that they
//! read back to the same bits, so the next epoch after an import has the same loss, to the bit,
//! as it would have had without the round trip.
//!
//! ```json
//! { "format": "nn-playground-model", "version": 1, "link": "#v=1&activation=tanh&...",
//!   "own_data": { "classification": [...], "regression": [...] },
//!   "trainer": { "network": { "spec": ..., "params": [...] }, "optimizer": ..., ... },
//!   "history": { "points": [...], "capacity": 1000 } }
//! ```
//!
//! A file is checked before anything of it is used: its size (at most [`MAX_MODEL_BYTES`]),
//! its `format` and `version` (a newer version is refused with its number), the settings, the
//! points, and that the trainer fits the network the settings describe.

use nn_core::Trainer;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::history::LossHistory;
use crate::link::{decode, encode};
use crate::own_data::OwnData;
use crate::session::{SavedSession, Session};
use crate::{ModelError, Warning};

/// The `format` field of every model file.
pub const FORMAT: &str = "nn-playground-model";
/// The version this playground writes and the newest it reads.
pub const VERSION: u64 = 1;
/// Largest model file read, in bytes (the largest digits network with Adam's moments and a
/// full loss curve takes about 6 MB).
pub const MAX_MODEL_BYTES: usize = 32_000_000;

/// The file's fields, in the order they are written.
#[derive(Serialize, Deserialize)]
struct ModelFile {
    format: String,
    version: u64,
    /// The settings, as the canonical link.
    link: String,
    /// The user's points; left out when there are none.
    #[serde(default, skip_serializing_if = "OwnData::is_empty")]
    own_data: OwnData,
    trainer: Trainer,
    history: LossHistory,
}

/// A run read from a model file, with notes on settings that were brought within limits.
#[derive(Debug)]
pub struct Imported {
    /// The run, ready to go on training.
    pub session: Session,
    /// What the settings' decoder changed (empty for a file this playground wrote).
    pub warnings: Vec<Warning>,
}

/// Writes the run as a model file.
///
/// # Errors
/// [`ModelError::BadModelFile`] when the network has diverged: its numbers are not finite and
/// JSON cannot hold them.
pub fn export(session: &Session) -> Result<String, ModelError> {
    if session.diverged() || !session.network().is_finite() {
        return Err(ModelError::BadModelFile(
            "a diverged network cannot be saved; press Reset first".into(),
        ));
    }
    let saved = session.save();
    let file = ModelFile {
        format: FORMAT.into(),
        version: VERSION,
        link: encode(&saved.config),
        own_data: saved.own,
        trainer: saved.trainer,
        history: saved.history,
    };
    serde_json::to_string_pretty(&file).map_err(|err| ModelError::BadModelFile(err.to_string()))
}

/// Reads a model file back into a run that continues exactly where it was saved.
///
/// # Errors
/// [`ModelError::TooLarge`] past [`MAX_MODEL_BYTES`] (before parsing); otherwise
/// [`ModelError::BadModelFile`] or the session's own errors, each saying what is wrong: not
/// JSON, not a model file, a newer version, a field that does not read, or a state that does
/// not fit its settings.
pub fn import(text: &str) -> Result<Imported, ModelError> {
    if text.len() > MAX_MODEL_BYTES {
        return Err(ModelError::TooLarge {
            bytes: text.len(),
            max: MAX_MODEL_BYTES,
        });
    }
    let value: Value =
        serde_json::from_str(text).map_err(|err| bad(format!("it is not JSON ({err})")))?;
    check_header(&value)?;
    let file: ModelFile = serde_json::from_value(value)
        .map_err(|err| bad(format!("a field does not read: {err}")))?;

    let decoded = decode(&file.link, String::new);
    if decoded.config.seed.is_empty() {
        return Err(bad("its link has no seed".into()));
    }
    file.trainer.check()?;
    if !file.history.is_sound() {
        return Err(bad("its loss curve is not in order".into()));
    }
    let saved = SavedSession {
        config: decoded.config,
        own: file.own_data,
        trainer: file.trainer,
        history: file.history,
    };
    let session = Session::restore(saved)?;
    Ok(Imported {
        session,
        warnings: decoded.warnings,
    })
}

/// Checks the `format` and `version` fields, so that a file from elsewhere or from a newer
/// playground gets a message of its own.
fn check_header(value: &Value) -> Result<(), ModelError> {
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        return Err(bad(format!(
            "it is not a playground model file (its \"format\" is not \"{FORMAT}\")"
        )));
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(VERSION) => Ok(()),
        Some(version) if version > VERSION => Err(bad(format!(
            "it was written by a newer playground (version {version}); this one reads \
             version {VERSION}"
        ))),
        _ => Err(bad(format!("its \"version\" is not {VERSION}"))),
    }
}

fn bad(why: String) -> ModelError {
    ModelError::BadModelFile(format!("this file cannot be loaded: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{DatasetKind, Optimizer};
    use crate::own_data::OwnPoint;

    fn session(link: &str) -> Session {
        let decoded = decode(link, || unreachable!("test links carry a seed"));
        Session::new(decoded.config).unwrap()
    }

    fn bits(values: &[f64]) -> Vec<u64> {
        values.iter().map(|v| v.to_bits()).collect()
    }

    /// Trains `before` epochs, saves and loads, then checks that the next epoch's loss and
    /// weights are the same, to the bit, as without the round trip.
    fn continues_exactly(mut original: Session, before: u64) {
        original.run(before).unwrap();
        let text = export(&original).unwrap();
        let mut loaded = import(&text).unwrap().session;
        assert_eq!(
            bits(loaded.network().params()),
            bits(original.network().params())
        );
        assert_eq!(loaded.epoch(), original.epoch());
        assert_eq!(loaded.history(), original.history());

        let (a, b) = (original.step().unwrap(), loaded.step().unwrap());
        assert_eq!(
            a.train_loss.map(f64::to_bits),
            b.train_loss.map(f64::to_bits)
        );
        assert_eq!(a.test_loss.map(f64::to_bits), b.test_loss.map(f64::to_bits));
        assert_eq!(
            bits(loaded.network().params()),
            bits(original.network().params())
        );
    }

    #[test]
    fn every_optimizer_continues_to_the_bit_after_a_round_trip() {
        let base = "#dataset=spiral&networkShape=6,4&batchSize=7&learningRate=0.01&seed=0.77";
        continues_exactly(session(base), 13);
        continues_exactly(session(&format!("{base}&optimizer=adam")), 9);
        continues_exactly(session(&format!("{base}&optimizer=lbfgs")), 5);
        continues_exactly(
            session(&format!("{base}&momentum=0.9&regularization=L1")),
            6,
        );
    }

    #[test]
    fn own_points_travel_with_the_file() {
        let mut own = OwnData::default();
        let points = [
            (1.0, 1.0, 0.0),
            (-2.0, 1.5, 1.0),
            (3.0, -3.0, 1.0),
            (0.5, 4.0, 0.0),
        ];
        for (x1, x2, label) in points {
            own.classification.push(OwnPoint { x1, x2, label });
        }
        let mut config = decode("#dataset=own&percTrainData=50&seed=1", String::new).config;
        config.optimizer = Optimizer::Adam;
        assert_eq!(config.dataset, DatasetKind::Own);
        let session = Session::with_own_data(config, own.clone()).unwrap();
        assert_eq!(session.inputs().0.len(), 2);
        let text = export(&session).unwrap();
        assert!(text.contains("\"own_data\""));
        assert_eq!(import(&text).unwrap().session.own_data(), &own);
        continues_exactly(session, 4);
    }

    #[test]
    fn files_from_elsewhere_or_from_the_future_get_a_clear_error() {
        let good = export(&session("#seed=0.5")).unwrap();
        let newer = good.replace("\"version\": 1", "\"version\": 2");
        let cases = [
            ("not json", "it is not JSON"),
            ("{\"name\": \"a photo\"}", "not a playground model file"),
            (
                newer.as_str(),
                "newer playground (version 2); this one reads version 1",
            ),
            (
                &good.replace("\"version\": 1", "\"version\": \"1\""),
                "\"version\" is not 1",
            ),
            (
                &good.replace("\"params\"", "\"parameters\""),
                "a field does not read",
            ),
        ];
        for (text, message) in cases {
            let err = import(text).unwrap_err().to_string();
            assert!(err.contains(message), "{err}");
            assert!(err.starts_with("this file cannot be loaded"), "{err}");
        }
    }

    #[test]
    fn a_state_that_does_not_fit_its_settings_is_refused() {
        let good = export(&session("#networkShape=3&seed=0.5")).unwrap();
        let other_shape = good.replace("networkShape=3", "networkShape=4");
        assert!(matches!(
            import(&other_shape),
            Err(ModelError::StateMismatch(_))
        ));

        let mut value: Value = serde_json::from_str(&good).unwrap();
        value["trainer"]["frozen"] = serde_json::json!([100000]);
        let err = import(&value.to_string()).unwrap_err();
        assert!(err.to_string().contains("frozen"), "{err}");
    }

    #[test]
    fn oversized_and_diverged_are_refused_before_any_work() {
        let big = " ".repeat(MAX_MODEL_BYTES + 1);
        assert!(matches!(import(&big), Err(ModelError::TooLarge { .. })));
        let link = "#problem=regression&learningRate=10&batchSize=1&networkShape=8,8&seed=0.4";
        let mut diverging = session(link);
        diverging.run(200).unwrap();
        assert!(diverging.diverged());
        assert!(
            export(&diverging)
                .unwrap_err()
                .to_string()
                .contains("Reset")
        );
    }
}

//! The model-file importer on arbitrary text: it never panics; a file it accepts trains on
//! with finite numbers (or says it diverged), and refusals come with a message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use playground_model::model_file::import;

fuzz_target!(|text: &str| {
    match import(text) {
        Err(err) => assert!(!err.to_string().is_empty()),
        Ok(imported) => {
            let mut session = imported.session;
            if let Ok(readout) = session.run(1) {
                let finite = readout.train_loss.is_none_or(f64::is_finite);
                assert!(finite || session.diverged(), "{readout:?}");
            }
        }
    }
});

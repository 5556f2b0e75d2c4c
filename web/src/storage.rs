//! The full page's memory across reloads: the current experiment's link and the user's own
//! points, kept in the browser's local storage.
//!
//! Only the full page uses it; an embedded playground takes everything from its own link and
//! never touches storage. Trained weights are not kept here (a link with weights or a model
//! file keeps them). A stored state that cannot be read, or that an older or newer playground
//! wrote, is removed, and the page says so once.

use playground_model::OwnData;
use serde::{Deserialize, Serialize};

/// The storage key.
const KEY: &str = "nn-playground/experiment";
/// The version of what is stored; another version is discarded.
const VERSION: u32 = 1;
/// Largest stored text read back (a full 2000-point data set of both kinds takes ~150 kB).
const MAX_STORED_BYTES: usize = 1_000_000;

/// What is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    /// The format's version.
    pub version: u32,
    /// The settings, as the page's canonical link (`#v=1&...`).
    pub link: String,
    /// The user's own points.
    #[serde(default)]
    pub own_data: OwnData,
}

/// What reading the storage found.
pub enum Found {
    /// Nothing was stored (or storage is not available).
    Nothing,
    /// A state to continue from.
    State(Stored),
    /// A state that could not be used; it was removed, and the text says why for the page.
    Discarded(String),
}

/// The browser's local storage, or `None` where it is missing or refused (storage blocked by
/// the user's settings throws on access: that must not stop the page).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the stored state, removing it if it cannot be used.
pub fn load() -> Found {
    let Some(storage) = local_storage() else {
        return Found::Nothing;
    };
    let text: String = match storage.get_item(KEY) {
        Ok(Some(text)) => text,
        _ => return Found::Nothing,
    };
    match parse(&text) {
        Ok(stored) => Found::State(stored),
        Err(why) => {
            if storage.remove_item(KEY).is_err() {
                log::warn!("could not remove the stored experiment");
            }
            log::warn!("stored experiment discarded: {why}");
            Found::Discarded(format!(
                "The experiment saved in this browser could not be restored ({why}), so it was \
                 discarded; the page starts afresh."
            ))
        }
    }
}

/// Keeps `link` and `own_data` for the next visit. A browser that refuses (private mode, full
/// storage) is logged, not shown: the page works on without it.
pub fn save(link: &str, own_data: &OwnData) {
    let stored = Stored {
        version: VERSION,
        link: link.to_string(),
        own_data: own_data.clone(),
    };
    let Some(storage) = local_storage() else {
        log::debug!("no local storage: the experiment is kept in the link only");
        return;
    };
    let written = serde_json::to_string(&stored)
        .map_err(|err| err.to_string())
        .and_then(|text| {
            storage
                .set_item(KEY, &text)
                .map_err(|err| format!("{err:?}"))
        });
    if let Err(err) = written {
        log::warn!("could not keep the experiment in local storage: {err}");
    }
}

/// Checks a stored text: size, JSON shape, version and the points' limits.
fn parse(text: &str) -> Result<Stored, String> {
    if text.len() > MAX_STORED_BYTES {
        return Err("it is too large".into());
    }
    let stored: Stored = serde_json::from_str(text).map_err(|_| "it is damaged".to_string())?;
    if stored.version != VERSION {
        return Err(format!("it is of version {}", stored.version));
    }
    let classes = playground_model::config::CLASSES_RANGE.1;
    stored
        .own_data
        .check(classes)
        .map_err(|err| err.to_string())?;
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_outdated_or_out_of_range_states_are_refused_with_a_reason() {
        let good = r##"{"version":1,"link":"#v=1&dataset=own&seed=1","own_data":{}}"##;
        assert_eq!(parse(good).unwrap().link, "#v=1&dataset=own&seed=1");
        assert_eq!(parse("{\"version\":1").unwrap_err(), "it is damaged");
        let old = good.replace("\"version\":1", "\"version\":0");
        assert_eq!(parse(&old).unwrap_err(), "it is of version 0");
        let far = good.replace(
            "\"own_data\":{}",
            "\"own_data\":{\"classification\":[{\"x1\":99,\"x2\":0,\"label\":0}]}",
        );
        assert!(parse(&far).unwrap_err().contains("outside -6 to 6"));
    }
}

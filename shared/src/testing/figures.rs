//! The book's figures, kept honest: each is drawn by the course's code from data committed
//! beside it in `book/src/figures/`, and a test draws it again and compares the bytes.
//!
//! A figure whose data comes from a real run (timings) is recorded once by an ignored test of
//! its lesson, `cargo test -p lesson-NN --test lesson_NN -- --ignored record_`, which writes
//! both the data and the picture. After a change to the drawing code, redraw every figure from
//! its data with `UPDATE_FIGURES=1 cargo test -p lesson-NN --test lesson_NN figure`.

use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// `book/src/figures/<name>`, found from this crate's folder.
pub fn figure_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../book/src/figures")
        .join(name)
}

/// The committed data of a figure.
///
/// # Panics
/// When the file is missing or does not decode: the test that calls this fails with the path.
pub fn figure_data<T: DeserializeOwned>(name: &str) -> T {
    let path = figure_path(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!("cannot read the figure's data {}: {error}", path.display())
    });
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{} does not decode: {error}", path.display()))
}

/// Writes a figure's data (a recording run does this).
///
/// # Panics
/// When the file cannot be written.
pub fn record_figure_data<T: Serialize>(name: &str, data: &T) {
    let path = figure_path(name);
    let text = serde_json::to_string_pretty(data).expect("figure data serialises") + "\n";
    std::fs::write(&path, text)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
}

/// Checks that the committed picture `name` is exactly `drawn`; with `UPDATE_FIGURES` set (or
/// `redraw`, for a recording run), writes it instead.
///
/// # Panics
/// When the committed picture is missing or differs: it is stale.
pub fn check_figure(name: &str, drawn: &str, redraw: bool) {
    let path = figure_path(name);
    if redraw || std::env::var_os("UPDATE_FIGURES").is_some() {
        std::fs::write(&path, drawn)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == drawn,
        "book/src/figures/{name} is stale: it is not what its data draws now. Redraw it with \
         `UPDATE_FIGURES=1 cargo test -p <lesson> figure` and commit the result"
    );
}

//! What every lesson shares, so that each lesson's own code can be about its one idea.
//!
//! - [`client`]: one well-configured `reqwest::Client`, the Rust counterpart of a single
//!   `aiohttp.ClientSession` reused for every request.
//! - [`api`]: where the requests go: `--base-url URL`, `API_BASE_URL`, or (with neither) the
//!   course's mock JSONPlaceholder started inside the lesson, so everything runs offline.
//! - [`models`]: the JSONPlaceholder resources as typed Rust structs.
//! - [`report`]: one way to turn an error into a single clear line and a non-zero exit code.
//! - [`figure`]: the book's figures, drawn as SVG from what a run measured.
//! - [`output`]: what happens when the output cannot be written: quiet after a closed pipe
//!   (`lesson-03 | head -1`), one clear line on a full disk, never a panic. Every lesson calls
//!   [`output::exit_on_write_error`] first thing in `main`.

pub mod api;
pub mod client;
pub mod figure;
pub mod models;
pub mod report;
#[cfg(feature = "testing")]
pub mod testing;

// The same mechanism as the `mock-server` binary's, from the crate below this one: one copy.
pub use mock_server::output;

pub use api::{Api, ApiArgs};
pub use mock_server::Latency;
pub use report::{Error, exit_code};

//! What every lesson shares, so that each lesson's own code can be about its one idea.
//!
//! - [`client`]: one well-configured `reqwest::Client`, the Rust counterpart of a single
//!   `aiohttp.ClientSession` reused for every request.
//! - [`api`]: where the requests go: `--base-url URL`, `API_BASE_URL`, or (with neither) the
//!   course's mock JSONPlaceholder started inside the lesson, so everything runs offline.
//! - [`models`]: the JSONPlaceholder resources as typed Rust structs.
//! - [`report`]: one way to turn an error into a single clear line and a non-zero exit code.

pub mod api;
pub mod client;
pub mod models;
pub mod report;
#[cfg(feature = "testing")]
pub mod testing;

pub use api::{Api, ApiArgs};
pub use mock_server::Latency;
pub use report::{Error, exit_code};

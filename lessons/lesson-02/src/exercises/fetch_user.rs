//! Exercise 2: fetch a user, and say precisely what went wrong.
//!
//! `fetch_user` gets `{base_url}/users/{id}` through `client` and decodes it into a `User`.
//! When that fails, the caller needs to know *how*, because each failure calls for a different
//! reaction; so the error is a `UserError` (defined in this lesson's `lib.rs`), not a bare
//! `reqwest::Error`.
//!
//! The contract, which `cargo test -p lesson-02` checks:
//! - `Ok(user)` when the user exists;
//! - `Err(UserError::NotFound(id))` when the server answers 404;
//! - `Err(UserError::Server(status))` for any other error status (500, 503, …);
//! - `Err(UserError::Unreachable(err))` when no answer arrives (refused, timed out);
//! - `Err(UserError::BadBody(err))` when the answer's body is not a user;
//! - never a panic.

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // TODO: send the request, look at the status, decode the body; map each failure to its
    // `UserError` variant.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, id);
    todo!()
}

//! Wrong: breaks "`Ok(user)` when the answer has a success status (any 2xx)": after the 404 and 4xx/5xx tests it also refuses every status that is not exactly `200 OK`, so a 201, 202 or 203 carrying a user comes back as `Err(Server(201))`
//! Exercise 2: fetch a user, and say precisely what went wrong.
//!
//! `fetch_user` gets `{base_url}/users/{id}` through `client` and decodes it into a `User`.
//! When that fails, the caller needs to know *how*, because each failure calls for a different
//! reaction; so the error is a `UserError` (defined in this lesson's `lib.rs`), not a bare
//! `reqwest::Error`.
//!
//! The contract, which `cargo test -p lesson-02` checks:
//! - exactly one GET per call, to `{base_url}/users/{id}`, sent through `client`. `base_url`
//!   has no trailing `/` and may have a path of its own (`http://host/api/v1`): keep it whole.
//!   No retry, whatever the failure: the caller decides whether to try again;
//! - `Ok(user)` when the answer has a success status (any 2xx) and its body is a user, even
//!   another user than `id` (whether it is the one wanted is the caller's business);
//! - `Err(UserError::NotFound(id))`, with the `id` asked for, when the server answers 404,
//!   whatever the body;
//! - `Err(UserError::Server(status))`, with the status as received, for every other error
//!   status: any other 4xx (400, 403, 408, 410, 429, …) or 5xx (500, 502, 503, 504, …), whatever
//!   the body, and whether or not the status has a standard name (a 599 is a status too);
//! - `Err(UserError::Unreachable(err))` when no whole answer arrives: the connection is refused
//!   or dropped, the client's timeout runs out, or the body stops before its end (cut short or
//!   stalled). `err` is reqwest's error;
//! - `Err(UserError::BadBody(err))` when a success's body arrived whole but is not a user (not
//!   JSON, empty, JSON that the server itself ended too soon, or JSON of another shape): `err`
//!   is reqwest's decode error;
//! - a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out and none added by you) is an `Err` too;
//! - never a panic.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    // A GET for a user answers 200; anything else is the server misbehaving.
    if status != StatusCode::OK {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

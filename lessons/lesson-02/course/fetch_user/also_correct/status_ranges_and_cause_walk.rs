//! Correct, written another way: explicit `match`es instead of `map_err` and `?`: the status
//! is sorted by its number (`404`, then the whole `400..=599` range, so a nameless 599 is a
//! `Server` too), and a failed body is `BadBody` when a `serde_json::Error` appears anywhere in
//! its chain of causes (`std::iter::successors` over `source()`), which is only the case when
//! the whole body arrived and the parser refused it; a body that broke off or stalled has a
//! connection or timeout error there instead, so it is `Unreachable`.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Whether the JSON parser saw the whole body and refused it.
fn parser_refused(err: &reqwest::Error) -> bool {
    std::iter::successors(err.source(), |&cause| cause.source())
        .any(|cause| cause.is::<serde_json::Error>())
}

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = match client.get(format!("{base_url}/users/{id}")).send().await {
        Ok(response) => response,
        Err(err) => return Err(UserError::Unreachable(err)),
    };

    let status = response.status();
    match status.as_u16() {
        404 => return Err(UserError::NotFound(id)),
        400..=599 => return Err(UserError::Server(status)),
        _ => {}
    }

    match response.json::<User>().await {
        Ok(user) => Ok(user),
        Err(err) if parser_refused(&err) => Err(UserError::BadBody(err)),
        Err(err) => Err(UserError::Unreachable(err)),
    }
}

//! Correct, written another way: the request is built first (`client.get(base_url).build()`,
//! so a `base_url` that is no URL fails there, as reqwest's builder error, `Unreachable`), its
//! URL is extended segment by segment with `path_segments_mut()` (which keeps a base path such
//! as `/api/v1` whole and drops the lone empty segment of a bare host), and it is sent once with
//! `client.execute`. The head is sorted by a `match` on the status number (404, then the whole
//! `400..=599` range, so a nameless 599 is `Server` too; anything else is a success or at least
//! not an error status, and goes on to the body), and a failed `json()` is `BadBody` exactly
//! when its cause downcasts to a `serde_json::Error`, which only happens when the whole body
//! arrived and the parser refused it.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let mut request = client
        .get(base_url)
        .build()
        .map_err(UserError::Unreachable)?;
    // Only a URL without a host cannot take path segments, and reqwest refuses those in
    // `build()` already, so the `Ok` branch is always the one taken.
    if let Ok(mut segments) = request.url_mut().path_segments_mut() {
        segments.pop_if_empty().push("users").push(&id.to_string());
    }

    let response = client
        .execute(request)
        .await
        .map_err(UserError::Unreachable)?;

    let status = response.status();
    match status.as_u16() {
        404 => return Err(UserError::NotFound(id)),
        400..=599 => return Err(UserError::Server(status)),
        _ => {}
    }

    match response.json::<User>().await {
        Ok(user) => Ok(user),
        Err(err) => {
            let refused_by_parser = err
                .source()
                .and_then(|cause| cause.downcast_ref::<serde_json::Error>())
                .is_some();
            Err(if refused_by_parser {
                UserError::BadBody(err)
            } else {
                UserError::Unreachable(err)
            })
        }
    }
}

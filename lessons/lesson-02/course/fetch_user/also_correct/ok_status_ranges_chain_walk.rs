//! Correct, written another way: settles the error statuses with one `match` on the status number (`404`, then the range `400..=599`, whose bounds include non-standard codes like 599), and tells a refused body from a broken one by walking the whole `source()` chain with `std::iter::successors` for a `serde_json::Error`, rather than looking at the first cause only.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    let response = client
        .get(url)
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    // The head settles every error status; the body of an error answer is never read.
    let status = response.status();
    match status.as_u16() {
        404 => return Err(UserError::NotFound(id)),
        400..=599 => return Err(UserError::Server(status)),
        _ => {}
    }

    response.json::<User>().await.map_err(|err| {
        // Somewhere down the chain, a serde_json error means the bytes all came and were
        // refused; a broken or stalled body has a connection or timeout error there instead.
        let refused_by_serde = std::iter::successors(err.source(), |&cause| cause.source())
            .any(|cause| cause.is::<serde_json::Error>());
        if refused_by_serde {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

//! Wrong: breaks "`Err(UserError::Server(status))`, with the status as received, for every other error status: any other 4xx (400, 403, 408, 410, 429, …)": the 4xx arm is the exclusive range `400..499`, so a 499 (nginx's "client closed request") falls through to decoding and comes back as `BadBody` (or `Ok` if its body happens to be a user); 400-498, 404, every 5xx including 599, the URL and the body classification are right.
#![allow(non_contiguous_range_endpoints)] // rustc warns about this very range; learners miss warnings

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // No answer at all (refused, dropped, timed out): nothing to classify yet.
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    // The head is enough to settle the error statuses; their bodies are never read.
    let status = response.status();
    match status.as_u16() {
        404 => return Err(UserError::NotFound(id)),
        // the other client errors, then the server errors (any 5xx, named or not)
        400..499 | 500..=599 => return Err(UserError::Server(status)),
        // 2xx: a success, decode it below
        _ => {}
    }

    // Reading the body can fail two ways: the bytes never all arrived (Unreachable), or they
    // arrived and are not a user. Only the second has serde_json's error behind reqwest's.
    response.json::<User>().await.map_err(|err| {
        let not_a_user =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if not_a_user {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

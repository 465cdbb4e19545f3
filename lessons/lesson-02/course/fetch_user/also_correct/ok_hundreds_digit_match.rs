//! Correct, written another way: no `?` and no status-class helpers: explicit `match`es on the send result, on the pair (code, code / 100) to sort 404 from any other 4xx/5xx, and on the decode result, with `downcast_ref::<serde_json::Error>()` on the cause instead of `is`.

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    let response = match client.get(url).send().await {
        Ok(response) => response,
        // No head came back at all.
        Err(err) => return Err(UserError::Unreachable(err)),
    };

    let status = response.status();
    let code = status.as_u16();
    match (code, code / 100) {
        (404, _) => return Err(UserError::NotFound(id)),
        // Any other 4xx or 5xx, named or not (a 599 too); the body is never read.
        (_, 4 | 5) => return Err(UserError::Server(status)),
        _ => {}
    }

    match response.json::<User>().await {
        Ok(user) => Ok(user),
        Err(err) => {
            // The JSON parser's error sits behind reqwest's only when the whole body arrived.
            let parser_refused = std::error::Error::source(&err)
                .and_then(|cause| cause.downcast_ref::<serde_json::Error>())
                .is_some();
            if parser_refused {
                Err(UserError::BadBody(err))
            } else {
                Err(UserError::Unreachable(err))
            }
        }
    }
}

//! Correct, written another way: it says what it wants with an `Accept: application/json` header (a polite and common request header, which changes nothing the contract looks at: still one GET of the same URL through `client`), and settles the status with one `match` on its number before decoding, classifying a failed decode by the serde error behind it.

use lesson_support::models::User;
use reqwest::Client;
use reqwest::header::ACCEPT;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .header(ACCEPT, "application/json")
        .send()
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
        // Serde's error behind reqwest's: the whole body came and is not a user.
        Err(err)
            if std::error::Error::source(&err)
                .is_some_and(|cause| cause.downcast_ref::<serde_json::Error>().is_some()) =>
        {
            Err(UserError::BadBody(err))
        }
        // Anything else behind it (a connection error, a timeout): the body never all came.
        Err(err) => Err(UserError::Unreachable(err)),
    }
}

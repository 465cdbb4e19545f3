//! Wrong: breaks "`Ok(user)` when the answer has a success status (any 2xx) and its body is a user"
//!
//! Sorts the head with one `match` on the status: `200 OK` goes on to the body, `404` is
//! `NotFound`, and every other status is `Server(status)`. The learner reads "a user comes back
//! with 200" as the whole story, and the `match` looks exhaustive and tidy. Every 4xx and 5xx
//! is classified right, and so is every 200; but a `201`, `203` or `206` whose body is a user
//! comes back as `Err(Server(203))` instead of `Ok(user)`.

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

    match response.status() {
        StatusCode::OK => {}
        StatusCode::NOT_FOUND => return Err(UserError::NotFound(id)),
        other => return Err(UserError::Server(other)),
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

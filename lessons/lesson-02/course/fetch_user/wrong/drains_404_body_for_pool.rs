//! Wrong: breaks "`Err(UserError::NotFound(id))`, with the `id` asked for, when the server answers 404, whatever the body"
//!
//! Reads the 404's body to its end before answering `NotFound`, and lets a failure of that read
//! through as `Unreachable`. The learner's reason is connection reuse: hyper only puts a
//! keep-alive connection back in the `Client`'s pool once its body has been read, and a 404 is
//! the failure a caller meets while walking ids, followed at once by the next request; the API's
//! 404 body is a tiny `{}`, so reading it costs nothing. (A 5xx body can be a large HTML page and
//! the caller backs off anyway, so that one is dropped unread.) "If even that small body cannot
//! be read, the connection is broken" makes `Unreachable` look honest. Every 404 whose body
//! arrives whole, JSON, text or HTML, gives `NotFound(id)`; a 404 whose body is cut short or
//! stalls past the client's timeout gives `Unreachable` (or waits for the whole body first).

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
        // Finish the (small) body so the connection goes back to the pool for the next id.
        response.bytes().await.map_err(UserError::Unreachable)?;
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
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

//! Wrong: breaks "`Err(UserError::NotFound(id))`, with the `id` asked for, when the server answers 404, whatever the body" (and the same "whatever the body" for `Server(status)`): it reads an error answer's body to its end before returning, so a 404 or 5xx whose body is cut short or stalls past the client's timeout comes back as `Unreachable`; with an error body that arrives whole it returns the right NotFound/Server, and successes are classified right.

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
    if status.is_client_error() || status.is_server_error() {
        // Read the error body to its end before giving up on the answer, as in Go
        // (`io.Copy(io.Discard, resp.Body)`): a body left unread keeps the connection from
        // going back to the pool. If even that body does not arrive whole, we never got a
        // whole answer, which is what `Unreachable` means.
        response.bytes().await.map_err(UserError::Unreachable)?;
        return Err(if status == StatusCode::NOT_FOUND {
            UserError::NotFound(id)
        } else {
            UserError::Server(status)
        });
    }

    response.json::<User>().await.map_err(|err| {
        // A parse failure has serde_json's error as its cause; a body that broke off or
        // stalled has the connection's or the timeout's.
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

//! Wrong: breaks "exactly one GET per call ... No retry, whatever the failure: the caller decides whether to try again": when the head arrived but the body broke off or stalled, it sends the GET once more and reads that answer instead (the aiohttp habit of retrying a `ClientPayloadError`: "the server is up and the user exists, only the transfer failed"); every failure is classified right, and a second broken body is reported as `Unreachable`.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    match fetch_once(client, &url, id).await {
        Ok(user) => Ok(user),
        Err(Attempt::Failed(err)) => Err(err),
        // The server answered, so it is up and the user exists: only the body was lost on the
        // way. That is a hiccup of the network, not an answer; one more go usually gets it.
        Err(Attempt::BodyLost(_)) => match fetch_once(client, &url, id).await {
            Ok(user) => Ok(user),
            Err(Attempt::Failed(err)) => Err(err),
            Err(Attempt::BodyLost(err)) => Err(UserError::Unreachable(err)),
        },
    }
}

/// How one attempt failed.
enum Attempt {
    /// The head came, but the body broke off or stalled.
    BodyLost(reqwest::Error),
    /// Any other failure, already classified.
    Failed(UserError),
}

async fn fetch_once(client: &Client, url: &str, id: u64) -> Result<User, Attempt> {
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|err| Attempt::Failed(UserError::Unreachable(err)))?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(Attempt::Failed(UserError::NotFound(id)));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(Attempt::Failed(UserError::Server(status)));
    }

    response.json::<User>().await.map_err(|err| {
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            Attempt::Failed(UserError::BadBody(err))
        } else {
            Attempt::BodyLost(err)
        }
    })
}

//! Wrong: breaks "`Err(UserError::BadBody(err))` when a success's body arrived whole but is not a user (not JSON, empty, JSON that the server itself ended too soon, or JSON of another shape)": it also accepts a JSON list of users and returns the first one (and `NotFound` for an empty list), the Python habit `data = await resp.json(); if isinstance(data, list): data = data[0]` for APIs that answer a lookup with a list; a list is JSON of another shape, so it must be `BadBody`.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};
use serde::Deserialize;

use crate::UserError;

/// What a lookup may answer: the user itself, or (as `/users?id=1` does) a list holding it.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Box<User>),
    Many(Vec<User>),
}

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    let body = response.json::<OneOrMany>().await.map_err(|err| {
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })?;

    match body {
        OneOrMany::One(user) => Ok(*user),
        // Some servers wrap the user in a list: take it out. No user in it: there is none.
        OneOrMany::Many(users) => users.into_iter().next().ok_or(UserError::NotFound(id)),
    }
}

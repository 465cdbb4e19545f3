//! Wrong: only a connection error counts as unreachable; any other failure of `send()` (a
//! timeout, a dropped connection) is blamed on the body.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(|err| {
            if err.is_connect() {
                UserError::Unreachable(err)
            } else {
                UserError::BadBody(err)
            }
        })?;
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }
    response.json::<User>().await.map_err(|err| {
        if err.is_decode() {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

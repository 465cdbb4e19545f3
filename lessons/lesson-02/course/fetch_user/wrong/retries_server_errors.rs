//! Wrong: tries again once when the server fails with a 5xx, so a failing user costs two
//! requests (retrying is the caller's decision, and a later lesson's subject).

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    let mut response = client
        .get(&url)
        .send()
        .await
        .map_err(UserError::Unreachable)?;
    if response.status().is_server_error() {
        response = client
            .get(&url)
            .send()
            .await
            .map_err(UserError::Unreachable)?;
    }
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

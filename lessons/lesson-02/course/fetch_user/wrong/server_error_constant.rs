//! Wrong: reports every error status other than 404 as `Server(500)`, whatever the server said.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

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
    if !status.is_success() {
        return Err(UserError::Server(StatusCode::INTERNAL_SERVER_ERROR));
    }
    response.json::<User>().await.map_err(|err| {
        if err.is_decode() {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

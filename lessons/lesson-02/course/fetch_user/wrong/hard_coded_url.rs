//! Wrong: ignores `base_url` and always calls a fixed local address.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, _base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("http://127.0.0.1:3000/users/{id}");
    let response = client
        .get(url)
        .send()
        .await
        .map_err(UserError::Unreachable)?;
    match response.status() {
        StatusCode::NOT_FOUND => Err(UserError::NotFound(id)),
        status if !status.is_success() => Err(UserError::Server(status)),
        _ => response.json::<User>().await.map_err(UserError::BadBody),
    }
}

//! Wrong: unwraps the response, so an unreachable server crashes the program.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .unwrap();
    match response.status() {
        StatusCode::NOT_FOUND => Err(UserError::NotFound(id)),
        status if !status.is_success() => Err(UserError::Server(status)),
        _ => response.json::<User>().await.map_err(UserError::BadBody),
    }
}

//! Wrong: treats every error status as "no such user", so a server failure looks like a bad id.

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;
    if !response.status().is_success() {
        return Err(UserError::NotFound(id));
    }
    response.json::<User>().await.map_err(UserError::BadBody)
}

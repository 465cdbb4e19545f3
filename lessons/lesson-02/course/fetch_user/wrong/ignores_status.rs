//! Wrong: never looks at the status, so a 404 reads as a body that is not a user.

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;
    response.json::<User>().await.map_err(UserError::BadBody)
}

//! Wrong: uses `error_for_status` and maps every failure to a server error, even a 404.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let result = async {
        client
            .get(format!("{base_url}/users/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<User>()
            .await
    }
    .await;
    result
        .map_err(|err| UserError::Server(err.status().unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)))
}

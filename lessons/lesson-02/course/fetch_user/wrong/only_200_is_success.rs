//! Wrong: matches on 200 and 404 and calls everything else a server error, so a 203 with a
//! user in it becomes `Server(203)`.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;
    match response.status() {
        StatusCode::OK => response.json::<User>().await.map_err(|err| {
            if err.is_decode() {
                UserError::BadBody(err)
            } else {
                UserError::Unreachable(err)
            }
        }),
        StatusCode::NOT_FOUND => Err(UserError::NotFound(id)),
        other => Err(UserError::Server(other)),
    }
}

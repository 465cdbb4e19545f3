//! Wrong: `Url::join("/users/3")` replaces the base URL's path, so `http://host/api/v1` loses
//! its `/api/v1`.

use lesson_support::models::User;
use reqwest::{Client, StatusCode, Url};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = Url::parse(base_url)
        .unwrap()
        .join(&format!("/users/{id}"))
        .unwrap();
    let response = client
        .get(url)
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
    response.json::<User>().await.map_err(|err| {
        if err.is_decode() {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

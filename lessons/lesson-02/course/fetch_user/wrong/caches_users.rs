//! Wrong: keeps every user it fetched in a map, by URL, and answers a repeated id from it: no
//! request goes out, so a user changed or deleted on the server since is never seen.

use std::collections::HashMap;
use std::sync::Mutex;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

static CACHE: Mutex<Option<HashMap<String, User>>> = Mutex::new(None);

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    if let Some(user) = CACHE.lock().unwrap().get_or_insert_default().get(&url) {
        return Ok(user.clone());
    }
    let response = client
        .get(&url)
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
    let user: User = response.json().await.map_err(|err| {
        if std::error::Error::source(&err).is_some_and(|s| s.is::<serde_json::Error>()) {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })?;
    CACHE
        .lock()
        .unwrap()
        .get_or_insert_default()
        .insert(url, user.clone());
    Ok(user)
}

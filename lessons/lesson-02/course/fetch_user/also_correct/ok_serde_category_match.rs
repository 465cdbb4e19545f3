//! Correct, written another way: the status is matched as a number range, and the body's failure is classified by matching serde_json's own `Category` of the error behind reqwest's (syntax, data or EOF: the whole body arrived and is not a user; no serde_json error at all: the body never arrived whole).

use lesson_support::models::User;
use reqwest::Client;
use serde_json::error::Category;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    let response = match client.get(url).send().await {
        Ok(response) => response,
        Err(err) => return Err(UserError::Unreachable(err)),
    };

    let status = response.status();
    match status.as_u16() {
        404 => return Err(UserError::NotFound(id)),
        400..=599 => return Err(UserError::Server(status)),
        // 2xx (and anything else reqwest hands back) goes on to the body.
        _ => {}
    }

    match response.json::<User>().await {
        Ok(user) => Ok(user),
        Err(err) => {
            let category = std::error::Error::source(&err)
                .and_then(|cause| cause.downcast_ref::<serde_json::Error>())
                .map(serde_json::Error::classify);
            match category {
                // The parser saw every byte of the body and said no: not a user.
                Some(Category::Syntax | Category::Data | Category::Eof) => {
                    Err(UserError::BadBody(err))
                }
                // The parser never ran (the body broke off or stalled), or failed to read.
                Some(Category::Io) | None => Err(UserError::Unreachable(err)),
            }
        }
    }
}

//! Correct, written another way: builds the URL with `Url::path_segments_mut` (`pop_if_empty`, then `push("users")`, `push(id)`) instead of `format!`, keeping a base path such as `/api/v1`; a base that does not parse falls back to the string, so reqwest's own builder error still comes out as `Unreachable`.

use lesson_support::models::User;
use reqwest::{Client, StatusCode, Url};

use crate::UserError;

/// `{base_url}/users/{id}`, built segment by segment: the base's own path is kept, and no
/// doubled or missing `/` can slip in between the parts.
fn user_url(base_url: &str, id: u64) -> Option<Url> {
    let mut url = Url::parse(base_url).ok()?;
    url.path_segments_mut()
        .ok()?
        .pop_if_empty()
        .push("users")
        .push(&id.to_string());
    Some(url)
}

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let request = match user_url(base_url, id) {
        Some(url) => client.get(url),
        // Not a URL we can take apart: let reqwest say what is wrong with it.
        None => client.get(format!("{base_url}/users/{id}")),
    };
    let response = request.send().await.map_err(UserError::Unreachable)?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    match response.json::<User>().await {
        Ok(user) => Ok(user),
        Err(err) => {
            let cause_is_serde = std::error::Error::source(&err)
                .and_then(|cause| cause.downcast_ref::<serde_json::Error>())
                .is_some();
            Err(if cause_is_serde {
                UserError::BadBody(err)
            } else {
                UserError::Unreachable(err)
            })
        }
    }
}

//! Correct, written another way: builds the `Request` first and sends it with `client.execute`, sorts the status with a `match` on its number (`404`, then `400..=599`), and decides BadBody by walking the whole `source()` chain with `std::iter::successors` for a `serde_json::Error`.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::{Client, Method};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // A request that cannot even be built never got an answer either.
    let request = client
        .request(Method::GET, format!("{base_url}/users/{id}"))
        .build()
        .map_err(UserError::Unreachable)?;
    let response = client
        .execute(request)
        .await
        .map_err(UserError::Unreachable)?;

    let status = response.status();
    match status.as_u16() {
        404 => return Err(UserError::NotFound(id)),
        // Every other 4xx and 5xx, named or not.
        400..=599 => return Err(UserError::Server(status)),
        _ => {}
    }

    response.json::<User>().await.map_err(|err| {
        let json_refused_it = std::iter::successors(err.source(), |&cause| cause.source())
            .any(|cause| cause.is::<serde_json::Error>());
        if json_refused_it {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

//! Wrong: reuses the lesson's `FailureKind::of` and maps `Other` to `BadBody`: a connection
//! dropped before the answer is `Other`, not `Connect`, and it is no body at all.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::{FailureKind, UserError};

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
    result.map_err(|err| match FailureKind::of(&err) {
        FailureKind::Status(StatusCode::NOT_FOUND) => UserError::NotFound(id),
        FailureKind::Status(status) => UserError::Server(status),
        FailureKind::Timeout | FailureKind::Connect => UserError::Unreachable(err),
        FailureKind::Decode | FailureKind::Other => UserError::BadBody(err),
    })
}

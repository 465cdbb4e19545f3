//! Also correct: one `match` on the status code as a number, with ranges for the classes.

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = match client.get(format!("{base_url}/users/{id}")).send().await {
        Ok(response) => response,
        Err(err) => return Err(UserError::Unreachable(err)),
    };
    match response.status().as_u16() {
        404 => Err(UserError::NotFound(id)),
        400..=599 => Err(UserError::Server(response.status())),
        _ => match response.json::<User>().await {
            Ok(user) => Ok(user),
            // A timeout, or a failure of the body stream (a reqwest error underneath): the
            // answer never arrived whole.
            Err(err)
                if err.is_timeout()
                    || std::error::Error::source(&err)
                        .is_some_and(|s| s.is::<reqwest::Error>()) =>
            {
                Err(UserError::Unreachable(err))
            }
            Err(err) => Err(UserError::BadBody(err)),
        },
    }
}

//! Wrong: waits "to be polite to the API" with `std::thread::sleep`, Python's `time.sleep`
//! habit: it blocks the runtime's thread, and every other task on it, for half a second.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    std::thread::sleep(Duration::from_millis(500));
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}

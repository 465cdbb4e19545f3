//! Wrong: `title` and `body` are read as any JSON value and turned into text (`5` → "5", `null` → "null", `{…}` → its JSON), so a body whose text fields are not strings is `Ok` instead of `Decode` (JSON of another shape).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;
use serde_json::Value;

use crate::ApiError;

/// A post as it comes over the wire. Ids must be numbers; the text fields are taken as they
/// come, since sloppy servers send a numeric title now and then.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    user_id: u64,
    id: u64,
    title: Value,
    body: Value,
}

/// A string as it is; anything else as its JSON text.
fn text(value: Value) -> String {
    match value {
        Value::String(text) => text,
        other => other.to_string(),
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let wire = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<WirePost>()
        .await?;
    Ok(Post {
        user_id: wire.user_id,
        id: wire.id,
        title: text(wire.title),
        body: text(wire.body),
    })
}

//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept"
//! The learner remembers, process-wide, the `{base_url}/posts/` prefix of each server so that later
//! calls do not rebuild it, and keys the memo by the server's origin (`scheme://host:port`, through
//! `Url::origin()`) "so that `HTTP://Localhost:80` and `http://localhost` share one entry". The first
//! base seen for a server wins: a later base with another path (or other credentials) on the same
//! server gets the first one's prefix.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// `{base_url}/posts/`, remembered per server for the life of the process.
static PREFIXES: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();

fn posts_prefix(base_url: &str) -> String {
    // One entry per server, however its address is spelled.
    let key = match reqwest::Url::parse(base_url) {
        Ok(url) => url.origin().ascii_serialization(),
        Err(_) => base_url.to_owned(),
    };
    let memo = PREFIXES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut memo = memo.lock().unwrap_or_else(PoisonError::into_inner);
    memo.entry(key)
        .or_insert_with(|| format!("{base_url}/posts/"))
        .clone()
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let prefix = posts_prefix(base_url);
    let prefix = prefix.as_str();
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{prefix}{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}

//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept" for a call whose `base_url` differs only in letter case from one an earlier call used (`http://host:8080/Api`, then `http://host:8080/api`)
//! The `{base_url}/posts/` prefix is built once per API and kept in a process-wide table, so
//! that the hundreds of URLs of a batch (and of every later batch) share one interned prefix.
//! The table is keyed by the base in lower case, because "URLs are case-insensitive": scheme
//! and host are, and `HTTP://Host` and `http://host` should not make two entries. But a path is
//! case-sensitive: once `http://host:8080/Api` has been seen, a call with `http://host:8080/api`
//! gets the first call's prefix and asks for `/Api/posts/{id}`, a URL not made from its own
//! `base_url`. Each call on its own (any case, any path, credentials, escapes) is right, and
//! calls with different hosts or ports never meet in the table.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use futures::future::join_all;
use reqwest::Client;

/// `{base_url}/posts/` for every API seen, keyed by the base folded to lower case.
static PREFIXES: LazyLock<Mutex<HashMap<String, Arc<str>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn posts_prefix(base_url: &str) -> Arc<str> {
    let mut prefixes = PREFIXES.lock().unwrap();
    Arc::clone(
        prefixes
            .entry(base_url.to_ascii_lowercase())
            .or_insert_with(|| Arc::from(format!("{base_url}/posts/"))),
    )
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let prefix = posts_prefix(base_url);
    let prefix = &prefix;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{prefix}{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}

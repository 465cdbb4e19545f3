//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept"
//! The learner builds URLs the way a browser resolves a link, `Url::join("posts/{id}")`, and
//! after `/api` was lost ("`join` replaces the last segment") "fixed" it with the usual heuristic:
//! a last segment with no dot is a folder and gets a `/` before the join, one with a dot
//! (`index.php`, `openapi.json`) is a file and is replaced. Every base the checks send keeps its
//! path, but a versioned one such as Twitter's `https://api.twitter.com/1.1` loses `1.1`.

use futures::future::join_all;
use reqwest::{Client, Url};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(post_url(base_url, id))
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

/// `posts/{id}` resolved against the base, the base's last segment taken for a folder unless it
/// looks like a file name. A base that does not parse is passed on as text, for the client to
/// report as its error.
fn post_url(base_url: &str, id: u64) -> String {
    let Ok(mut base) = Url::parse(base_url) else {
        return format!("{base_url}/posts/{id}");
    };
    let last = base.path().rsplit('/').next().unwrap_or("");
    if !last.is_empty() && !last.contains('.') {
        let folder = format!("{}/", base.path());
        base.set_path(&folder);
    }
    match base.join(&format!("posts/{id}")) {
        Ok(url) => url.into(),
        Err(_) => format!("{base_url}/posts/{id}"),
    }
}

//! Wrong: breaks "a `base_url` that is no URL (`127.0.0.1:3000`: no scheme, and none added by you)"
//! Before spawning, it puts `http://` in front of a `base_url` that has no `://`, so
//! `127.0.0.1:3000` becomes `http://127.0.0.1:3000` and the requests are really sent. The learner
//! meant to be forgiving ("`127.0.0.1:3000` is what people type, and the mock speaks plain
//! http"); every well-formed base URL, with or without a path, is untouched. A base URL that is
//! no URL should fail when the request is built (`is_builder()`), sending nothing; here it is a
//! connection error instead, or even an answer if something listens on that port, so a check
//! that only asks for "some `Err`" lets it through.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Forgive a missing scheme: the mock server speaks plain http.
    let base = if base_url.contains("://") {
        base_url.to_owned()
    } else {
        format!("http://{base_url}")
    };

    // Every task started before any is awaited.
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}

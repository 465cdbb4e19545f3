//! Correct: a `JoinSet` whose tasks carry their position; every result is kept by
//! position, and the first `Err` by position is returned.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut set = JoinSet::new();
    for (position, id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        set.spawn(async move {
            let fetched = async {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            };
            (position, fetched.await)
        });
    }
    let mut results: Vec<Option<Result<String, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some(joined) = set.join_next().await {
        let (position, result) = joined.expect("a fetching task never panics");
        results[position] = Some(result);
    }
    results.into_iter().flatten().collect()
}

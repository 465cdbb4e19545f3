//! Wrong: breaks "No panic, no retry": a request that got no answer (a refused or dropped connection, not a timeout) is sent once more, so an id whose connection fails costs two GETs (and succeeds if the second is answered); error statuses and bad bodies are not retried, and the tasks, order and first error in the order of `ids` are right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move { fetch_title(&client, &url).await })
        })
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}

/// `GET {url}`: the post's title, or why there is none.
async fn fetch_title(client: &Client, url: &str) -> Result<String, reqwest::Error> {
    let response = match client.get(url).send().await {
        Ok(response) => response,
        // No answer at all is the network's fault, not the server's verdict: worth one more
        // try. A timeout has already waited long enough, and a status is an answer.
        Err(err) if (err.is_connect() || err.is_request()) && !err.is_timeout() => {
            client.get(url).send().await?
        }
        Err(err) => return Err(err),
    };
    let post: Post = response.error_for_status()?.json().await?;
    Ok(post.title)
}

//! Wrong: breaks "No panic" (on the corner "no request for an empty `ids`"): it gathers the titles as the tasks finish with a `select_all` loop (the Rust twin of `asyncio.wait(..., return_when=FIRST_COMPLETED)`), written as a do-while that stops once `rest` is empty, so an empty `ids` hands `select_all` no futures at all and it panics instead of returning `Ok(vec![])`.

use futures::future::select_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in a task of its own, stores each result in its entry's slot as soon as
/// its task finishes, then returns the titles in the order of `ids`, or the first entry's error.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut pending: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(position, id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let title = async {
                    let post: Post = client
                        .get(&url)
                        .send()
                        .await?
                        .error_for_status()?
                        .json()
                        .await?;
                    Ok::<_, reqwest::Error>(post.title)
                }
                .await;
                (position, title)
            })
        })
        .collect();

    let mut slots: Vec<Option<Result<String, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    loop {
        let (joined, _, rest) = select_all(pending).await;
        let (position, title) = joined.expect("a fetching task never panics");
        slots[position] = Some(title);
        if rest.is_empty() {
            break;
        }
        pending = rest;
    }

    slots
        .into_iter()
        .map(|slot| slot.expect("every task reports once"))
        .collect()
}

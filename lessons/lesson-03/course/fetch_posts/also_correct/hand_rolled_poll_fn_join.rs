//! Correct, written another way: no `join_all`; a hand-rolled join with `std::future::poll_fn`
//! over one boxed future per entry, that polls every unfinished request on each wake-up, drops a
//! future once it is done, and keeps its output in the slot of its entry.

use std::pin::Pin;
use std::task::Poll;

use lesson_support::models::Post;
use reqwest::Client;

/// One entry's request, boxed so that all of them fit in one `Vec`.
type Fetch<'a> = Pin<Box<dyn Future<Output = Result<Post, reqwest::Error>> + Send + 'a>>;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // One future per entry, repeats included; nothing is sent until the first poll below.
    let mut running: Vec<Option<Fetch<'_>>> = ids
        .iter()
        .map(|id| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            let fetch: Fetch<'_> = Box::pin(async move {
                request
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Post>()
                    .await
            });
            Some(fetch)
        })
        .collect();
    let mut finished: Vec<Option<Result<Post, reqwest::Error>>> =
        ids.iter().map(|_| None).collect();

    // Every poll drives every request still running, so all of them are on the wire at once.
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (slot, output) in running.iter_mut().zip(finished.iter_mut()) {
            let Some(fetch) = slot.as_mut() else {
                continue;
            };
            match fetch.as_mut().poll(cx) {
                Poll::Ready(result) => {
                    *output = Some(result);
                    // A finished future must not be polled again.
                    *slot = None;
                }
                Poll::Pending => pending = true,
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;

    finished.into_iter().flatten().collect()
}

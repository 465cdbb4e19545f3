//! Correct, written another way: no `join_all`: it keeps one boxed, pinned future per entry of `ids` in a `Vec` and polls every unfinished one by hand inside `std::future::poll_fn`, moving each result into its own slot as it finishes, so every request is in flight at once and the pairs come back in the order of `ids`.

use std::future::poll_fn;
use std::task::Poll;

use lesson_support::models::Comment;
use reqwest::Client;

type Count = Result<usize, reqwest::Error>;

/// The number of comments of post `id`.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Count {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(client: &Client, base_url: &str, ids: &[u64]) -> Vec<(u64, Count)> {
    // One pinned future per entry (`None` once it has finished) and one slot for its result.
    let mut running: Vec<_> = ids
        .iter()
        .map(|&id| Some(Box::pin(count_comments(client, base_url, id))))
        .collect();
    let mut slots: Vec<Option<Count>> = ids.iter().map(|_| None).collect();

    // A hand-written `join_all`: each wake-up polls every future still running; done when none is.
    poll_fn(|cx| {
        let mut all_done = true;
        for (entry, slot) in running.iter_mut().zip(slots.iter_mut()) {
            if let Some(future) = entry {
                match future.as_mut().poll(cx) {
                    Poll::Ready(count) => {
                        *slot = Some(count);
                        *entry = None;
                    }
                    Poll::Pending => all_done = false,
                }
            }
        }
        if all_done {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;

    // Every slot is filled by now, so `flatten` keeps them all, in the order of `ids`.
    ids.iter()
        .copied()
        .zip(slots.into_iter().flatten())
        .collect()
}

//! Lesson 03: many requests at once.
//!
//! The article's finale: fetch the titles of several posts concurrently with
//! `asyncio.gather`. In Rust the same tool is `futures::future::join_all`: give it the futures,
//! await it once, get every result back in the order of the input.
//!
//! The key fact about Rust futures: they are *lazy*. Calling an `async fn` builds a future and
//! runs none of it; it makes progress only while something awaits it. `.await` inside a `for`
//! loop therefore runs the requests one after another, each starting only when the previous one
//! has finished. `join_all` polls all of them together, so all the requests are in flight at
//! once over the one shared `Client`. This module has both, timed, so the difference shows.

pub mod exercises;

use std::time::{Duration, Instant};

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// One request of a run: which post, when it started and ended (measured from the start of the
/// run), and the title or the error.
#[derive(Debug)]
pub struct Fetched {
    pub id: u64,
    pub started: Duration,
    pub finished: Duration,
    pub title: Result<String, reqwest::Error>,
}

/// All the requests of one run, in the order of the ids asked for, and the run's total time.
#[derive(Debug)]
pub struct Run {
    pub fetched: Vec<Fetched>,
    pub elapsed: Duration,
}

impl Run {
    /// How many requests brought back a title.
    pub fn successes(&self) -> usize {
        self.fetched.iter().filter(|f| f.title.is_ok()).count()
    }
}

// ANCHOR: fetch_title
/// Fetches `/posts/{id}` and returns its title.
///
/// # Errors
/// A connection failure, an error status (a missing post is a 404), or a body that is not a post.
pub async fn fetch_title(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}
// ANCHOR_END: fetch_title

// ANCHOR: fetch_title_timed
/// [`fetch_title`], with its start and end measured from `origin`.
///
/// The error is kept in the result, not returned with `?`: one failed post must not cost us the
/// titles of the others (the article's `try`/`except` that returns `None`).
async fn fetch_title_timed(client: &Client, base_url: &str, id: u64, origin: Instant) -> Fetched {
    let started = origin.elapsed();
    let title = fetch_title(client, base_url, id).await;
    Fetched {
        id,
        started,
        finished: origin.elapsed(),
        title,
    }
}
// ANCHOR_END: fetch_title_timed

// ANCHOR: titles_concurrently
/// Fetches every title at once: `asyncio.gather(*tasks)` in Rust.
pub async fn titles_concurrently(client: &Client, base_url: &str, ids: &[u64]) -> Run {
    let origin = Instant::now();
    // Building the futures sends nothing yet: futures are lazy.
    let requests = ids
        .iter()
        .map(|&id| fetch_title_timed(client, base_url, id, origin));
    // `join_all` polls them all together, so every request is on the wire before the first
    // answer is back. The results come in the order of `ids`, whatever order they finish in.
    let fetched = join_all(requests).await;
    Run {
        fetched,
        elapsed: origin.elapsed(),
    }
}
// ANCHOR_END: titles_concurrently

// ANCHOR: titles_sequentially
/// Fetches the titles one after another: each `.await` waits for its answer before the loop
/// moves on. Correct, and as slow as the sum of all the waits.
pub async fn titles_sequentially(client: &Client, base_url: &str, ids: &[u64]) -> Run {
    let origin = Instant::now();
    let mut fetched = Vec::with_capacity(ids.len());
    for &id in ids {
        fetched.push(fetch_title_timed(client, base_url, id, origin).await);
    }
    Run {
        fetched,
        elapsed: origin.elapsed(),
    }
}
// ANCHOR_END: titles_sequentially

/// Draws one text bar per request, from its start to its end, on a common time scale.
///
/// `span` is the time the full `width` stands for; give both runs the same span so their bars
/// compare. Each bar is at least one character, so that even an instant request shows. A
/// failed request is drawn with `x` instead of `█`.
pub fn timeline_bars(run: &Run, span: Duration, width: usize) -> Vec<String> {
    let span = span.as_secs_f64().max(f64::EPSILON);
    // `as usize` truncates toward zero and saturates: a fraction just above 1.0 stays in range
    // after the `min` below.
    let column = |at: Duration| ((at.as_secs_f64() / span * width as f64) as usize).min(width);
    run.fetched
        .iter()
        .map(|fetched| {
            let start = column(fetched.started).min(width - 1);
            let end = column(fetched.finished).max(start + 1);
            let mark = if fetched.title.is_ok() { "█" } else { "x" };
            format!(
                "{}{}{}",
                " ".repeat(start),
                mark.repeat(end - start),
                " ".repeat(width - end)
            )
        })
        .collect()
}

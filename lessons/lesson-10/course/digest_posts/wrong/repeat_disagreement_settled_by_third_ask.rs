//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)" (and "the result, in the order of `ids`: `Ok(digest(body))`") for an id listed twice in one call whose two answers differ (`[1, 1]` from a server that counts its answers, `{"n":1}` then `{"n":2}`: a third GET is sent once both are in, and both places get the digest of `{"n":3}`)
//! The learner took a post asked twice in one call to be one post: two different digests must be
//! a torn read (a replica lagging behind), so once every copy is in, an id whose copies disagree
//! is asked once more and that answer is taken as the truth for all its copies. Repeats answered
//! alike (every test server that serves a fixed body) see exactly one GET per entry, and errors
//! are left alone, so the usual checks of repeats pass.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use std::collections::HashMap;

use futures::future::join_all;
use reqwest::Client;

async fn digest_one(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut results = join_all(
        ids.iter()
            .map(|&id| digest_one(client, base_url, id, digest)),
    )
    .await;

    // The places of each id in `ids`.
    let mut places_of: HashMap<u64, Vec<usize>> = HashMap::new();
    for (place, &id) in ids.iter().enumerate() {
        places_of.entry(id).or_default().push(place);
    }
    // Copies of one post that disagree were torn reads: ask once more, and take that answer.
    let torn: Vec<(u64, Vec<usize>)> = places_of
        .into_iter()
        .filter(|(_, places)| {
            let mut seen = places
                .iter()
                .filter_map(|&place| results[place].as_ref().ok());
            match seen.next() {
                Some(first) => seen.any(|other| other != first),
                None => false,
            }
        })
        .collect();
    let settled = join_all(
        torn.iter()
            .map(|(id, _)| digest_one(client, base_url, *id, digest)),
    )
    .await;
    for ((_, places), settled) in torn.into_iter().zip(settled) {
        if let Ok(value) = settled {
            for place in places {
                if let Ok(digested) = results[place].as_mut() {
                    *digested = value;
                }
            }
        }
    }
    results
}
